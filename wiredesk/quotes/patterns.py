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


def trie_pattern(words: Iterable[str]) -> str:
    """One regular expression for many words, shared prefixes factored out (fast to scan)."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(tree)
