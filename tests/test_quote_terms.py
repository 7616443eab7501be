"""Quoted phrases the rules would leave out are weighed by the shipped term model."""

from __future__ import annotations

import pytest

from wiredesk.quotes import find_quotes
from wiredesk.quotes.terms import Evidence, features, recording


def test_a_term_someone_is_blamed_for_using_is_kept_as_a_partial_quote() -> None:
    text = 'Lund accused the board of making racist remarks by using the term "superpredator".'
    (quote,) = find_quotes(text, [])
    assert (quote.kind, quote.text) == ("partial", "superpredator")


@pytest.mark.parametrize(
    "text",
    [
        'The harbour festival will show the film "Northern Star" on Friday.',
        'She read the novel "The Long Winter" twice.',
    ],
)
def test_a_title_after_the_film_or_book_stays_out(text: str) -> None:
    assert find_quotes(text, []) == []


def test_dropped_phrases_are_recorded_with_their_shape() -> None:
    text = 'The council met in the "Blue Room" on Monday.'
    with recording() as sink:
        find_quotes(text, [])
    (term,) = sink
    assert text[term.start : term.end] == '"Blue Room"'
    assert term.features["capitalised"] == 1.0 and term.features["prev=the"] == 1.0


def test_features_name_why_the_rules_dropped_a_phrase() -> None:
    text = 'It was called "a betrayal" by no one.'
    start = text.index('"')
    evidence = Evidence("naming", "a betrayal", False, False, True, "called", False)
    found = features(text, start, start + len('"a betrayal"'), 0, len(text), evidence)
    assert found["why=naming"] == 1.0 and found["naming=called"] == 1.0
