"""Fitting the chooser: a softmax ranker over each quote's candidates, then Platt scaling.

Numpy only, full-batch: the training set is a few thousand quotes with a dozen candidates
each, so plain gradient steps (Adam) converge in a second or two.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: (features of each candidate, whether each is right) for one quote.
Group = tuple[np.ndarray, np.ndarray]


def _pad(groups: Sequence[Group], width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidates padded to one width, with a last slot for "none of them" (all-zero
    features, score 0), which is right when no candidate is."""
    most = max(len(x) for x, _ in groups) + 1
    features = np.zeros((len(groups), most, width))
    present = np.zeros((len(groups), most), dtype=bool)
    right = np.zeros((len(groups), most), dtype=bool)
    for g, (x, y) in enumerate(groups):
        features[g, : len(x)] = x
        present[g, : len(x)] = True
        right[g, : len(y)] = y
        present[g, -1] = True
        right[g, -1] = not y.any()
    return features, present, right


def _residual(scores: np.ndarray, present: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The log loss's gradient with respect to each candidate's score: the softmax
    probability less its share of the right candidates' (padding slots score nothing)."""
    scores = np.where(present, scores, -np.inf)
    scores -= scores.max(axis=1, keepdims=True)
    prob = np.exp(scores)
    prob /= prob.sum(axis=1, keepdims=True)
    wanted = np.where(right, prob, 0.0)
    wanted /= wanted.sum(axis=1, keepdims=True)
    return prob - wanted


class _Adam:
    """Adam steps for a list of parameter arrays, updated in place."""

    def __init__(self, params: list[np.ndarray], rate: float) -> None:
        self.params = params
        self.rate = rate
        self.moments = [np.zeros_like(p) for p in params]
        self.seconds = [np.zeros_like(p) for p in params]
        self.count = 0

    def step(self, grads: Sequence[np.ndarray]) -> None:
        self.count += 1
        for i, grad in enumerate(grads):
            self.moments[i] = 0.9 * self.moments[i] + 0.1 * grad
            self.seconds[i] = 0.999 * self.seconds[i] + 0.001 * grad**2
            corrected = self.moments[i] / (1 - 0.9**self.count)
            scale = np.sqrt(self.seconds[i] / (1 - 0.999**self.count)) + 1e-8
            self.params[i] -= self.rate * corrected / scale


def fit_ranker(
    groups: Sequence[Group], width: int, l2: float, steps: int = 600, rate: float = 0.05
) -> np.ndarray:
    """Weights maximising the probability the softmax gives the right candidates (or "none
    of them" when no candidate is right), with an L2 penalty."""
    usable = [(x, y) for x, y in groups if len(x)]
    features, present, right = _pad(usable, width)
    weights = np.zeros(width)
    adam = _Adam([weights], rate)
    for _ in range(steps):
        delta = _residual(features @ weights, present, right)
        adam.step([np.einsum("gc,gcd->d", delta, features) / len(usable) + l2 * weights])
    return weights


def fit_platt(log_odds: np.ndarray, right: np.ndarray, steps: int = 200) -> tuple[float, float]:
    """(a, b) of p = sigmoid(a * log_odds + b) by Newton steps on the log loss."""
    a, b = 1.0, 0.0
    target = right.astype(float)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(a * log_odds + b)))
        weight = p * (1 - p) + 1e-9
        grad = np.array([np.sum((p - target) * log_odds), np.sum(p - target)])
        hess = np.array(
            [
                [np.sum(weight * log_odds**2), np.sum(weight * log_odds)],
                [np.sum(weight * log_odds), np.sum(weight)],
            ]
        ) + 1e-6 * np.eye(2)
        step = np.linalg.solve(hess, grad)
        a, b = a - step[0], b - step[1]
        if np.abs(step).max() < 1e-9:
            break
    return float(a), float(b)


#: (linear weights, hidden weights per feature, hidden bias, hidden output weights).
HiddenModel = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def fit_hidden_ranker(
    groups: Sequence[Group],
    width: int,
    l2: float,
    hidden: int = 16,
    steps: int = 1500,
    rate: float = 0.01,
    seed: int = 0,
) -> HiddenModel:
    """A ranker whose score is a weighted sum plus one tanh layer of ``hidden`` units,
    trained like ``fit_ranker``; the all-zero row ("none of them") keeps score 0, since
    the layer's output for it is subtracted."""
    usable = [(x, y) for x, y in groups if len(x)]
    features, present, right = _pad(usable, width)
    rng = np.random.default_rng(seed)
    params = [
        np.zeros(width),
        rng.normal(0.0, 0.3, (width, hidden)),
        np.zeros(hidden),
        rng.normal(0.0, 0.3, hidden),
    ]
    adam = _Adam(params, rate)
    count = len(usable)
    for _ in range(steps):
        linear, weights, bias, output = params
        units = np.tanh(features @ weights + bias)
        baseline = np.tanh(bias)
        scores = units @ output + features @ linear - baseline @ output
        delta = _residual(scores, present, right) / count
        total = delta.sum()
        through = delta[:, :, None] * output * (1 - units**2)
        adam.step(
            [
                np.einsum("gc,gcd->d", delta, features) + l2 * linear,
                np.einsum("gch,gcd->dh", through, features) + l2 * weights,
                through.sum(axis=(0, 1)) - total * output * (1 - baseline**2),
                np.einsum("gc,gch->h", delta, units) - total * baseline + l2 * output,
            ]
        )
    return params[0], params[1], params[2], params[3]
