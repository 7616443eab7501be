"""Russian names resolve to the nominative, so each case of a name is one entity."""

from __future__ import annotations

from wiredesk.entities import Mention
from wiredesk.entities.resolve import resolve_mentions
from wiredesk.entities.russian_names import (
    nominative_names,
    person_readings,
    place_or_body_nominative,
)

TEXT = (
    "По словам министра Сергея Лаврова, переговоры пройдут в Женеве. Лавров добавил, что "
    "Лаврову нечего скрывать. Представитель МИДа Мария Захарова сообщила, что Захаровой "
    "звонили из Государственной думы."
)


def _mention(surface: str, type_: str, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(surface, start + 1)
    return Mention(surface, type_, start, start + len(surface), surface)


def test_a_person_in_every_case_is_one_entity_under_the_nominative_name() -> None:
    mentions = [
        _mention("Сергея Лаврова", "PERSON"),
        _mention("Женеве", "GPE"),
        _mention("Лавров", "PERSON", 1),
        _mention("Лаврову", "PERSON"),
        _mention("МИДа", "ORG"),
        _mention("Мария Захарова", "PERSON"),
        _mention("Захаровой", "PERSON"),
        _mention("Государственной думы", "ORG"),
    ]
    resolved = resolve_mentions(TEXT, mentions, "ru")
    names = [(m.text, m.name) for m in resolved]
    assert names == [
        ("Сергея Лаврова", "Сергей Лавров"),
        ("Женеве", "Женева"),
        ("Лавров", "Сергей Лавров"),
        ("Лаврову", "Сергей Лавров"),
        ("МИДа", "МИД"),
        ("Мария Захарова", "Мария Захарова"),
        ("Захаровой", "Мария Захарова"),
        ("Государственной думы", "Государственная дума"),
    ]
    lavrov = {m.entity_key for m in resolved if m.name == "Сергей Лавров"}
    assert len(lavrov) == 1


def test_a_surname_alone_takes_the_reading_the_article_confirms() -> None:
    assert person_readings("Лаврова") == ("Лавров", "Лаврова")  # his genitive, or her name
    assert person_readings("Захаровой") == ("Захарова",)
    assert nominative_names(["Лаврова", "Анна Лаврова"], ["PERSON", "PERSON"]) == [
        "Лаврова",
        "Анна Лаврова",
    ]  # a woman named in full: her name, not his genitive
    assert nominative_names(["Лаврова"], ["PERSON"]) == ["Лавров"]


def test_a_place_or_body_declines_its_head_and_adjectives_only() -> None:
    assert place_or_body_nominative("Соединенных Штатов Америки") == "Соединенные Штаты Америки"
    assert place_or_body_nominative("мэрии Москвы") == "мэрия Москвы"  # a complement keeps its case
    assert place_or_body_nominative("Тверской площади") == "Тверская площадь"
    # "частное" is a noun too, but here the adjective of the noun after it
    assert place_or_body_nominative("Частного корреспондента") == "Частный корреспондент"
    assert place_or_body_nominative("Москва") == "Москва"
    assert place_or_body_nominative("Microsoft") == "Microsoft"  # not Russian: as written
    assert place_or_body_nominative("ООН") == "ООН"
