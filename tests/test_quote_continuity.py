"""Candidate features that look past the quote's own attribution: who was quoted just
before (speaker continuity), a name right after a speech verb, the quote's own sentence,
and how the candidates of one quote compare (nearest before and after, one speaker named
several times), on invented paragraphs."""

from __future__ import annotations

from wiredesk.entities.mention import Mention
from wiredesk.quotes.candidates import FEATURES, Candidate, CandidateBuilder
from wiredesk.quotes.direct import find_direct
from wiredesk.quotes.layout import Layout
from wiredesk.quotes.model import Quote
from wiredesk.quotes.speakers import SpeakerResolver


def _mentions(text: str, entities: list[tuple[str, str, str]]) -> list[Mention]:
    """Every occurrence of each surface, longer surfaces first, none inside another."""
    found: list[Mention] = []
    for surface, type_, name in sorted(entities, key=lambda e: -len(e[0])):
        start = text.find(surface)
        while start != -1:
            end = start + len(surface)
            if not any(m.start_char < end and start < m.end_char for m in found):
                found.append(Mention(surface, type_, start, end, name))
            start = text.find(surface, end)
    return sorted(found, key=lambda m: m.start_char)


def _all_candidates(
    text: str, entities: list[tuple[str, str, str]]
) -> list[tuple[Quote, list[Candidate]]]:
    layout = Layout(text)
    resolver = SpeakerResolver(text, _mentions(text, entities))
    attributions: dict = {}
    quotes, _ = find_direct(text, layout, resolver, attributions)
    builder = CandidateBuilder(text, layout, resolver)
    return [(q, builder.candidates(q, attributions.get(q.start_char))) for q in quotes]


def _value(candidate: Candidate, name: str) -> float:
    return candidate.features[FEATURES.index(name)]


def _named(candidates: list[Candidate], mention: str) -> Candidate:
    return next(c for c in candidates if c.speaker.mention == mention and c.start is not None)


TWO_SPEAKERS = (
    "The council met on Monday to vote on the new budget for the harbour.\n\n"
    '"We cannot wait another year for this," Mara Quill said after the vote.\n\n'
    'Tomas Brandt, who chairs the finance panel, disagreed. "The numbers do not add up," '
    "he said.\n\n"
    'Quill called the plan "a bridge to nowhere" in remarks to reporters.'
)
PEOPLE = [("Mara Quill", "PERSON", "Mara Quill"), ("Quill", "PERSON", "Mara Quill")]
PEOPLE += [("Tomas Brandt", "PERSON", "Tomas Brandt")]


def test_the_speaker_of_the_quote_before_is_marked_and_counted() -> None:
    found = _all_candidates(TWO_SPEAKERS, PEOPLE)
    assert len(found) == 3
    first, second, third = (candidates for _, candidates in found)
    # nobody was quoted before the first quote
    assert all(_value(c, "previous_quote_speaker") == 0.0 for c in first)
    assert all(_value(c, "log_earlier_quotes") == 0.0 for c in first)
    # the second quote follows one by Quill, one paragraph up
    quill = _named(second, "Mara Quill")
    brandt = _named(second, "Tomas Brandt")
    assert _value(quill, "previous_quote_speaker") == 1.0
    assert _value(brandt, "previous_quote_speaker") == 0.0
    assert _value(quill, "log_earlier_quotes") > 0.0
    # the third follows Brandt's quote; Quill was quoted earlier in the article
    quill = _named(third, "Quill")
    assert _value(quill, "previous_quote_speaker") == 0.0
    assert _value(quill, "log_earlier_quotes") > 0.0


AFTER_CUE = (
    "The port authority raised its fees on Tuesday.\n\n"
    'Shipping firms used "every argument they could find" against it, said Lena Ostrova, '
    "an analyst at Harbor Research in Oslo."
)
ANALYST = [
    ("Lena Ostrova", "PERSON", "Lena Ostrova"),
    ("Harbor Research", "ORG", "Harbor Research"),
    ("Oslo", "GPE", "Oslo"),
]


def test_a_name_right_after_a_speech_verb_in_the_quotes_sentence() -> None:
    ((quote, candidates),) = _all_candidates(AFTER_CUE, ANALYST)
    ostrova = _named(candidates, "Lena Ostrova")
    oslo = _named(candidates, "Oslo")
    assert _value(ostrova, "after_a_cue") == 1.0
    assert _value(oslo, "after_a_cue") == 0.0
    assert _value(ostrova, "in_quote_sentence") == 1.0
    assert _value(ostrova, "nearest_after") == 1.0
    assert _value(oslo, "nearest_after") == 0.0


def test_nearest_before_and_one_speaker_named_twice() -> None:
    quote, candidates = _all_candidates(TWO_SPEAKERS, PEOPLE)[1]
    brandt = _named(candidates, "Tomas Brandt")
    he = _named(candidates, "he")
    quill = _named(candidates, "Mara Quill")
    # "Tomas Brandt, who chairs …" is the last candidate before the quote; "he" the first after
    assert _value(brandt, "nearest_before") == 1.0
    assert _value(quill, "nearest_before") == 0.0
    assert _value(he, "nearest_after") == 1.0
    # "he" means Tomas Brandt: two candidates name him, one names Quill
    assert he.speaker.name == "Tomas Brandt"
    assert _value(brandt, "log_same_speaker_candidates") > 0.0
    assert _value(he, "log_same_speaker_candidates") == _value(
        brandt, "log_same_speaker_candidates"
    )
    assert _value(quill, "log_same_speaker_candidates") == 0.0
