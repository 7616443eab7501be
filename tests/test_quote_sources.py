"""Sources besides people: the subjects of a quote's sentence, descriptions with their
modifiers, organisations the recogniser missed, and the chooser's hidden layer, on invented
sentences and synthetic numbers."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from wiredesk.quotes import find_quotes
from wiredesk.quotes.attribution import clause_subjects
from wiredesk.quotes.candidates import FEATURES, Candidate, CandidateBuilder
from wiredesk.quotes.chooser import ChooserModel, read_model
from wiredesk.quotes.direct import find_direct
from wiredesk.quotes.extents import full_description
from wiredesk.quotes.layout import Layout
from wiredesk.quotes.speakers import SpeakerResolver
from wiredesk.quotes.training.fit import fit_hidden_ranker, fit_ranker


def _words(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def test_the_phrase_a_sentence_opens_with_is_a_subject() -> None:
    text = 'The crowd gathered outside the hall chanted "four more years" all night.'
    opening, cued = clause_subjects(text, 0, text.index('"'))
    assert _words(text, opening) == "The crowd"
    assert cued == []


def test_the_subject_of_each_speech_verb_before_the_quote_is_a_subject() -> None:
    text = 'Asked about the quay, it warns that "the quay will not last".'
    _opening, cued = clause_subjects(text, 0, text.index('"'))
    assert [_words(text, span) for span in cued] == ["it"]


@pytest.mark.parametrize(
    ("text", "short", "whole"),
    [
        (
            'A senior port official who inspected the berth said "it is closed".',
            "A senior port official",
            "A senior port official who inspected the berth",
        ),
        (
            'The board is "broke", according to a study by engineers at the harbour college.',
            "a study",
            "a study by engineers at the harbour college",
        ),
    ],
)
def test_a_description_is_offered_with_its_modifiers(text: str, short: str, whole: str) -> None:
    start = text.index(short)
    found = full_description(text, start, start + len(short), text.index('"'))
    if found is None or found[1] <= start + len(short):
        limit = len(text)
        found = full_description(text, start, start + len(short), limit)
    assert _words(text, found) == whole


def test_a_description_with_a_verb_after_it_has_no_longer_reading() -> None:
    text = 'The harbour board said "the quay will not last".'
    start = text.index("The harbour board")
    assert full_description(text, start, start + len("The harbour board"), text.index('"')) is None


def test_a_capitalised_name_after_the_is_a_name() -> None:
    text = "Ships were late. The Coastal Harbour Gazette reported the delays."
    resolver = SpeakerResolver(text, [])
    start = text.index("The Coastal")
    speaker = resolver.resolve(start, start + len("The Coastal Harbour Gazette"))
    assert speaker.name == "Coastal Harbour Gazette"
    assert speaker.mention == "The Coastal Harbour Gazette"
    start = text.index("Ships")
    assert resolver.resolve(start, start + len("Ships")).name != "Ships were"


def test_a_capitalised_title_of_one_word_stays_a_description() -> None:
    text = "The President spoke."
    resolver = SpeakerResolver(text, [])
    assert resolver.resolve(0, len("The President")).name != "President"


def _candidates(text: str) -> list[Candidate]:
    layout = Layout(text)
    resolver = SpeakerResolver(text, [])
    attributions: dict = {}
    quotes, _ = find_direct(text, layout, resolver, attributions)
    builder = CandidateBuilder(text, layout, resolver)
    return builder.candidates(quotes[0], attributions.get(quotes[0].start_char))


def test_the_opening_subject_and_a_longer_description_are_candidates() -> None:
    text = (
        "The quay is closing.\n\n"
        "A harbour engineer who inspected the quay last week said it was "
        '"beyond repair and unsafe for any ship".'
    )
    candidates = _candidates(text)
    by_mention = {c.speaker.mention: c for c in candidates}
    assert "A harbour engineer" in by_mention
    longer = by_mention["A harbour engineer who inspected the quay last week"]
    assert longer.features[FEATURES.index("full_description")] == 1.0
    assert longer.features[FEATURES.index("full_description_clause")] == 1.0


def test_a_report_is_a_document_source() -> None:
    text = 'The quay is closing.\n\nThe inspection report said the quay was "beyond repair".'
    by_mention = {c.speaker.mention: c for c in _candidates(text)}
    report = by_mention["The inspection report"]
    assert report.features[FEATURES.index("document_noun")] == 1.0
    assert report.features[FEATURES.index("body_noun")] == 0.0


def test_a_document_that_reads_the_words_is_their_source() -> None:
    text = '"Our children are thriving in these schools," the letter reads. Parents agreed.'
    (quote,) = find_quotes(text, [])
    assert (quote.kind, quote.cue, quote.speaker_mention) == ("direct", "reads", "the letter")


def test_an_accusation_quotes_its_accuser() -> None:
    text = 'The mayor accused the union of "bad faith" in the talks.'
    (quote,) = find_quotes(text, [])
    assert (quote.kind, quote.cue, quote.speaker_mention) == ("partial", "accused", "The mayor")


@pytest.mark.parametrize(
    ("text", "cue", "mention"),
    [
        ('The mayor praised the plan as "a turning point" for the port.', "praised", "The mayor"),
        ('The union blasted the offer as "an insult" on Monday.', "blasted", "The union"),
        ('"It will not happen," the minister shot back.', "shot back", "the minister"),
        (
            'The plan, as the harbour master put it, was "a leap in the dark."',
            "put it",
            "the harbour master",
        ),
    ],
)
def test_verbs_that_frame_words_as_someones_are_cues(text: str, cue: str, mention: str) -> None:
    (quote,) = find_quotes(text, [])
    assert (quote.cue, quote.speaker_mention) == (cue, mention)


def test_reading_something_reports_no_clause() -> None:
    text = "If you are in that spot, please read the two guides on college savings."
    assert find_quotes(text, []) == []


def _hidden_model(rng: np.random.Generator, hidden: int = 3) -> ChooserModel:
    width = len(FEATURES)
    return ChooserModel(
        FEATURES,
        tuple(rng.normal(size=width)),
        1.0,
        0.0,
        tuple(tuple(row) for row in rng.normal(size=(width, hidden))),
        tuple(rng.normal(size=hidden)),
        tuple(rng.normal(size=hidden)),
    )


def test_a_hidden_layer_scores_none_of_them_zero_and_round_trips(tmp_path: Path) -> None:
    model = _hidden_model(np.random.default_rng(2))
    assert model.score_matrix(np.zeros((1, len(FEATURES))))[0] == pytest.approx(0.0)
    path = tmp_path / "chooser.json"
    path.write_text(json.dumps(model.to_json()), encoding="utf-8")
    again = read_model(path)
    rows = np.random.default_rng(4).random((3, len(FEATURES)))
    assert again.score_matrix(rows) == pytest.approx(model.score_matrix(rows))
    candidates = [Candidate(0, 1, None, tuple(row)) for row in rows]  # type: ignore[arg-type]
    assert again.scores(candidates) == pytest.approx(list(model.score_matrix(rows)))


def test_a_hidden_layer_learns_what_two_features_mean_together() -> None:
    """The right candidate has exactly one of two marks: no weighted sum ranks it first."""
    rng = np.random.default_rng(7)
    groups = []
    for _ in range(300):
        marks = rng.integers(0, 2, size=(4, 2)).astype(float)
        marks[0] = rng.permutation([0.0, 1.0])
        marks[1:] = [[0.0, 0.0], [1.0, 1.0], [1.0, 1.0]]
        order = rng.permutation(4)
        right = order == 0
        groups.append((np.hstack([marks[order], np.ones((4, 1))]), right))
    held = groups[200:]

    def accuracy(score) -> float:
        return float(np.mean([y[int(np.argmax(score(x)))] for x, y in held]))

    linear = fit_ranker(groups[:200], 3, l2=0.001)
    found = fit_hidden_ranker(groups[:200], 3, l2=0.001, hidden=4, steps=600, rate=0.05)
    weights, layer, bias, output = found

    def hidden_score(x: np.ndarray) -> np.ndarray:
        return x @ weights + np.tanh(x @ layer + bias) @ output

    assert accuracy(hidden_score) > 0.95 > accuracy(lambda x: x @ linear)
