"""The reported-clause model: its proposals, the uses of a cue it leaves alone, how it
picks one clause per sentence, how it is fitted, and what its shipped file holds."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from wiredesk.quotes import clauses, find_quotes
from wiredesk.quotes.clauses import (
    _AFTER,
    _BEFORE,
    MODEL_PATH,
    ClauseModel,
    find_learned,
    proposals,
    recording,
)
from wiredesk.quotes.cues import CUE_FORMS, PHRASES, passive_before
from wiredesk.quotes.layout import Layout
from wiredesk.quotes.speakers import SpeakerResolver
from wiredesk.quotes.training.clauses import _f1_by_threshold, fit_logistic
from wiredesk.quotes.training.polnear import read_reported

TOLD = "Rubio told a crowd in Miami on Tuesday that voters are angry and want new faces."


def _proposals(text: str) -> list:
    layout = Layout(text)
    return proposals(text, layout, 0, len(text), SpeakerResolver(text, []))


def test_the_clause_after_that_is_proposed_with_the_cues_subject() -> None:
    found = _proposals(TOLD)
    after = [p for p in found if p.features.get("side_after")]
    assert len(after) == 1
    assert TOLD[after[0].start : after[0].end] == "voters are angry and want new faces"
    assert after[0].features["that_follows"] == 1.0
    assert TOLD[after[0].speaker[0] : after[0].speaker[1]] == "Rubio"


def test_uses_of_a_cue_that_report_nothing_give_no_proposal() -> None:
    for text in (
        "The ministry is said to be divided over the plan.",
        "The envoy refused to say anything more about the plan.",
        "Saying goodbye to everyone, the envoy boarded the plane.",
        "The letter said he is 6'3\" tall and very strong.",
        "Note: the bundle includes three services and a sports channel.",
    ):
        assert [p for p in _proposals(text) if p.features.get("side_after")] == [], text


def _model(**weights: float) -> ClauseModel:
    return ClauseModel(weights, -1.0, 0.5)


def test_the_best_proposal_of_a_sentence_is_kept_when_it_is_likely_enough(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = TOLD + " Nothing was said about the budget by anyone at all."
    layout = Layout(text)
    resolver = SpeakerResolver(text, [])
    monkeypatch.setattr(clauses, "shipped_clause_model", lambda: _model(that_follows=3.0))
    found = find_learned(text, layout, resolver, [])
    assert [q.text for q in found] == ["voters are angry and want new faces"]
    assert found[0].speaker_mention == "Rubio" and found[0].cue == "told"
    assert find_learned(text, layout, resolver, [(10, 20)]) == []  # a quote is there


def test_recording_collects_proposals_and_adds_no_quote() -> None:
    with recording() as sink:
        quotes = find_quotes(TOLD, [])
    assert sink and all(q.kind == "indirect" for q in quotes)


def test_fitting_finds_the_feature_that_marks_a_clause() -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(400, 3))
    y = (x[:, 1] > 0).astype(float)
    w = fit_logistic(x, y, 0.001)
    assert w[1] > 1 and abs(w[0]) < w[1] / 3 and abs(w[2]) < w[1] / 3


def test_the_threshold_is_the_one_with_the_best_f1() -> None:
    class P:
        def __init__(self, sentence: int, value: float) -> None:
            self.sentence = sentence
            self.features = {"x": value}

    story = {
        "rules_tp": 1,
        "rules_fp": 0,
        "gold": 4,
        "proposals": [P(0, 3.0), P(1, 2.0), P(2, 0.1)],
        "labels": [True, True, False],
    }
    f1, threshold = _f1_by_threshold(ClauseModel({"x": 1.0}, 0.0, 0.0), [story])
    assert f1 == 2 * 3 / (2 * 3 + 0 + 1)
    assert 0.5 < threshold <= 0.88  # keeps the two right ones, not the third


def test_reported_gold_keeps_speech_cues_and_leaves_beliefs(tmp_path: Path) -> None:
    text = "Ana said the talks failed. Ana fears the talks failed. Ana said \u201cno\u201d."
    ann = tmp_path / "a.ann"
    ann.write_text(
        "T1\tContent 9 25\tthe talks failed\nT2\tCue 4 8\tsaid\nT3\tSource 0 3\tAna\n"
        "T4\tContent 37 53\tthe talks failed\nT5\tCue 31 36\tfears\nT6\tSource 27 30\tAna\n"
        "T7\tContent 63 67\t\u201cno\u201d\nT8\tCue 58 62\tsaid\nT9\tSource 54 57\tAna\n"
        "E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3\n"
        "E2\tAttribution:T5 Content:T4 Cue:T5 Source:T6\n"
        "E3\tAttribution:T8 Content:T7 Cue:T8 Source:T9\n",
        encoding="utf-8",
    )
    assert read_reported(ann, text) == [((9, 25),)]


def test_the_shipped_model_holds_feature_names_from_the_word_lists_only() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    phrase_words = {phrase.split()[0] for phrase in PHRASES}
    stems = set(CUE_FORMS.values()) | phrase_words
    forms = set(CUE_FORMS) | phrase_words
    for name in data["weights"]:
        kind, _, value = name.partition("=")
        if not value:
            continue
        allowed = {"stem": stems, "form": forms, "prev": _BEFORE, "next": _AFTER}[kind]
        assert value in allowed, name
    assert 0 < data["threshold"] < 1


def test_the_passive_is_read_just_before_the_cue_with_whole_words() -> None:
    text = "The plan was said to fail. Isbeen said so. The envoy is told nothing."
    said = text.index("said")
    assert passive_before(text, 0, said)
    assert not passive_before(text, 0, text.index("said", said + 1))  # "Isbeen"
    assert passive_before(text, text.index("The envoy"), text.index("told"))
    assert not passive_before(text, said, said)  # nothing before the cue in its window
