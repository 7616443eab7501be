"""The recogniser's token encoder (spaCy's ``MaxoutWindowEncoder``) run as plain NumPy.

thinc runs each of the encoder's layers through generic operations that build every
token's window one element at a time and keep what training needs (which maxout piece
won). Here the window is three array copies and the layers are NumPy expressions, with
thinc's formulas in thinc's order and the matrix product the loaded models use
(``NUMPY_OPS``), so the vectors are bit for bit those thinc computes; ``tests`` check that.
The embedding layers (hashed features, and word vectors where a model reads them) still run
in thinc, whatever they are: they cost little.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps

#: thinc's NumPy operations with NumPy's matrix product (OpenBLAS) instead of BLIS: about
#: three times faster on the recogniser's matrices here (``recognise.load_pipeline`` gives
#: every loaded model the same, so vectors stay bit for bit thinc's).
NUMPY_OPS = NumpyOps(use_blis=False)
_OPS = NUMPY_OPS


def use_numpy_ops(model: Model) -> None:
    """Every layer of ``model`` on ``NUMPY_OPS``, as the encoder computes."""
    for node in model.walk():
        node.ops = NUMPY_OPS


@dataclass(frozen=True)
class _Block:
    """One residual layer: window of three tokens, maxout, layer norm."""

    weights: np.ndarray  # (nO * nP, 3 * width)
    bias: np.ndarray  # (nO * nP,)
    pieces: int
    scale: np.ndarray  # layer norm G
    shift: np.ndarray  # layer norm b

    def __call__(self, x: np.ndarray) -> np.ndarray:
        """The block's output for the (padded) token matrix ``x``; spaCy adds it to ``x``."""
        y = _OPS.gemm(_window(x), self.weights, trans2=True)
        y += self.bias
        z = y.reshape(len(y), -1, self.pieces)
        best = z[..., 0].copy()
        for piece in range(1, self.pieces):
            np.maximum(best, z[..., piece], out=best)
        mu = best.mean(axis=1, keepdims=True)
        var = best.var(axis=1, keepdims=True) + 1e-08
        out = (best - mu) * var ** (-1.0 / 2.0)
        out *= self.scale
        out += self.shift
        return out


def _window(x: np.ndarray) -> np.ndarray:
    """Each row beside the rows before and after it (zeros past the ends): thinc's seq2col."""
    n, width = x.shape
    out = np.empty((n, 3, width), dtype=x.dtype)
    out[0, 0] = 0
    out[1:, 0] = x[:-1]
    out[:, 1] = x
    out[:-1, 2] = x[1:]
    out[-1, 2] = 0
    return out.reshape(n, 3 * width)


def _layers(model: Model, *names: str) -> list[Model] | None:
    """The model's sublayers when their names are ``names``, else None."""
    found = list(model.layers)
    return found if [layer.name for layer in found] == list(names) else None


class WindowEncoder:
    """Token vectors of a batch of docs as a ``Tok2Vec`` model computes them: the entity
    model's own (with its output layer) or a pipeline's shared ``tok2vec`` component."""

    def __init__(self, tok2vec: Model) -> None:
        found = _parts(tok2vec)
        if found is None:
            raise ValueError(f"{tok2vec.name}: not a Tok2Vec with a window encoder")
        self.embed, encoder, self.linear = found
        self.pad = int(encoder.attrs["pad"])
        self.blocks = []
        for residual in encoder.layers[0].layers:
            window, rest = residual.layers[0].layers
            maxout, norm = rest.layers[0].layers
            n_out, pieces, n_in = maxout.get_param("W").shape
            self.blocks.append(
                _Block(
                    maxout.get_param("W").reshape(n_out * pieces, n_in),
                    maxout.get_param("b").reshape(n_out * pieces),
                    pieces,
                    norm.get_param("G"),
                    norm.get_param("b"),
                )
            )

    @staticmethod
    def fits(tok2vec: Model) -> bool:
        """True for spaCy's ``Tok2Vec`` with a ``MaxoutWindowEncoder`` of window 1, alone or
        followed by a linear output layer (the shapes of every model shipped here)."""
        return _parts(tok2vec) is not None

    def predict_each(self, docs: Sequence[Doc]) -> list[np.ndarray]:
        """The encoder's vectors, one array per doc (what a ``tok2vec`` component stores)."""
        embedded = self.embed.predict(list(docs))
        lengths = _OPS.asarray1i([len(x) for x in embedded])
        x = _OPS.flatten(embedded, pad=self.pad)
        for block in self.blocks:
            x = x + block(x)
        return _OPS.unflatten(x, lengths, pad=self.pad)

    def predict(self, docs: Sequence[Doc]) -> np.ndarray:
        """One row per token of the docs, in order (what ``tok2vec.predict`` returns for the
        entity model's own encoder)."""
        assert self.linear is not None, "an encoder with an output layer"
        return self.linear.predict(_OPS.flatten(self.predict_each(docs)))


def _parts(tok2vec: Model) -> tuple[Model, Model, Model | None] | None:
    """(embedding, window encoder, output layer or None) of a Tok2Vec model, if it is one."""
    outer = list(tok2vec.layers)
    linear = None
    if len(outer) == 3 and [m.name for m in outer[1:]] == ["list2array", "linear"]:
        outer, linear = list(outer[0].layers), outer[2]
    if len(outer) != 2 or not outer[1].name.startswith("with_array(residual("):
        return None
    encoder = outer[1]
    if "pad" not in encoder.attrs or len(encoder.layers) != 1:
        return None
    residuals = list(encoder.layers[0].layers)
    for residual in residuals:
        block = _layers(residual, "expand_window>>maxout>>layernorm>>dropout")
        parts = block and _layers(block[0], "expand_window", "maxout>>layernorm>>dropout")
        if not parts or parts[0].attrs.get("window_size") != 1:
            return None
        if not _layers(parts[1], "maxout>>layernorm", "dropout"):
            return None
        if not _layers(parts[1].layers[0], "maxout", "layernorm"):
            return None
    return (outer[0], encoder, linear) if residuals else None
