"""The German first-name list: built from register-office counts, read as a word mark."""

from __future__ import annotations

from pathlib import Path

from wiredesk.entities.german_first_names import build, count_names, is_german_first_name
from wiredesk.entities.training.name_lists import is_first_name


def test_counts_add_up_over_rows_and_skip_headers_and_non_names() -> None:
    rows = [
        ["vorname", "anzahl", "geschlecht"],
        ["Jürgen", "7", "m"],
        ["Jürgen", "5", "m", "2"],
        ["Anne-Marie", "3", "w"],
        ["(ohne Vorname)", "4", "w"],
        ["kleinschrift", "9", "w"],
        ["Luca2", "9", "m"],
    ]
    assert count_names(rows) == {"Jürgen": 12, "Anne-Marie": 3}


def test_a_name_enters_the_list_when_given_often_enough(tmp_path: Path) -> None:
    for year, text in (("2019", "vorname,anzahl\nUwe,6\nHeike,2\n"), ("2020", "Uwe,5\n")):
        (tmp_path / year).mkdir()
        (tmp_path / year / "mitte.csv").write_text(text, encoding="utf-8")
    assert build(tmp_path, min_count=10) == ["Uwe"]
    assert build(tmp_path, min_count=2) == ["Heike", "Uwe"]


def test_german_names_missing_from_the_us_list_are_marked() -> None:
    for name in ("Jürgen", "Uwe", "Heinrich", "Gudrun"):
        assert is_german_first_name(name) and is_first_name(name)
    assert not is_german_first_name("jürgen")  # a name is written with a capital
    assert not is_german_first_name("Bundestag")
