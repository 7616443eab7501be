"""What the entity tests share: a mention placed at its first occurrence in a text, and a
small encoder with random weights to check the NumPy encoder against thinc's."""

from __future__ import annotations

import numpy as np
import spacy

from wiredesk.entities.encoder import WindowEncoder, use_numpy_ops
from wiredesk.entities.mention import Mention


def mention(text: str, name: str, type_: str = "PERSON") -> Mention:
    """``name`` as a mention of ``type_`` where it first stands in ``text``."""
    start = text.index(name)
    return Mention(name, type_, start, start + len(name), name)


def spans(mentions: list[Mention]) -> list[tuple[str, str]]:
    """(text, type) of each mention, in order."""
    return [(m.text, m.type) for m in mentions]


def random_encoder(config, texts: list[str], seed: int = 1):  # noqa: ANN001, ANN201 - spaCy's
    """The ``tok2vec`` model of a pipeline built from ``config`` 32 wide, its weights drawn
    at random rather than the initial ones (so any slip in the NumPy encoder shows), and
    ``texts`` made into that pipeline's docs."""
    tok2vec_config = config["components"]["tok2vec"]["model"]
    tok2vec_config["embed"]["width"] = tok2vec_config["encode"]["width"] = 32
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    nlp.initialize()
    tok2vec = nlp.get_pipe("tok2vec").model
    rng = np.random.default_rng(seed)
    for node in tok2vec.walk():
        for name in node.param_names:
            if node.has_param(name):
                param = node.get_param(name)
                node.set_param(name, rng.normal(size=param.shape).astype(param.dtype))
    return tok2vec, [nlp.make_doc(text) for text in texts]


def numpy_encoder_matches(tok2vec, docs) -> bool:  # noqa: ANN001 - thinc's Model, spaCy's Docs
    """The NumPy encoder gives thinc's vectors bit for bit, on ``NUMPY_OPS`` as every loaded
    pipeline runs."""
    assert WindowEncoder.fits(tok2vec)
    use_numpy_ops(tok2vec)
    expected = tok2vec.predict(docs)
    got = WindowEncoder(tok2vec).predict_each(docs)
    return all(np.array_equal(a, b) for a, b in zip(expected, got, strict=True))
