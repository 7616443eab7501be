"""The quotation benchmark's scoring: matches, speaker checks and errors by kind, on
invented documents (the gold set itself is never read here)."""

from __future__ import annotations

from benchmarks.quotes import ERROR_KINDS, Doc, GoldQuote, reliability, score, speaker_error
from wiredesk.quotes import Quote

TEXT = (
    '"We will win," Mara Quist said. '
    '"Taxes go down," the governor, Ed Polk, said. '
    '"Never," Lund said. '
    "She said the vote was close. "
    '"Go home," someone shouted.'
)


def span(words: str) -> list[tuple[int, int]]:
    start = TEXT.index(words)
    return [(start, start + len(words))]


def quote(words: str, speaker: str | None, mention: str | None, kind: str = "direct") -> Quote:
    ((start, end),) = span(words)
    return Quote(kind, words, start, end, 0, speaker, mention, None, "said", 0.9)


GOLD = [
    GoldQuote("quote", span('"We will win,"'), "Mara Quist", "said"),
    GoldQuote("quote", span('"Taxes go down,"'), "the governor, Ed Polk,", "said"),
    GoldQuote("quote", span('"Never,"'), "Lund", "said"),
    GoldQuote("indirect", span("the vote was close"), "She", "said"),
    GoldQuote("quote", span('"Go home,"'), "someone", "shouted"),
]


def test_speaker_errors_are_told_apart() -> None:
    right = quote('"We will win,"', "Mara Quist", "Quist")
    assert speaker_error(right, "Mara Quist") is None
    assert speaker_error(quote('"Never,"', None, None), "Lund") == "no candidate"
    wrong = quote('"Never,"', "Mara Quist", "Quist")
    assert speaker_error(wrong, "Lund") == "wrong candidate"
    clause = quote('"Go home,"', None, "someone shouted at the crowd")
    assert speaker_error(clause, "someone") == "bad mention"


def test_score_counts_every_kind_of_mistake() -> None:
    doc = Doc("invented", TEXT, GOLD)
    predictions = [
        quote('"We will win,"', "Mara Quist", "Mara Quist"),  # right
        quote('"Taxes go down,"', None, "the governor, Ed"),  # bad mention: no surname
        quote('"Never,"', "Mara Quist", "Quist"),  # wrong candidate
        quote("the vote was close", None, "She", kind="indirect"),
        quote("someone shouted", None, None, kind="indirect"),  # extra indirect quote
    ]
    scores = score([doc], [predictions])
    assert (scores.quoted.tp, scores.quoted.fp, scores.quoted.fn) == (3, 0, 1)
    assert (scores.indirect.tp, scores.indirect.fp, scores.indirect.fn) == (1, 1, 0)
    assert (scores.speaker_ok, scores.speaker_total) == (1, 3)
    assert scores.errors[("quote", "bad mention")] == 1
    assert scores.errors[("quote", "wrong candidate")] == 1
    assert scores.errors[("quote", "no candidate")] == 0
    assert scores.errors[("quote", "missed quote")] == 1
    assert scores.errors[("indirect", "extra quote")] == 1
    assert scores.errors[("indirect", "missed quote")] == 0
    assert set(kind for _, kind in scores.errors) <= set(ERROR_KINDS)


def test_reliability_bins_confidence_against_speaker_accuracy() -> None:
    judged = [(0.95, True), (0.92, False), (0.91, True), (0.75, True), (0.3, False)]
    rows = {low: (count, share) for low, count, share in reliability(judged)}
    assert rows[0.9] == (3, 2 / 3)
    assert rows[0.7] == (1, 1.0)
    assert rows[0.0] == (1, 0.0)
    assert rows[0.5] == (0, 0.0)


def test_score_keeps_confidence_of_judged_speakers() -> None:
    doc = Doc("invented", TEXT, GOLD)
    right = quote('"We will win,"', "Mara Quist", "Mara Quist")
    scores = score([doc], [[right]])
    assert scores.judged == [(0.9, True)]
