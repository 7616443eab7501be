"""Candidate features that look past the quote's own attribution: who was quoted just
before (speaker continuity), a name right after a speech verb, the quote's own sentence,
and how the candidates of one quote compare (nearest before and after, one speaker named
several times), on invented paragraphs."""

from __future__ import annotations

from tests.quote_helpers import candidates_of_quotes, feature
from wiredesk.quotes.candidates import Candidate


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
    found = candidates_of_quotes(TWO_SPEAKERS, PEOPLE)
    assert len(found) == 3
    first, second, third = (candidates for _, candidates in found)
    # nobody was quoted before the first quote
    assert all(feature(c, "previous_quote_speaker") == 0.0 for c in first)
    assert all(feature(c, "log_earlier_quotes") == 0.0 for c in first)
    # the second quote follows one by Quill, one paragraph up
    quill = _named(second, "Mara Quill")
    brandt = _named(second, "Tomas Brandt")
    assert feature(quill, "previous_quote_speaker") == 1.0
    assert feature(brandt, "previous_quote_speaker") == 0.0
    assert feature(quill, "log_earlier_quotes") > 0.0
    # the third follows Brandt's quote; Quill was quoted earlier in the article
    quill = _named(third, "Quill")
    assert feature(quill, "previous_quote_speaker") == 0.0
    assert feature(quill, "log_earlier_quotes") > 0.0


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
    ((quote, candidates),) = candidates_of_quotes(AFTER_CUE, ANALYST)
    ostrova = _named(candidates, "Lena Ostrova")
    oslo = _named(candidates, "Oslo")
    assert feature(ostrova, "after_a_cue") == 1.0
    assert feature(oslo, "after_a_cue") == 0.0
    assert feature(ostrova, "in_quote_sentence") == 1.0
    assert feature(ostrova, "nearest_after") == 1.0
    assert feature(oslo, "nearest_after") == 0.0


def test_nearest_before_and_one_speaker_named_twice() -> None:
    quote, candidates = candidates_of_quotes(TWO_SPEAKERS, PEOPLE)[1]
    brandt = _named(candidates, "Tomas Brandt")
    he = _named(candidates, "he")
    quill = _named(candidates, "Mara Quill")
    # "Tomas Brandt, who chairs …" is the last candidate before the quote; "he" the first after
    assert feature(brandt, "nearest_before") == 1.0
    assert feature(quill, "nearest_before") == 0.0
    assert feature(he, "nearest_after") == 1.0
    # "he" means Tomas Brandt: two candidates name him, one names Quill
    assert he.speaker.name == "Tomas Brandt"
    assert feature(brandt, "log_same_speaker_candidates") > 0.0
    assert feature(he, "log_same_speaker_candidates") == feature(
        brandt, "log_same_speaker_candidates"
    )
    assert feature(quill, "log_same_speaker_candidates") == 0.0
