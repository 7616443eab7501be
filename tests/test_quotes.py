"""Behaviour of the quotation finder on small invented wire paragraphs (no spaCy needed)."""

from __future__ import annotations

import pytest

from wiredesk.entities.mention import Mention, entity_key
from wiredesk.quotes import Quote, find_quotes
from wiredesk.quotes.layout import Layout
from wiredesk.quotes.marks import find_quoted


def mentions_for(text: str, entities: list[tuple[str, str, str]]) -> list[Mention]:
    """Mentions for every occurrence of each (surface, type, full name)."""
    found = []
    for surface, type_, name in entities:
        start = text.find(surface)
        while start != -1:
            found.append(Mention(surface, type_, start, start + len(surface), name))
            start = text.find(surface, start + len(surface))
    return sorted(found, key=lambda m: m.start_char)


OYELARAN = [
    ("Amara Oyelaran", "PERSON", "Amara Oyelaran"),
    ("Oyelaran", "PERSON", "Amara Oyelaran"),
]


def only(quotes: list[Quote], kind: str) -> list[Quote]:
    return [q for q in quotes if q.kind == kind]


def test_direct_quote_with_trailing_attribution_resolves_surname() -> None:
    text = (
        "Foreign Minister Amara Oyelaran arrived in Geneva on Monday.\n\n"
        '"The talks have reached a decisive stage," Oyelaran said.'
    )
    quotes = find_quotes(text, mentions_for(text, OYELARAN))
    (quote,) = only(quotes, "direct")
    assert quote.text == "The talks have reached a decisive stage,"
    assert text[quote.start_char : quote.end_char] == ('"The talks have reached a decisive stage,"')
    assert quote.paragraph == 1
    assert quote.speaker == "Amara Oyelaran"
    assert quote.speaker_mention == "Oyelaran"
    assert quote.speaker_entity_key == entity_key("PERSON", "Amara Oyelaran")
    assert quote.cue == "said"
    assert quote.confidence >= 0.8


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ('"', '"'),
        ("\u201c", "\u201d"),
        ("\u201c", '"'),
        ("\u201e", "\u201c"),
        ("\u00ab", "\u00bb"),
        ("\u00bb", "\u00ab"),
    ],
)
def test_every_mark_style(opening: str, closing: str) -> None:
    text = f"{opening}We will not sign this agreement today,{closing} said Oyelaran."
    quotes = find_quotes(text, mentions_for(text, OYELARAN))
    (quote,) = quotes
    assert quote.kind == "direct"
    assert quote.text == "We will not sign this agreement today,"
    assert (quote.start_char, quote.end_char) == (0, text.index(",") + 2)
    assert quote.speaker == "Amara Oyelaran"


def test_inverted_attribution_with_apposition() -> None:
    text = (
        "\u201cThe corridor must stay open for grain ships,\u201d said Lena Brandt, "
        "the commission\u2019s vice-president."
    )
    quotes = find_quotes(text, mentions_for(text, [("Lena Brandt", "PERSON", "Lena Brandt")]))
    assert [q.speaker for q in quotes] == ["Lena Brandt"]


def test_apposition_before_cue() -> None:
    text = (
        "Brandt, the commission's vice-president, said: \"We expect an answer by Friday "
        'and we will not wait longer."'
    )
    quotes = find_quotes(text, mentions_for(text, [("Brandt", "PERSON", "Lena Brandt")]))
    (quote,) = quotes
    assert quote.kind == "direct"
    assert quote.speaker == "Lena Brandt"
    assert quote.cue == "said"


def test_single_quotes_inside_double_and_apostrophes() -> None:
    text = (
        "\"It's what they call 'a corridor of trust' and Kestrelia's ships will use it "
        "as in the '90s,\" Oyelaran said."
    )
    quotes = find_quotes(text, mentions_for(text, OYELARAN))
    (quote,) = quotes
    assert quote.text.startswith("It's what they call 'a corridor of trust'")
    assert quote.end_char == text.index(" Oyelaran")


def test_apostrophes_alone_are_not_quotes() -> None:
    text = "It's Kestrelia's fleet, built in the '90s, and the sailors' union's pride."
    assert find_quoted(text, Layout(text)) == []
    assert find_quotes(text, []) == []


def test_multi_paragraph_quote_is_one_quote() -> None:
    text = (
        "Oyelaran told reporters after the meeting:\n\n"
        "\u201cWe have agreed on the first stage of the corridor. Ships will move next week.\n\n"
        "\u201cThe second stage depends on the inspections, and those will take time.\u201d\n\n"
        "Talks resume on Monday."
    )
    quotes = only(find_quotes(text, mentions_for(text, OYELARAN)), "direct")
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.paragraph == 1
    assert quote.text.startswith("We have agreed on the first stage")
    assert quote.text.endswith("those will take time.")
    assert "Ships will move next week. The second stage" in quote.text
    assert text[quote.end_char - 1] == "\u201d"
    assert quote.speaker == "Amara Oyelaran"


def test_interrupted_quote_is_one_quote() -> None:
    text = 'Amara Oyelaran spoke after the vote.\n\n"We are close," she said, "but not there yet."'
    quotes = only(find_quotes(text, mentions_for(text, OYELARAN)), "direct")
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.text == "We are close, but not there yet."
    assert text[quote.start_char : quote.end_char] == (
        '"We are close," she said, "but not there yet."'
    )
    assert quote.speaker_mention == "she"
    assert quote.speaker == "Amara Oyelaran"


def test_partial_quote_takes_sentence_subject() -> None:
    text = "Oyelaran called the proposal \u201ca serious step\u201d toward a ceasefire."
    quotes = find_quotes(text, mentions_for(text, OYELARAN))
    (quote,) = quotes
    assert quote.kind == "partial"
    assert quote.text == "a serious step"
    assert quote.speaker == "Amara Oyelaran"


def test_scare_quotes_titles_and_ship_names_are_rejected() -> None:
    text = (
        'The so-called "Blue Corridor" plan was signed in March. The ship "Northern Star" '
        'left port at dawn, carrying the "humanitarian" cargo to the town of "New Hope".'
    )
    assert find_quotes(text, []) == []


def test_pronoun_resolves_by_gender() -> None:
    text = (
        "Mr. Tomas Weller met Ms. Amara Oyelaran in Geneva.\n\n"
        '"We agreed on nothing yet," she said.\n\n'
        '"I will return next week," he said.'
    )
    people = [
        ("Tomas Weller", "PERSON", "Tomas Weller"),
        ("Amara Oyelaran", "PERSON", "Amara Oyelaran"),
    ]
    quotes = find_quotes(text, mentions_for(text, people))
    assert [q.speaker for q in quotes] == ["Amara Oyelaran", "Tomas Weller"]


def test_role_resolves_to_person_introduced_with_title() -> None:
    text = (
        "Foreign Minister Amara Oyelaran and trade envoy Pieter Lund arrived on Monday.\n\n"
        '"Nothing is agreed until everything is agreed," the minister said.'
    )
    people = [*OYELARAN, ("Pieter Lund", "PERSON", "Pieter Lund")]
    (quote,) = find_quotes(text, mentions_for(text, people))
    assert quote.speaker_mention == "the minister"
    assert quote.speaker == "Amara Oyelaran"


def test_role_from_apposition_and_from_mention_roles() -> None:
    text = (
        "Amara Oyelaran, the country's top diplomat, flew in overnight.\n\n"
        '"We came to listen first," the top diplomat said.'
    )
    (quote,) = find_quotes(text, mentions_for(text, OYELARAN))
    assert quote.speaker == "Amara Oyelaran"

    text = 'Lund visited the port.\n\n"The cranes are idle," the envoy told reporters.'
    start = text.index("Lund")
    lund = [Mention("Lund", "PERSON", start, start + 4, "Pieter Lund", roles=("Trade Envoy",))]
    (quote,) = find_quotes(text, lund)
    assert quote.speaker == "Pieter Lund"
    assert quote.cue == "told reporters"


@pytest.mark.parametrize(
    "source",
    ["officials", "a source close to the talks", "diplomats", "a senior official"],
)
def test_anonymous_sources_keep_mention_without_speaker(source: str) -> None:
    text = f'Oyelaran left early. "The deal is off for now," {source} said.'
    (quote,) = find_quotes(text, mentions_for(text, OYELARAN))
    assert quote.speaker is None
    assert quote.speaker_entity_key is None
    assert quote.speaker_mention == source


def test_unbalanced_marks_do_not_raise_and_lower_confidence() -> None:
    text = (
        'Oyelaran said: "We will keep the corridor open for as long as it takes\n\n'
        "The session ended at noon."
    )
    quotes = find_quotes(text, mentions_for(text, OYELARAN))
    direct = only(quotes, "direct")
    assert len(direct) == 1
    assert direct[0].confidence < 0.8
    assert direct[0].end_char <= text.index("\n")
    for broken in ['"', '" "', "“", "He said ” and then “", "«"]:
        find_quotes(broken, [])


def test_offsets_survive_nbsp_and_elisions() -> None:
    text = (
        "Amara\u00a0Oyelaran, speaking in Geneva, was blunt.\n"
        "\u201cThe corridor […] will stay open,\u00a0whatever happens,\u201d Oyelaran said."
    )
    people = [
        ("Amara\u00a0Oyelaran", "PERSON", "Amara Oyelaran"),
        ("Oyelaran", "PERSON", "Amara Oyelaran"),
    ]
    mentions = [
        m
        for m in mentions_for(text, people)
        if not (m.text == "Oyelaran" and text[m.start_char - 1] == "\u00a0")
    ]
    (quote,) = find_quotes(text, mentions)
    assert quote.paragraph == 1
    span = text[quote.start_char : quote.end_char]
    assert span.startswith("\u201cThe corridor […]") and span.endswith(",\u201d")
    assert "\u00a0whatever" in span
    assert quote.text == "The corridor […] will stay open,\u00a0whatever happens,"


@pytest.mark.parametrize(
    ("sentence", "clause", "cue"),
    [
        (
            "Oyelaran said on Tuesday that the talks would resume next week.",
            "the talks would resume next week",
            "said",
        ),
        (
            "Oyelaran told reporters the corridor would reopen within days.",
            "the corridor would reopen within days",
            "told reporters",
        ),
        (
            "According to Oyelaran, the first convoy will leave on Friday.",
            "the first convoy will leave on Friday",
            "According to",
        ),
        (
            "The inspections will take at least a month, Oyelaran noted.",
            "The inspections will take at least a month",
            "noted",
        ),
    ],
)
def test_indirect_speech(sentence: str, clause: str, cue: str) -> None:
    (quote,) = find_quotes(sentence, mentions_for(sentence, OYELARAN))
    assert quote.kind == "indirect"
    assert quote.text == clause
    assert sentence[quote.start_char : quote.end_char] == clause
    assert quote.speaker == "Amara Oyelaran"
    assert quote.cue == cue


def test_indirect_with_anonymous_source() -> None:
    text = "According to diplomats, the convoy was turned back at the border."
    (quote,) = find_quotes(text, [])
    assert quote.kind == "indirect"
    assert quote.speaker is None
    assert quote.speaker_mention == "diplomats"


def test_non_speech_is_not_indirect() -> None:
    text = "The ministry is said to be divided. Saying goodbye, the envoy boarded the plane."
    assert find_quotes(text, []) == []


def test_unattributed_follow_up_paragraph_inherits_speaker() -> None:
    text = (
        '"We will be back," Oyelaran said.\n\n'
        '"And next time we will bring the full delegation with us."'
    )
    quotes = find_quotes(text, mentions_for(text, OYELARAN))
    assert [q.speaker for q in quotes] == ["Amara Oyelaran", "Amara Oyelaran"]
    assert quotes[1].confidence < quotes[0].confidence


def test_empty_text() -> None:
    assert find_quotes("", []) == []
