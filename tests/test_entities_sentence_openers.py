"""A sentence's first word the model took into a name is dropped from it."""

from __future__ import annotations

import pytest

from tests.entity_helpers import mention as _mention
from wiredesk.entities.mention import Mention
from wiredesk.entities.sentence_openers import drop_lone_openers, trim_sentence_opener


@pytest.mark.parametrize(
    ("text", "surface", "kept"),
    [
        (
            "The ferry left.\n\nBecause Halloran had moved, the crew waited.",
            "Because Halloran",
            "Halloran",
        ),
        ("Regarding Tessaly, the board said nothing.", "Regarding Tessaly", "Tessaly"),
        ("He said so. Hosting Marquand at the lodge, she smiled.", "Hosting Marquand", "Marquand"),
        ("The ferry left. Will Ostrander stayed behind.", "Will Ostrander", "Will Ostrander"),
        ("The ferry left. Per Lindqvist stayed behind.", "Per Lindqvist", "Per Lindqvist"),
        ("The ferry left. The Hague answered.", "The Hague", "The Hague"),
        ("In the harbour, Because Halloran is a ship.", "Because Halloran", "Because Halloran"),
    ],
)
def test_a_sentence_opener_is_cut_from_a_person_or_place(
    text: str, surface: str, kept: str
) -> None:
    trimmed = trim_sentence_opener(text, _mention(text, surface))
    assert trimmed is not None
    assert (trimmed.text, trimmed.name) == (kept, kept)
    assert text[trimmed.start_char : trimmed.end_char] == kept


def test_organisations_keep_their_first_word() -> None:
    text = "Rolling Stone reported it."
    assert trim_sentence_opener(text, _mention(text, "Rolling Stone", "ORG")).text == (
        "Rolling Stone"
    )


def test_nothing_of_a_name_left_is_no_mention() -> None:
    text = "Once again, the ferry left."
    assert trim_sentence_opener(text, _mention(text, "Once again", "GPE")) is None


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("The talks stalled. Eventually, the board gave in.", "Eventually", "ORG"),
        ("Sadly, the ferry never came back.", "Sadly", "GPE"),
        ("It rained.\n\nHistorically the port flooded in spring.", "Historically", "PERSON"),
        ("Specifically, the bureau asked for the files.", "Specifically", "PERSON"),
        ("Inside, the cabin seats four.", "Inside", "PERSON"),
        ("Amid all this, the port closed.", "Amid", "PERSON"),
        ("Save $30 on the ferry pass.", "Save", "ORG"),
    ],
)
def test_a_lone_word_opening_a_sentence_that_is_no_name_is_dropped(
    text: str, surface: str, kind: str
) -> None:
    assert drop_lone_openers(text, [_mention(text, surface, kind)]) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The talks stalled. Kelly said the board gave in.", "Kelly"),  # no "kel"
        ("The talks stalled. Connolly said so.", "Connolly"),
        ("The talks stalled. Kimberly said so.", "Kimberly"),  # a first name
        ("The talks stalled. Brown said so.", "Brown"),  # a name in tagged newswire
        ("The port is on Sicily.", "Sicily"),
        ("The talks stalled, and Sadly answered.", "Sadly"),  # not opening a sentence
    ],
)
def test_names_stay(text: str, surface: str) -> None:
    mention = _mention(text, surface)
    assert drop_lone_openers(text, [mention]) == [mention]


def test_a_word_of_a_longer_name_in_the_text_stays() -> None:
    text = "Steve Harlan Jobs founded it. Jobs left early."
    full = _mention(text, "Steve Harlan Jobs")
    start = text.index("Jobs left")
    alone = Mention("Jobs", "PERSON", start, start + 4, "Jobs")
    assert drop_lone_openers(text, [full, alone]) == [full, alone]
    assert drop_lone_openers(text, [alone]) == []
