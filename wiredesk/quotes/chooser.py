"""The trained speaker chooser: ranks each quote's candidate speakers and says how sure it is.

A ranker scores every candidate from its features: a weighted sum, plus (when the model
has one) a small hidden layer that lets evidence combine (a description that opens the
sentence of a partial quote is worth more than either fact alone); a softmax over one
quote's candidates and "none of them" (which scores 0) gives each a probability. Candidates that
resolve to the same speaker pool their probability, the best speaker wins, and its pooled
probability, calibrated (Platt scaling fitted on held-out training stories), becomes the
quote's ``confidence``. The weights and feature names ship as ``chooser.json`` (no training
text); ``python -m wiredesk.quotes.training`` rebuilds them. A quote without candidates keeps
the rules' speaker and confidence.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain
from operator import mul
from pathlib import Path

import numpy as np

from wiredesk.quotes.attribution import Attribution
from wiredesk.quotes.candidates import FEATURES, Candidate, CandidateBuilder
from wiredesk.quotes.layout import Layout
from wiredesk.quotes.model import Quote
from wiredesk.quotes.speakers import SpeakerResolver

MODEL_PATH = Path(__file__).with_name("chooser.json")


@dataclass(frozen=True)
class ChooserModel:
    """Weights per feature name and the calibration of the winning probability."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    platt_a: float
    platt_b: float
    #: The hidden layer: one row of weights per feature, a bias and an output weight per
    #: unit; empty for a purely linear model.
    hidden_weights: tuple[tuple[float, ...], ...] = ()
    hidden_bias: tuple[float, ...] = ()
    hidden_output: tuple[float, ...] = ()

    def scores(self, candidates: Sequence[Candidate]) -> list[float]:
        if not self.hidden_weights:
            weights = self.weights
            return [sum(map(mul, weights, c.features)) for c in candidates]
        return self.score_matrix(np.array([c.features for c in candidates])).tolist()

    def score_matrix(self, features: np.ndarray) -> np.ndarray:
        """Scores of the rows of a feature matrix; an all-zero row ("none of them") scores 0."""
        linear = features @ np.asarray(self.weights)
        if not self.hidden_weights:
            return linear
        arrays = self._arrays
        hidden = np.tanh(features @ arrays[0] + arrays[1]) @ arrays[2]
        return linear + hidden - arrays[3]

    def calibrate(self, probability: float) -> float:
        """Platt scaling on the log-odds of the pooled probability."""
        p = min(max(probability, 1e-6), 1 - 1e-6)
        z = self.platt_a * math.log(p / (1 - p)) + self.platt_b
        return 1 / (1 + math.exp(-z))

    @cached_property
    def _arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
        """The hidden layer as arrays, and the score it gives an all-zero row (subtracted)."""
        weights = np.array(self.hidden_weights)
        bias = np.array(self.hidden_bias)
        output = np.array(self.hidden_output)
        return weights, bias, output, float(np.tanh(bias) @ output)

    def to_json(self) -> dict:
        found = {
            "features": list(self.features),
            "weights": list(self.weights),
            "platt_a": self.platt_a,
            "platt_b": self.platt_b,
        }
        if self.hidden_weights:
            found["hidden_weights"] = [list(row) for row in self.hidden_weights]
            found["hidden_bias"] = list(self.hidden_bias)
            found["hidden_output"] = list(self.hidden_output)
        return found


def read_model(path: Path) -> ChooserModel:
    """A model file; its features must be the ones ``candidates`` computes, in order."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path}: features differ from wiredesk.quotes.candidates.FEATURES")
    return ChooserModel(
        tuple(data["features"]),
        tuple(float(w) for w in data["weights"]),
        float(data["platt_a"]),
        float(data["platt_b"]),
        tuple(tuple(float(w) for w in row) for row in data.get("hidden_weights", [])),
        tuple(float(w) for w in data.get("hidden_bias", [])),
        tuple(float(w) for w in data.get("hidden_output", [])),
    )


@lru_cache(maxsize=1)
def shipped_model() -> ChooserModel | None:
    """The model in the package, or None before one was trained (the rules then decide)."""
    return read_model(MODEL_PATH) if MODEL_PATH.exists() else None


#: While training, every quote's candidates are recorded here instead of being chosen.
_recorders: list[list[tuple[Quote, list[Candidate]]]] = []


@contextmanager
def recording() -> Iterator[list[tuple[Quote, list[Candidate]]]]:
    """Collect (rule-based quote, candidates) of every direct or partial quote found inside
    the block, leaving the rules' speakers in place: the training set of the chooser."""
    sink: list[tuple[Quote, list[Candidate]]] = []
    _recorders.append(sink)
    try:
        yield sink
    finally:
        _recorders.remove(sink)


def pooled(
    model: ChooserModel, candidates: Sequence[Candidate], scores: Sequence[float] | None = None
) -> list[tuple[float, int]]:
    """(probability, index of its best candidate) per distinct speaker, best first;
    ``scores`` when the candidates were already scored."""
    if scores is None:
        scores = model.scores(candidates)
    top = max(0.0, *scores)
    weights = [math.exp(s - top) for s in scores]
    total = sum(weights) + math.exp(-top)  # "none of them" scores 0
    by_speaker: dict[tuple[str | None, str | None], list[float]] = {}
    best: dict[tuple[str | None, str | None], int] = {}
    for i, candidate in enumerate(candidates):
        key = speaker_key(candidate)
        by_speaker.setdefault(key, []).append(weights[i] / total)
        if key not in best or scores[i] > scores[best[key]]:
            best[key] = i
    return sorted(((sum(ps), best[k]) for k, ps in by_speaker.items()), reverse=True)


def speaker_key(candidate: Candidate) -> tuple[str | None, str | None]:
    """Candidates mean the same speaker when they resolve to the same name; unnamed ones
    ("officials", an unresolved "he") only when written the same way."""
    name = candidate.speaker.name
    return (name, None) if name else (None, (candidate.speaker.mention or "").lower())


def choose_speakers(
    text: str,
    layout: Layout,
    resolver: SpeakerResolver,
    quotes: Sequence[Quote],
    attributions: dict[int, Attribution | None],
) -> list[Quote]:
    """The direct and partial quotes with the chooser's speaker and calibrated confidence."""
    model = None if _recorders else shipped_model()  # training may replace a stale model
    if model is None and not _recorders:
        return list(quotes)
    builder = CandidateBuilder(text, layout, resolver)
    found = [builder.candidates(q, attributions.get(q.start_char)) for q in quotes]
    for sink in _recorders:
        sink.extend(zip(quotes, found, strict=True))
    if model is None or _recorders:
        return list(quotes)
    every = [c.features for candidates in found for c in candidates]
    matrix = np.fromiter(chain.from_iterable(every), dtype=float, count=len(every) * len(FEATURES))
    scores = model.score_matrix(matrix.reshape(len(every), len(FEATURES))).tolist() if every else []
    chosen: list[Quote] = []
    offset = 0
    for quote, candidates in zip(quotes, found, strict=True):
        if not candidates:
            chosen.append(quote)
            continue
        own = scores[offset : offset + len(candidates)]
        offset += len(candidates)
        probability, index = pooled(model, candidates, own)[0]
        speaker = candidates[index].speaker
        rule = candidates[0]
        if (
            quote.speaker_mention
            and quote.cue is not None
            and rule.start is not None
            and speaker_key(candidates[index]) == speaker_key(rule)
        ):
            # The winner is whom the quote's own cue names: keep the phrase of that
            # attribution ("the minister said"), not a pronoun nearer the quote. A speaker
            # the rules carried over from an earlier quote has no such phrase here: then
            # the best-scored mention ("he laid off staff and began talking about …") wins.
            speaker = rule.speaker
        chosen.append(  # built field by field: ``dataclasses.replace`` reads them all again
            Quote(
                kind=quote.kind,
                text=quote.text,
                start_char=quote.start_char,
                end_char=quote.end_char,
                paragraph=quote.paragraph,
                speaker=speaker.name,
                speaker_mention=speaker.mention,
                speaker_entity_key=speaker.entity_key,
                cue=quote.cue,
                confidence=round(model.calibrate(probability), 3),
            )
        )
    return chosen
