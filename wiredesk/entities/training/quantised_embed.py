"""Hashed embeddings plus pretrained word vectors rebuilt from product-quantisation codes.

spaCy's ``MultiHashEmbed`` can add static vectors only from a dense table in the vocab: for
navec that is 250,000 x 300 floats (300 MB) per process. ``QuantisedVectors`` instead
rebuilds just the batch's words from the codes (``wiredesk.entities.word_vectors``) and
projects them to the embedding width with a learned matrix; the table itself gets no
gradient and is not saved with the model (only its name is, in the config). The same layer
reads an installed spaCy pipeline's dense vectors, memory-mapped (``spacy:<package>``, see
``wiredesk.entities.package_vectors``), looked up by the word as written. The rest is
``MultiHashEmbed`` with ``include_static_vectors``: the projected vectors are concatenated
with the hashed embeddings before the Maxout that mixes them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from spacy.attrs import LOWER, ORTH
from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.initializers import glorot_uniform_init
from thinc.types import Floats2d, Ragged

from wiredesk.entities.word_clusters import load_clusters, path_prefixes
from wiredesk.entities.word_vectors import load_table


def QuantisedVectors(width: int, table: str) -> Model[list[Doc], Ragged]:  # noqa: N802
    """Each token's word vector from ``table`` (by its lower case or as written, as the
    table says), times a learned (width, dims)
    matrix ``W``. The table is read when the model is built (loading a pipeline), so worker
    processes forked after that share it."""
    return Model(
        "quantised_vectors",
        _forward,
        init=_init,
        params={"W": None},
        attrs={"table": table},
        dims={"nO": width, "nM": load_table(table).width},
    )


#: Tokens rebuilt at a time: a batch's whole (tokens, 300) table would be its largest array.
CHUNK = 2048


def _forward(
    model: Model[list[Doc], Ragged], docs: list[Doc], is_train: bool
) -> tuple[Ragged, Callable]:
    ops = model.ops
    lengths = ops.asarray1i([len(doc) for doc in docs])
    W = ops.as_contig(model.get_param("W"))
    output = ops.alloc2f(int(lengths.sum()), W.shape[0], zeros=False)
    if not len(output):
        return Ragged(output, lengths), lambda _: []
    table = load_table(model.attrs["table"])
    attr = ORTH if table.attr == "ORTH" else LOWER
    rows = table.find(ops.xp.concatenate([doc.to_array(attr) for doc in docs]))
    chunks = [slice(i, i + CHUNK) for i in range(0, len(rows), CHUNK)]
    for chunk in chunks:
        output[chunk] = ops.gemm(table.vectors(rows[chunk]), W, trans2=True)

    def backprop(d_output: Ragged) -> list[Doc]:
        for chunk in chunks:
            vectors = table.vectors(rows[chunk])
            model.inc_grad("W", ops.gemm(ops.as_contig(d_output.data[chunk]), vectors, trans1=True))
        return []

    return Ragged(output, lengths), backprop


def _init(model: Model, X: list[Doc] | None = None, Y: Ragged | None = None) -> Model:
    shape = (model.get_dim("nO"), model.get_dim("nM"))
    model.set_param("W", glorot_uniform_init(model.ops, shape))
    return model


def ClusterFeatures(table: str, prefixes: tuple[int, ...]) -> Model[list[Doc], list]:  # noqa: N802
    """Each token's Brown cluster from ``table`` (``wiredesk.entities.word_clusters``), by
    the word as written or else in lower case, and its path's first ``prefixes`` branches:
    one Ints2d per doc with ``1 + len(prefixes)`` columns, for hashed embeddings. The table
    is read when the model is built, as ``QuantisedVectors``'s is."""
    load_clusters(table)
    return Model(
        "cluster_features",
        _cluster_forward,
        attrs={"table": table, "prefixes": tuple(prefixes)},
    )


def _cluster_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list, Callable]:
    clusters = load_clusters(model.attrs["table"])
    out = []
    for doc in docs:
        found = clusters.find_words(doc.to_array(ORTH), doc.to_array(LOWER))
        features = path_prefixes(found, model.attrs["prefixes"]).astype(np.uint64)
        out.append(model.ops.asarray(features, dtype="uint64"))
    return out, lambda _: []


def QuantisedHashEmbed(  # noqa: N802
    width: int,
    attrs: list[str],
    rows: list[int],
    table: str,
    clusters: str | None = None,
    cluster_rows: list[int] | None = None,
) -> Model[list[Doc], list[Floats2d]]:
    """``MultiHashEmbed`` (same seeds, same Maxout mix) with ``table``'s vectors added, and
    with ``clusters`` a Brown cluster table whose cluster and path prefixes (of 4, 8, ...
    branches, one per entry of ``cluster_rows`` after the first) get hashed embeddings of
    ``cluster_rows`` rows each."""
    if len(rows) != len(attrs):
        raise ValueError(f"{len(attrs)} attrs but {len(rows)} row counts")
    cluster_rows = list(cluster_rows or ())
    embeddings = [
        HashEmbed(width, rows[i], column=i, seed=8 + i, dropout=0.0) for i in range(len(attrs))
    ]
    hashed = chain(FeatureExtractor(attrs), list2ragged(), with_array(concatenate(*embeddings)))
    parts = [hashed, QuantisedVectors(width, table)]
    if clusters:
        prefixes = tuple(4 * (i + 1) for i in range(len(cluster_rows) - 1))
        seed = 8 + len(attrs)
        cluster_embeddings = [
            HashEmbed(width, count, column=i, seed=seed + i, dropout=0.0)
            for i, count in enumerate(cluster_rows)
        ]
        parts.append(
            chain(
                ClusterFeatures(clusters, prefixes),
                list2ragged(),
                with_array(concatenate(*cluster_embeddings)),
            )
        )
    pieces = len(attrs) + 1 + (len(cluster_rows) if clusters else 0)
    mix = with_array(Maxout(width, width * pieces, nP=3, dropout=0.0, normalize=True))
    return chain(concatenate(*parts), mix, ragged2list())
