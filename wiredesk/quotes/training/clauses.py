"""Rebuild ``wiredesk/quotes/clauses.json`` from PolNeAR train.

Run ``python -m wiredesk.quotes.training.clauses [--train DIR] [--out FILE]
[--mentions-cache FILE]``. Every proposal of a sentence with no quote is labelled by
whether it covers a gold reported clause (a ``Content`` whose cue is a speech verb, matched
as the benchmark matches quotes); a logistic model is fitted on four fifths of the stories
and the fifth held out chooses the L2 penalty and the threshold that gives the best F1 of
the rules' clauses and the model's together.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from wiredesk.entities import eval_dir
from wiredesk.quotes import find_quotes
from wiredesk.quotes.clauses import MODEL_PATH, ClauseModel, Proposal, recording
from wiredesk.quotes.training.__main__ import _mentions
from wiredesk.quotes.training.polnear import Story, read_split

HELD_OUT_EVERY = 5
L2_GRID = (0.001, 0.01, 0.1)

Span = tuple[tuple[int, int], ...]


def _covers(start: int, end: int, gold: Span) -> bool:
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in gold)
    shorter = min(end - start, sum(e - s for s, e in gold))
    return shorter > 0 and covered >= shorter / 2


def _match(spans: Sequence[tuple[int, int]], golds: Sequence[Span]) -> set[int]:
    """Indexes of the spans matched one-to-one to gold spans, in order."""
    used: set[int] = set()
    hit: set[int] = set()
    for i, (start, end) in enumerate(spans):
        for j, gold in enumerate(golds):
            if j not in used and _covers(start, end, gold):
                used.add(j)
                hit.add(i)
                break
    return hit


def collect(stories: Sequence[Story], mentions: Sequence) -> list[dict]:
    """Per story: the rules' clauses matched and not, gold count, proposals and labels."""
    out = []
    for story, found in zip(stories, mentions, strict=True):
        with recording() as sink:
            quotes = find_quotes(story.text, found)
        rules = [(q.start_char, q.end_char) for q in quotes if q.kind == "indirect"]
        hit = _match(rules, story.reported)
        left = [g for g in story.reported if not any(_covers(s, e, g) for s, e in rules)]
        proposals: list[Proposal] = list(sink)
        labels = [any(_covers(p.start, p.end, g) for g in left) for p in proposals]
        out.append(
            {
                "rules_tp": len(hit),
                "rules_fp": len(rules) - len(hit),
                "gold": len(story.reported),
                "proposals": proposals,
                "labels": labels,
            }
        )
    return out


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 400) -> np.ndarray:
    """Weights (bias last) of a logistic regression by Adam steps on the mean log loss."""
    x = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x.shape[1])
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0.0]
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w


def _f1_by_threshold(model: ClauseModel, stories: Sequence[dict]) -> tuple[float, float]:
    """(best F1, its threshold) of the rules' clauses plus the best proposal per sentence."""
    tp = sum(s["rules_tp"] for s in stories)
    fp = sum(s["rules_fp"] for s in stories)
    gold = sum(s["gold"] for s in stories)
    best: dict[tuple[int, int], tuple[float, bool]] = {}
    for n, story in enumerate(stories):
        for p, label in zip(story["proposals"], story["labels"], strict=True):
            prob = model.probability(p.features)
            key = (n, p.sentence)
            if key not in best or prob > best[key][0]:
                best[key] = (prob, label)
    top = (2 * tp / (2 * tp + fp + (gold - tp)), 1.01)
    for threshold in np.arange(0.3, 0.95, 0.025):
        kept = [label for prob, label in best.values() if prob >= threshold]
        t, f = tp + sum(kept), fp + len(kept) - sum(kept)
        f1 = 2 * t / (2 * t + f + (gold - t))
        if f1 > top[0]:
            top = (f1, float(threshold))
    return top


def train(per_story: Sequence[dict]) -> tuple[ClauseModel, dict]:
    fit = [s for i, s in enumerate(per_story) if i % HELD_OUT_EVERY]
    held = [s for i, s in enumerate(per_story) if not i % HELD_OUT_EVERY]
    names = sorted({k for s in fit for p in s["proposals"] for k in p.features})
    index = {k: i for i, k in enumerate(names)}
    rows = [(p, label) for s in fit for p, label in zip(s["proposals"], s["labels"], strict=True)]
    x = np.zeros((len(rows), len(names)))
    for r, (p, _) in enumerate(rows):
        for k, value in p.features.items():
            x[r, index[k]] = value
    y = np.array([float(label) for _, label in rows])
    report: dict = {"proposals": len(rows), "positives": int(y.sum()), "l2": {}}
    chosen: tuple[float, ClauseModel] | None = None
    for l2 in L2_GRID:
        w = fit_logistic(x, y, l2)
        model = ClauseModel({k: round(float(w[i]), 5) for k, i in index.items()}, float(w[-1]), 0)
        f1, threshold = _f1_by_threshold(model, held)
        model = ClauseModel(model.weights, model.bias, threshold)
        report["l2"][l2] = [round(f1, 4), round(threshold, 3)]
        if chosen is None or f1 > chosen[0]:
            chosen = (f1, model)
    assert chosen is not None
    rules_only = _f1_by_threshold(ClauseModel({}, -30.0, 1.0), held)[0]
    report.update(held_out_f1=round(chosen[0], 4), held_out_rules_f1=round(rules_only, 4))
    return chosen[1], report


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--train", type=Path, default=None, help="PolNeAR train folder")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--mentions-cache", type=Path, default=None)
    args = parser.parse_args(argv)
    stories = read_split(args.train or eval_dir() / "polnear" / "train")
    if not stories:
        raise SystemExit("no PolNeAR stories")
    model, report = train(collect(stories, _mentions(stories, args.mentions_cache)))
    args.out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
