"""Brown clusters of words, read from an installed package for a recogniser's encoder.

A Brown clustering groups words that occur in the same contexts of a large text, in a
binary tree whose leaves are the clusters. Names fall into clusters of their own kind:
in the German table "Saakaschwili" shares its cluster with "Merkel" and "Schmidt",
"Taiskirchen" with "Bayern" and "Wolfsburg", "Berlin" with "Köln" and "Leipzig". A recogniser
trained on a few thousand sentences, where most names occur once or never, reads the
cluster of a name it has never seen. spacy-lookups-data (Explosion, MIT) ships such a
table for German, English and Spanish: a million word forms as written, each with one of
some 750 clusters (its path from the tree's root, first branch in the lowest bit).

The table is read once into two sorted arrays (spaCy's hash of each word, its cluster;
12 MB), kept in the user's cache (``wiredesk.user_cache``): parsing the package's JSON
costs each process that loads it 1.5 CPU s, reading the cache 0.01 s. A word in the table
neither as written nor in lower case is ``UNKNOWN``.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from wiredesk.entities.word_keys import in_key_order, look_up, word_hashes
from wiredesk.user_cache import file_stamp, kept_arrays

#: Table names that mean "this language's clusters in spacy-lookups-data".
PREFIX = "spacy-lookups-data:"
#: The cluster of a word the table does not have (every real cluster is below 2**20).
UNKNOWN = 1 << 20


@dataclass(frozen=True)
class WordClusters:
    """Word hashes in order and each one's cluster."""

    keys: np.ndarray
    clusters: np.ndarray

    def find(self, keys: np.ndarray) -> np.ndarray:
        """The cluster of each key (spaCy's hash of a word), ``UNKNOWN`` where there is none."""
        return look_up(self.keys, self.clusters, keys, UNKNOWN).astype(np.int64)

    def find_words(self, written: np.ndarray, lower: np.ndarray) -> np.ndarray:
        """The cluster of each word by its hash as written, else by its lower case's
        (``doc.to_array("ORTH")`` and ``"LOWER"``), ``UNKNOWN`` where neither is in."""
        found = self.find(written)
        missing = found == UNKNOWN
        if missing.any():
            found[missing] = self.find(np.asarray(lower)[missing])
        return found


def path_prefixes(clusters: np.ndarray, lengths: tuple[int, ...]) -> np.ndarray:
    """(len(clusters), 1 + len(lengths)) ints: each cluster, then the first ``n`` branches of
    its path for each ``n`` in ``lengths`` (nearby clusters share short prefixes);
    ``UNKNOWN`` stays ``UNKNOWN`` in every column."""
    clusters = np.asarray(clusters, dtype=np.int64)
    columns = [clusters]
    unknown = clusters == UNKNOWN
    for length in lengths:
        columns.append(np.where(unknown, UNKNOWN, clusters & ((1 << length) - 1)))
    return np.stack(columns, axis=1)


def table_file(language: str) -> Path:
    """The installed package's cluster table for ``language``, found without importing it."""
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("spacy-lookups-data is not installed")
    path = Path(next(iter(spec.submodule_search_locations)))
    path = path / "data" / f"{language}_lexeme_cluster.json.gz"
    if not path.exists():
        raise FileNotFoundError(f"{path}: spacy-lookups-data has no clusters for {language!r}")
    return path


def sorted_clusters(path: Path) -> dict[str, np.ndarray]:
    """A ``{word: cluster}`` JSON table as word hashes in order, with their clusters."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        table = json.load(handle)
    keys = word_hashes(list(table))
    clusters = np.fromiter(table.values(), np.int32, len(table))
    del table
    keys, clusters = in_key_order(keys, clusters)
    return {"keys": keys, "clusters": clusters}


def read_clusters(path: Path) -> WordClusters:
    """A ``{word: cluster}`` gzipped JSON table, from the user's cache after the first time."""
    name = path.name.removesuffix(".json.gz")
    arrays = kept_arrays("word-clusters", name, file_stamp(path), lambda: sorted_clusters(path))
    if set(arrays) != {"keys", "clusters"}:
        arrays = sorted_clusters(path)
    return WordClusters(keys=arrays["keys"], clusters=arrays["clusters"])


@lru_cache(maxsize=4)
def load_clusters(name: str) -> WordClusters:
    """The named table (``spacy-lookups-data:de``), read once per process."""
    if not name.startswith(PREFIX):
        raise ValueError(f"{name!r}: not a cluster table (expected {PREFIX}<language>)")
    return read_clusters(table_file(name.removeprefix(PREFIX)))
