"""Rebuild ``wiredesk/quotes/terms.json`` from PolNeAR train.

Run ``python -m wiredesk.quotes.training.terms [--train DIR] [--out FILE]
[--mentions-cache FILE]``. Every quoted phrase the rules drop is labelled by whether it
covers a gold quoted relation no quote of the rules matched (as the benchmark matches
quotes); a logistic model is fitted on four fifths of the stories and the fifth held out
chooses the L2 penalty and the threshold that gives the best F1 of the rules' direct and
partial quotes and the kept phrases together.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from wiredesk.entities import eval_dir
from wiredesk.quotes import find_quotes
from wiredesk.quotes.terms import MODEL_PATH, Term, TermModel, recording
from wiredesk.quotes.training.__main__ import _mentions
from wiredesk.quotes.training.clauses import _covers, _match, fit_logistic
from wiredesk.quotes.training.polnear import Story, read_split

HELD_OUT_EVERY = 5
L2_GRID = (0.001, 0.01, 0.1)
#: The lowest threshold tried. F1 alone would keep any phrase likelier a quote than not,
#: but a kept phrase's speaker is right only about half the time (no cue names it), so a
#: phrase must be a quote three times in five: on train that halves the speaker accuracy
#: lost for most of the recall won.
MIN_THRESHOLD = 0.6


def collect(stories: Sequence[Story], mentions: Sequence) -> list[dict]:
    """Per story: the rules' quotes matched and not, the gold count, dropped phrases and
    their labels."""
    out = []
    for story, found in zip(stories, mentions, strict=True):
        with recording() as sink:
            quotes = find_quotes(story.text, found)
        rules = [(q.start_char, q.end_char) for q in quotes if q.kind != "indirect"]
        hit = _match(rules, story.marked)
        left = [g for g in story.marked if not any(_covers(s, e, g) for s, e in rules)]
        terms: list[Term] = list(sink)
        labels = [any(_covers(t.start, t.end, g) for g in left) for t in terms]
        out.append(
            {
                "rules_tp": len(hit),
                "rules_fp": len(rules) - len(hit),
                "gold": len(story.marked),
                "terms": terms,
                "labels": labels,
            }
        )
    return out


def _f1_by_threshold(model: TermModel, stories: Sequence[dict]) -> tuple[float, float]:
    """(best F1, its threshold) of the rules' quotes plus the phrases kept."""
    tp = sum(s["rules_tp"] for s in stories)
    fp = sum(s["rules_fp"] for s in stories)
    gold = sum(s["gold"] for s in stories)
    scored = [
        (model.probability(t.features), label)
        for s in stories
        for t, label in zip(s["terms"], s["labels"], strict=True)
    ]
    top = (2 * tp / (2 * tp + fp + (gold - tp)), 1.01)
    for threshold in np.arange(MIN_THRESHOLD, 0.95, 0.025):
        kept = [label for prob, label in scored if prob >= threshold]
        t, f = tp + sum(kept), fp + len(kept) - sum(kept)
        f1 = 2 * t / (2 * t + f + (gold - t))
        if f1 > top[0]:
            top = (f1, float(threshold))
    return top


def train(per_story: Sequence[dict]) -> tuple[TermModel, dict]:
    fit = [s for i, s in enumerate(per_story) if i % HELD_OUT_EVERY]
    held = [s for i, s in enumerate(per_story) if not i % HELD_OUT_EVERY]
    names = sorted({k for s in fit for t in s["terms"] for k in t.features})
    index = {k: i for i, k in enumerate(names)}
    rows = [(t, label) for s in fit for t, label in zip(s["terms"], s["labels"], strict=True)]
    x = np.zeros((len(rows), len(names)))
    for r, (t, _) in enumerate(rows):
        for k, value in t.features.items():
            x[r, index[k]] = value
    y = np.array([float(label) for _, label in rows])
    report: dict = {"phrases": len(rows), "positives": int(y.sum()), "l2": {}}
    chosen: tuple[float, TermModel] | None = None
    for l2 in L2_GRID:
        w = fit_logistic(x, y, l2)
        model = TermModel({k: round(float(w[i]), 5) for k, i in index.items()}, float(w[-1]), 0)
        f1, threshold = _f1_by_threshold(model, held)
        model = TermModel(model.weights, model.bias, threshold)
        report["l2"][l2] = [round(f1, 4), round(threshold, 3)]
        if chosen is None or f1 > chosen[0]:
            chosen = (f1, model)
    assert chosen is not None
    rules_only = _f1_by_threshold(TermModel({}, -30.0, 1.0), held)[0]
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
