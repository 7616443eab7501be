"""Pretrained Russian word vectors, read from the product-quantised table natasha ships.

navec (Alexander Kukushkin, natasha project, MIT) gives 250,000 lower-case words 300
numbers each, stored as 100 one-byte codes per word into 100 small codebooks of 256 rows of
3 numbers. The table is read where the installed ``natasha`` wheel keeps it, without
importing natasha (whose ``pymorphy2`` does not import on Python 3.11), and never unpacked:
the codes are memory-mapped from the file (26 MB shared by every process through the page
cache) and only the words of a batch are rebuilt. Words are found by spaCy's hash of their
lower-case form, so a token's ``LOWER`` attribute is the key; a word not in the table gets
navec's ``<unk>`` vector.
"""

from __future__ import annotations

import gzip
import tarfile
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, distribution, version
from pathlib import Path

import numpy as np

from wiredesk.entities.package_vectors import PREFIX, PackageVectors, load_package_vectors
from wiredesk.entities.word_keys import in_key_order, look_up, word_hashes
from wiredesk.user_cache import file_stamp, kept_arrays

#: The table natasha 1.6.0 ships (news, 1B words, 250K words, 300 dimensions, 100 codes).
NAVEC_NEWS = "navec_news_v1_1B_250K_300d_100q"
#: The word navec gives every word it does not know.
UNKNOWN = "<unk>"


@dataclass(frozen=True)
class QuantisedVectors:
    """Words' vectors as codes into per-part codebooks.

    ``keys``: sorted hashes of the words; ``rows``: each key's row of ``codes``;
    ``codes``: (words, parts) code per part; ``codebooks``: (parts, 256, part width);
    ``unknown``: the row of navec's ``<unk>``.
    """

    keys: np.ndarray
    rows: np.ndarray
    codes: np.ndarray
    codebooks: np.ndarray
    unknown: int
    #: The token attribute whose hash is the key: navec's words are lower case.
    attr: str = "LOWER"

    @property
    def width(self) -> int:
        return self.codebooks.shape[0] * self.codebooks.shape[2]

    def find(self, keys: np.ndarray) -> np.ndarray:
        """The row of each key (lower-case word hash), ``unknown`` where there is none."""
        return look_up(self.keys, self.rows, keys, self.unknown)

    def vectors(self, rows: np.ndarray) -> np.ndarray:
        """(len(rows), width) float32: each row's codebook entries side by side."""
        parts = np.arange(self.codebooks.shape[0])
        return self.codebooks[parts, self.codes[rows]].reshape(len(rows), self.width)


def word_index(words: list[str]) -> dict[str, np.ndarray]:
    """What finding a word takes: the words' hashes in order, their rows, ``<unk>``'s row."""
    keys, rows = in_key_order(word_hashes(words), np.arange(len(words), dtype=np.int32))
    return {"keys": keys, "rows": rows, "unknown": np.array(words.index(UNKNOWN))}


def from_index(
    index: dict[str, np.ndarray], codes: np.ndarray, codebooks: np.ndarray
) -> QuantisedVectors:
    """A table from its word index (``word_index``) and arrays."""
    return QuantisedVectors(
        keys=index["keys"],
        rows=index["rows"],
        codes=codes,
        codebooks=codebooks,
        unknown=int(index["unknown"]),
    )


def table_path(name: str = NAVEC_NEWS) -> Path:
    """Where the installed natasha package keeps the table (a dependency's data file)."""
    try:
        return Path(distribution("natasha").locate_file(f"natasha/data/emb/{name}.tar"))
    except PackageNotFoundError as missing:
        raise RuntimeError(f"{name}: needs the natasha package (its data file)") from missing


def read_words(path: Path) -> list[str]:
    """The words of a navec ``.tar`` in row order (``vocab.bin``: gzip of a count, the
    words' counts, then the words by line)."""
    with tarfile.open(path) as tar:
        raw = gzip.decompress(tar.extractfile(tar.getmember("vocab.bin")).read())
    count = int(np.frombuffer(raw[:4], "<u4")[0])
    words = raw[4 + 4 * count :].decode("utf-8").split("\n")
    if len(words) != count:
        raise ValueError(f"{path}: not a navec table")
    return words


def read_table(path: Path) -> QuantisedVectors:
    """Read a navec ``.tar``: ``vocab.bin`` and ``pq.bin`` (four uint32 sizes, uint8 codes,
    float32 codebooks), codes memory-mapped. Hashing and sorting its 250,000 words costs a
    process half a second, so the result is kept in the user's cache."""
    with tarfile.open(path) as tar:
        pq = tar.getmember("pq.bin")
        with tar.extractfile(pq) as handle:
            words_n, dim, parts, centroids = (int(x) for x in np.frombuffer(handle.read(16), "<u4"))
            handle.seek(16 + words_n * parts)
            codebooks = np.frombuffer(handle.read(), "<f4").reshape(parts, centroids, -1)
    if codebooks.shape[2] * parts != dim:
        raise ValueError(f"{path}: not a navec table")
    stamp = f"{file_stamp(path)}\nspacy {version('spacy')}"  # spaCy's hash makes the keys
    index = kept_arrays("word-vectors", path.stem, stamp, lambda: word_index(read_words(path)))
    if set(index) != {"keys", "rows", "unknown"}:
        index = word_index(read_words(path))
    if len(index["keys"]) != words_n:
        raise ValueError(f"{path}: not a navec table")
    codes = np.memmap(path, np.uint8, "r", pq.offset_data + 16, (words_n, parts))
    return from_index(index, codes, codebooks.copy())


@lru_cache(maxsize=2)
def load_table(name: str = NAVEC_NEWS) -> QuantisedVectors | PackageVectors:
    """The named table, read once per process: a navec table, or ``spacy:<package>`` for
    an installed spaCy pipeline's vectors (``package_vectors``)."""
    if name.startswith(PREFIX):
        return load_package_vectors(name)
    return read_table(table_path(name))
