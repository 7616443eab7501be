"""The clauses that open between a candidate speaker and a quote later in its sentence:
a phrase with a clause of its own between ("The berths are so crowded that pilots call the
quay "…"") is seldom the subject of the verb the quote hangs on. Invented sentences."""

from __future__ import annotations

from quote_helpers import candidates_of_quotes, feature


def _by_mention(text: str) -> dict[str | None, object]:
    ((_quote, candidates),) = candidates_of_quotes(text, [])
    return {c.speaker.mention: c for c in candidates}


def test_clauses_between_a_phrase_and_the_quote_are_counted() -> None:
    found = _by_mention(
        "The quay closed.\n\n"
        'The berths are so crowded that harbour pilots call the quay "a car park".'
    )
    assert feature(found["harbour pilots"], "clauses_to_quote") == 0.0
    assert feature(found["The berths"], "clauses_to_quote") == 1 / 3


def test_that_after_a_speech_verb_opens_no_clause_of_its_own() -> None:
    found = _by_mention('The quay closed.\n\nThe harbour board said that the berth was "unsafe".')
    assert feature(found["The harbour board"], "clauses_to_quote") == 0.0


def test_a_relative_clause_of_the_phrase_itself_counts_none() -> None:
    found = _by_mention('The quay closed.\n\nThe pilots, who called the quay "unsafe," left.')
    assert feature(found["The pilots"], "clauses_to_quote") == 0.0
    found = _by_mention('The quay closed.\n\nThe pilots left the man who called it "unsafe".')
    assert feature(found["The pilots"], "clauses_to_quote") == 1 / 3


def test_phrases_outside_the_quotes_sentence_or_after_the_quote_count_none() -> None:
    text = (
        "Wilmot spoke after the pilots left.\n\n"
        'The pilots called the quay "unsafe" when the harbour master said so.'
    )
    ((_quote, candidates),) = candidates_of_quotes(text, [("Wilmot", "PERSON", "Lena Wilmot")])
    found = {c.speaker.mention: c for c in candidates}
    assert feature(found["The pilots"], "clauses_to_quote") == 0.0
    assert feature(found["the harbour master"], "clauses_to_quote") == 0.0  # after the quote
    assert feature(found["Wilmot"], "previous_paragraph") == 1.0
    assert feature(found["Wilmot"], "clauses_to_quote") == 0.0  # "after" is in another sentence
