"""Word tables keyed by spaCy's 64-bit hash of a word: the one way every table here (word
vectors, Brown clusters) turns words into keys and finds what it holds for a token.

A table keeps its keys sorted in one array beside its values in another; a batch's tokens are
found with one ``searchsorted``, with no Python work per token and no dictionary of
hundreds of thousands of strings per process.
"""

from __future__ import annotations

import numpy as np


def word_hashes(words: list[str]) -> np.ndarray:
    """spaCy's hash of each word, as ``doc.to_array("ORTH")`` or ``"LOWER"`` gives it."""
    from spacy.strings import hash_string

    return np.fromiter((hash_string(w) for w in words), dtype=np.uint64, count=len(words))


def in_key_order(keys: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``keys`` sorted, and ``values`` in the same order (equal keys keep theirs)."""
    order = np.argsort(keys, kind="stable")
    return keys[order], values[order]


def look_up(keys: np.ndarray, values: np.ndarray, wanted: np.ndarray, missing: int) -> np.ndarray:
    """The value of each ``wanted`` key in a table of sorted ``keys``; ``missing`` where the
    table has no such key (an empty table has none)."""
    wanted = np.asarray(wanted, dtype=np.uint64)
    if not len(keys):
        return np.full(len(wanted), missing, dtype=values.dtype)
    at = np.searchsorted(keys, wanted)
    at[at == len(keys)] = 0
    return np.where(keys[at] == wanted, values[at], missing)
