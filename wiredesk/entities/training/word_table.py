"""A large word -> small number table in little memory, kept on disk between processes.

Word lists read from dependencies run to hundreds of thousands of words; a Python dictionary
of them costs some 100 bytes a word. Here each word is a 64-bit hash of it, kept in one
sorted array beside an array of its values: 9 bytes a word. A lookup is a binary search;
two words with one 64-bit hash are a risk small enough for features a model learns to weigh.

Building a table means reading and filtering the whole list (0.5 s for the German ones,
which every process that reads German would pay), so ``WordTable.cached`` keeps the two
arrays in the user's cache folder, under a stamp of what they were built from (the source
files' sizes and times, the packages' versions): a changed source builds them again. The
hash is stable across processes for that (blake2b, not Python's salted ``hash``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from functools import lru_cache

import numpy as np

from wiredesk.user_cache import kept_arrays

#: Raised when the table format or its hash changes, so older files are not read.
FORMAT = "1"


@lru_cache(maxsize=200_000)
def word_hash(word: str) -> int:
    """A 64-bit hash of the word, the same in every process."""
    digest = hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


class WordTable:
    """Words and their values (0-255)."""

    def __init__(self, keys: np.ndarray, values: np.ndarray) -> None:
        self._keys = keys
        self._values = values

    @classmethod
    def build(cls, chunks: Iterable[tuple[list[str], int]]) -> WordTable:
        """From (words, value) chunks; a word given twice keeps its first value."""
        hashes, values = [], []
        for words, value in chunks:
            hashes.append(np.fromiter(map(_uncached_hash, words), np.int64, len(words)))
            values.append(np.full(len(words), value, np.uint8))
        keys = np.concatenate(hashes) if hashes else np.zeros(0, np.int64)
        order = np.argsort(keys, kind="stable")
        kept = np.concatenate(values)[order] if values else np.zeros(0, np.uint8)
        return cls(keys[order], kept)

    @classmethod
    def cached(
        cls, name: str, stamp: str, chunks: Callable[[], Iterable[tuple[list[str], int]]]
    ) -> WordTable:
        """The table ``name`` as kept on disk for ``stamp``, else built from ``chunks()`` and
        kept (where the cache folder cannot be written, it is only built)."""

        def arrays() -> dict[str, np.ndarray]:
            table = cls.build(chunks())
            return {"keys": table._keys, "values": table._values}

        kept = kept_arrays("word-tables", name, f"{FORMAT}\n{stamp}", arrays)
        try:
            return cls(kept["keys"], kept["values"])
        except KeyError:  # kept by another version under the same stamp
            return cls.build(chunks())

    def __len__(self) -> int:
        return len(self._keys)

    def get(self, word: str, default: int = 0) -> int:
        """The word's value (the first one given, if it came twice), else ``default``."""
        key = word_hash(word)
        at = int(np.searchsorted(self._keys, key))
        if at < len(self._keys) and self._keys[at] == key:
            return int(self._values[at])
        return default


def _uncached_hash(word: str) -> int:
    return word_hash.__wrapped__(word)
