"""The Russian linking benchmark reads factRuEval's coreference as its files are laid out."""

from __future__ import annotations

from pathlib import Path

from benchmarks.russian_links import _same_name, read_document


def test_objects_take_their_coreference_group_and_gold_name(tmp_path: Path) -> None:
    text = "Сергей Лавров прилетел в Женеву. Лаврова встретили в аэропорту."
    stem = tmp_path / "book_1"
    stem.with_suffix(".txt").write_text(text, encoding="utf-8")
    first, second, city = text.index("Сергей"), text.index("Лаврова"), text.index("Женеву")
    stem.with_suffix(".spans").write_text(
        f"1 name {first} 6 0 1  # Сергей\n"
        f"2 surname {first + 7} 6 0 1  # Лавров\n"
        f"3 surname {second} 7 0 1  # Лаврова\n"
        f"4 loc_name {city} 6 0 1  # Женеву\n",
        encoding="utf-8",
    )
    stem.with_suffix(".objects").write_text(
        "10 Person 1 2 # Сергей Лавров\n11 Person 3 # Лаврова\n12 Location 4 # Женеву\n",
        encoding="utf-8",
    )
    stem.with_suffix(".coref").write_text(
        "1 10 11\nfirstname Сергей\nlastname Лавров\n\n2 12\nname Женева\n", encoding="utf-8"
    )
    read, gold = read_document(stem)
    assert read == text
    assert [(text[g.start : g.end], g.kind, g.group, g.name) for g in gold] == [
        ("Сергей Лавров", "PER", "1", "Лавров"),
        ("Лаврова", "PER", "1", "Лавров"),
        ("Женеву", "LOC", "2", "Женева"),
    ]
    assert _same_name("Сергей Лавров", "Лавров", person=True)
    assert _same_name("Соединённые Штаты", "Соединенные Штаты", person=False)
    assert not _same_name("Женеву", "Женева", person=False)
