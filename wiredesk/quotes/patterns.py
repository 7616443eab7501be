"""Patterns for words at a word boundary, written so that a search over a long text is fast."""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_start(words: Iterable[str]) -> str:
    """A pattern matching any of ``words`` (literal text) where a word begins, like
    ``\\b(?:he|she)``.

    Python's engine searches a pattern that opens with literal text by skipping from one
    possible first character to the next, but tries one that opens with ``\\b`` at every
    position of the text; so each word is matched first and the boundary checked behind it.
    """
    return "(?:" + "|".join(f"{re.escape(w)}(?<=\\b{re.escape(w)})" for w in words) + ")"
