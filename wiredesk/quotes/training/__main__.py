"""Rebuild ``wiredesk/quotes/chooser.json`` from PolNeAR train.

Run ``python -m wiredesk.quotes.training [--train DIR] [--out FILE] [--mentions-cache FILE]``.
Every fifth story is held out: it chooses the L2 penalty and whether the ranker has a hidden
layer, and fits the calibration; the
held-out accuracy of the rules and of the chooser is printed.
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from wiredesk.entities import eval_dir, find_mentions
from wiredesk.quotes import find_quotes
from wiredesk.quotes.candidates import FEATURES, Candidate
from wiredesk.quotes.chooser import MODEL_PATH, ChooserModel, pooled, recording
from wiredesk.quotes.model import Quote
from wiredesk.quotes.speakers import Speaker
from wiredesk.quotes.training.fit import HiddenModel, fit_hidden_ranker, fit_platt, fit_ranker
from wiredesk.quotes.training.labels import speaker_matches
from wiredesk.quotes.training.polnear import GoldQuote, Story, read_split

L2_GRID = (0.0003, 0.003, 0.03)
#: Penalties tried for the ranker with a hidden layer (it needs more than the linear one).
HIDDEN_L2_GRID = (0.001, 0.003)
HELD_OUT_EVERY = 5


@dataclass(frozen=True)
class Example:
    """One quote matched to gold: its candidates, which are right, and the rules' verdict."""

    candidates: list[Candidate]
    right: np.ndarray
    rules_right: bool


def _overlaps(quote: Quote, gold: GoldQuote) -> int:
    covered = sum(
        max(0, min(quote.end_char, e) - max(quote.start_char, s)) for s, e in gold.content
    )
    shorter = min(quote.end_char - quote.start_char, sum(e - s for s, e in gold.content))
    return covered if shorter > 0 and covered >= shorter / 2 else 0


def examples_of(story: Story, recorded: Sequence[tuple[Quote, list[Candidate]]]) -> list[Example]:
    """Recorded quotes matched one-to-one to gold quotes, largest overlaps first."""
    pairs = sorted(
        (
            (covered, i, j)
            for i, (quote, _) in enumerate(recorded)
            for j, gold in enumerate(story.quotes)
            if (covered := _overlaps(quote, gold))
        ),
        reverse=True,
    )
    used_q: set[int] = set()
    used_g: set[int] = set()
    found = []
    for _, i, j in pairs:
        if i in used_q or j in used_g:
            continue
        used_q.add(i)
        used_g.add(j)
        quote, candidates = recorded[i]
        source = story.quotes[j].source
        rules = Speaker(quote.speaker, quote.speaker_mention, quote.speaker_entity_key)
        right = np.array([speaker_matches(c.speaker, source) for c in candidates], dtype=bool)
        found.append(Example(candidates, right, speaker_matches(rules, source)))
    return found


def collect(stories: Sequence[Story], mentions: Sequence) -> list[list[Example]]:
    """Per story, the examples of its quotes."""
    per_story = []
    for story, found in zip(stories, mentions, strict=True):
        with recording() as sink:
            find_quotes(story.text, found)
        per_story.append(examples_of(story, sink))
    return per_story


def _model(
    weights: np.ndarray | HiddenModel, platt: tuple[float, float] = (1.0, 0.0)
) -> ChooserModel:
    if not isinstance(weights, tuple):
        return ChooserModel(FEATURES, tuple(float(w) for w in weights), *platt)
    linear, hidden, bias, output = weights
    return ChooserModel(
        FEATURES,
        tuple(float(w) for w in linear),
        *platt,
        tuple(tuple(float(w) for w in row) for row in hidden),
        tuple(float(w) for w in bias),
        tuple(float(w) for w in output),
    )


def choices(model: ChooserModel, examples: Sequence[Example]) -> list[tuple[float, bool, bool]]:
    """(pooled probability, chooser right, rules right) per example; with no candidate the
    rules' speaker stands, as in ``find_quotes``."""
    out = []
    for ex in examples:
        if not ex.candidates:
            out.append((0.5, ex.rules_right, ex.rules_right))
            continue
        probability, index = pooled(model, ex.candidates)[0]
        out.append((probability, bool(ex.right[index]), ex.rules_right))
    return out


def _groups(examples: Sequence[Example]) -> list[tuple[np.ndarray, np.ndarray]]:
    return [
        (np.array([c.features for c in ex.candidates]), ex.right)
        for ex in examples
        if ex.candidates
    ]


def train(per_story: Sequence[Sequence[Example]]) -> tuple[ChooserModel, dict]:
    fit_part = [ex for i, exs in enumerate(per_story) if i % HELD_OUT_EVERY for ex in exs]
    held = [ex for i, exs in enumerate(per_story) if not i % HELD_OUT_EVERY for ex in exs]
    groups = _groups(fit_part)
    best: tuple[float, str, np.ndarray | HiddenModel] | None = None
    report: dict = {"fit_quotes": len(fit_part), "held_out_quotes": len(held), "fits": {}}
    fits = [(f"linear {l2}", lambda l2=l2: fit_ranker(groups, len(FEATURES), l2)) for l2 in L2_GRID]
    fits += [
        (f"hidden {l2}", lambda l2=l2: fit_hidden_ranker(groups, len(FEATURES), l2))
        for l2 in HIDDEN_L2_GRID
    ]
    for name, fit in fits:
        weights = fit()
        accuracy = float(np.mean([ok for _, ok, _ in choices(_model(weights), held)]))
        report["fits"][name] = round(accuracy, 4)
        if best is None or accuracy > best[0]:
            best = (accuracy, name, weights)
    assert best is not None
    accuracy, chosen, weights = best
    judged = [(p, ok) for p, ok, _ in choices(_model(weights), held) if p != 0.5 or ok]
    probs = np.clip(np.array([p for p, _ in judged]), 1e-6, 1 - 1e-6)
    platt = fit_platt(np.log(probs / (1 - probs)), np.array([ok for _, ok in judged]))
    model = _model(weights, platt)
    report.update(
        chosen_fit=chosen,
        held_out_accuracy=round(accuracy, 4),
        held_out_rules_accuracy=round(float(np.mean([ex.rules_right for ex in held])), 4),
        platt=[round(platt[0], 4), round(platt[1], 4)],
    )
    return model, report


def _mentions(stories: Sequence[Story], cache: Path | None) -> list:
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    found = find_mentions([s.text for s in stories])
    if cache is not None:
        cache.write_bytes(pickle.dumps(found))
    return found


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--train", type=Path, default=None, help="PolNeAR train folder")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument(
        "--mentions-cache", type=Path, default=None, help="keep the recognised mentions here"
    )
    args = parser.parse_args(argv)
    root = args.train or eval_dir() / "polnear" / "train"
    stories = read_split(root)
    if not stories:
        raise SystemExit(f"no PolNeAR stories under {root}")
    mentions = _mentions(stories, args.mentions_cache)
    model, report = train(collect(stories, mentions))
    args.out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
