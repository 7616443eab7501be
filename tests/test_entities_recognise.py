"""End-to-end recognition with the configured spaCy model (loaded once per session)."""

from __future__ import annotations

import pytest

from wiredesk.entities.mention import COUNTED_TYPES
from wiredesk.entities.recognise import find_mentions, get_recogniser

STORY = (
    "GENEVA, Nov 16 (Northwire) - Foreign Minister Amara Oyelaran said on Monday that the "
    "International Energy Agency (IEA) had underestimated demand.\n"
    "Oyelaran told reporters the IEA would brief the UN Security Council in New York. "
    "Oyelaran's aides said the UNSC had not yet replied.\n"
    "The Taliban movement rejected the plan, and the Taliban said talks would continue."
)


@pytest.fixture(scope="session")
def story_mentions():
    get_recogniser()
    return find_mentions([STORY])[0]


def by_text(mentions, text: str) -> list:
    return [m for m in mentions if m.text == text]


def test_offsets_point_at_the_text(story_mentions) -> None:
    assert story_mentions
    for m in story_mentions:
        assert STORY[m.start_char : m.end_char] == m.text


def test_dateline(story_mentions) -> None:
    assert [m.type for m in by_text(story_mentions, "GENEVA")] == ["GPE"]
    assert [m.type for m in by_text(story_mentions, "Northwire")] == ["ORG"]


def test_person_resolved_with_role(story_mentions) -> None:
    people = [m for m in story_mentions if m.type == "PERSON"]
    assert {m.text for m in people} == {"Amara Oyelaran", "Oyelaran"}
    assert len(people) == 3
    assert {m.name for m in people} == {"Amara Oyelaran"}
    assert all("Foreign Minister" in m.roles for m in people)


def test_acronyms_resolved(story_mentions) -> None:
    iea = by_text(story_mentions, "IEA")
    assert iea and {m.name for m in iea} == {"International Energy Agency"}
    unsc = by_text(story_mentions, "UNSC")
    assert unsc and {m.name for m in unsc} == {"UN Security Council"}


def test_taliban_is_one_entity(story_mentions) -> None:
    taliban = [m for m in story_mentions if "Taliban" in m.text]
    assert len(taliban) == 2
    assert len({m.entity_key for m in taliban}) == 1


def test_all_caps_headline_is_read() -> None:
    mentions = find_mentions(["KORVALE BEAT ORVIA AFTER OYELARAN RESIGNS IN GENEVA"])[0]
    labels = {m.text: m.type for m in mentions if m.type in COUNTED_TYPES}
    assert labels == {"KORVALE": "ORG", "ORVIA": "ORG", "OYELARAN": "PERSON", "GENEVA": "GPE"}


def test_batch_keeps_order_and_handles_empty_text() -> None:
    texts = ["", "Amara Oyelaran visited Lagos.", "No names here."]
    out = find_mentions(texts)
    assert len(out) == 3 and out[0] == []
    assert {m.text for m in out[1]} >= {"Amara Oyelaran", "Lagos"}


def test_large_batches_use_two_processes_with_the_same_result(monkeypatch) -> None:
    from wiredesk.entities import recognise

    texts = [
        "Foreign Minister Amara Oyelaran met the United Nations envoy in Geneva on Monday.",
        "The International Energy Agency (IEA) said prices in Brussels would rise.",
        "Lukas Brandt told reporters in Lisbon that the talks would resume.",
    ] * 2
    single = recognise.get_recogniser().raw_mentions_batch(texts)
    monkeypatch.setattr(recognise, "MIN_PARALLEL_TEXTS", 2)
    monkeypatch.setenv("WIREDESK_NER_PROCESSES", "2")
    assert recognise.get_recogniser().raw_mentions_batch(texts) == single
