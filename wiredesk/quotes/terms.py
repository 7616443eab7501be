"""Quoted phrases the rules leave out as terms, titles or scare quotes, weighed by a model.

The rules drop a short quoted phrase that no one is said to speak, a quoted title and a
name given after "called" or "the film"; many such phrases are still someone's words, as
news copy quotes a word it attributes a few words away ('Trump's accusation that Clinton
plays the "woman's card"'). A logistic model scores each dropped phrase from its shape (length,
capitals, closing punctuation, the words before and after it, a speech cue in the sentence,
a naming word before it) and keeps it as a partial quote when the probability reaches the
threshold. The weights ship as ``terms.json`` (feature names and numbers only); ``python -m
wiredesk.quotes.training.terms`` rebuilds them from PolNeAR train.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("terms.json")
#: Words before a quoted phrase whose identity the model may weigh.
_BEFORE = frozenset(
    """the a an as his her their its our my your of called so-called term word words phrase
    dubbed known labeled labelled titled named nicknamed to for about and or what was is
    be being were are in on by with than like calling call calls branded described""".split()
)
_AFTER = frozenset(
    """and or in of to for as is was that which who he she they it said says the""".split()
)
_WORD = re.compile(r"[\w'\u2019-]+")


@dataclass(frozen=True)
class Term:
    """A quoted phrase the rules dropped, with its features."""

    start: int
    end: int
    features: dict[str, float]


@dataclass(frozen=True)
class TermModel:
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict:
        return {"weights": self.weights, "bias": self.bias, "threshold": self.threshold}


@lru_cache(maxsize=1)
def shipped_term_model() -> TermModel | None:
    """The model in the package, or None before one was trained (the rules alone then)."""
    if not MODEL_PATH.exists():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return TermModel(
        {k: float(v) for k, v in data["weights"].items()},
        float(data["bias"]),
        float(data["threshold"]),
    )


_recorders: list[list[Term]] = []


@contextmanager
def recording() -> Iterator[list[Term]]:
    """Collect every dropped phrase inside the block (the training set of the model)."""
    sink: list[Term] = []
    _recorders.append(sink)
    try:
        yield sink
    finally:
        _recorders.remove(sink)


@dataclass(frozen=True)
class Evidence:
    """What the rules know about a quoted phrase when they drop it."""

    why: str  # "naming", "unspoken" or "term"
    inner: str
    spoken: bool
    reported: bool
    framed: bool
    naming: str
    single_marks: bool


def features(text: str, start: int, end: int, floor: int, limit: int, e: Evidence) -> dict:
    """The shape of one dropped phrase (``text[start:end]`` with its marks)."""
    words = _WORD.findall(e.inner)
    n = len(words)
    found: dict[str, float] = {
        f"why={e.why}": 1.0,
        "log_words": math.log1p(n),
        "one_word": float(n == 1),
        "capitalised": float(bool(words) and all(w[:1].isupper() for w in words)),
        "starts_upper": float(e.inner[:1].isupper()),
        "closing_punct": float(e.inner.rstrip()[-1:] in ".,!?;:"),
        "spoken": float(e.spoken),
        "reported": float(e.reported),
        "framed": float(e.framed),
        "single_marks": float(e.single_marks),
        "sentence_start": float(not text[floor:start].strip()),
        "in_parentheses": float(text[max(floor, start - 1) : start] == "("),
    }
    if e.naming:
        found[f"naming={e.naming.split()[0].lower()}"] = 1.0
    before = _WORD.findall(text[max(floor, start - 40) : start])
    if before:
        last = before[-1]
        lower = last.lower()
        if lower in _BEFORE:
            found[f"prev={lower}"] = 1.0
        elif lower.endswith(("'s", "\u2019s")):
            found["prev_owner"] = 1.0
        elif last[:1].isupper():
            found["prev_capital"] = 1.0
    tail = text[end : min(limit, end + 30)]
    after = _WORD.findall(tail)
    stripped = tail.lstrip()
    if stripped[:1] and not stripped[:1].isalnum():
        found["next_punct"] = 1.0
    elif after:
        first = after[0].lower()
        if first in _AFTER:
            found[f"next={first}"] = 1.0
        elif after[0][:1].isupper():
            found["next_capital"] = 1.0
    return found


def keeps(text: str, start: int, end: int, floor: int, limit: int, evidence: Evidence) -> bool:
    """Whether a phrase the rules dropped is kept as a partial quote."""
    model = None if _recorders else shipped_term_model()
    if model is None and not _recorders:
        return False
    found = features(text, start, end, floor, limit, evidence)
    for sink in _recorders:
        sink.append(Term(start, end, found))
    return model is not None and model.probability(found) >= model.threshold
