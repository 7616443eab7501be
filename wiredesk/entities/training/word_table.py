"""A large word -> small number table in little memory.

Word lists read from dependencies run to hundreds of thousands of words; a Python dictionary
of them costs some 100 bytes a word. Here each word is this process's ``hash`` of it, kept in
one sorted array beside an array of its values: 9 bytes a word. A lookup is a binary search;
two words with one 64-bit hash are a risk small enough for features a model learns to weigh.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np


class WordTable:
    """Words and their values (0-255), built once per process (hashes are per process)."""

    def __init__(self, chunks: Iterable[tuple[list[str], int]]) -> None:
        hashes, values = [], []
        for words, value in chunks:
            hashes.append(np.fromiter(map(hash, words), np.int64, len(words)))
            values.append(np.full(len(words), value, np.uint8))
        keys = np.concatenate(hashes) if hashes else np.zeros(0, np.int64)
        order = np.argsort(keys, kind="stable")
        self._keys = keys[order]
        self._values = np.concatenate(values)[order] if values else np.zeros(0, np.uint8)

    def __len__(self) -> int:
        return len(self._keys)

    def get(self, word: str, default: int = 0) -> int:
        """The word's value (the first one given, if it came twice), else ``default``."""
        key = hash(word)
        at = int(np.searchsorted(self._keys, key))
        if at < len(self._keys) and self._keys[at] == key:
            return int(self._values[at])
        return default
