"""Long unions of regular expressions, compiled with their shared parts written once.

spaCy's French tokenizer answers "is this word one token?" with one pattern of some 270
alternatives (``^anti[-‐][a-zß-ÿ…][-a-zß-ÿ…'’]*$`` and its kin), each repeating classes of
every lower-case or alphabetic character in Unicode: 1.45 million characters, which Python's
``re`` takes about 2 CPU seconds and 35 MB to compile at import of ``spacy.lang.fr`` (a
pipeline's tokenizer read from disk compiles the same string again). Written as
``^(?:anti|…)[-‐][a-z…]…$`` the same union compiles in a few hundredths of a second:
concatenation distributes over union, so pulling an atom shared by several alternatives in
front of (or behind) them changes no match. ``factored`` rewrites such a pattern;
``factored_long_patterns`` has ``re.compile`` use the rewrite while a block runs (loading a
pipeline).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache

#: Patterns at least this long are worth the rewrite; shorter ones compile as they are.
LONG_PATTERN = 100_000
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsu]+\)")
#: A character class: ``]`` first or escaped is one of its characters.
_CLASS = re.compile(r"\[\^?\]?[^\\\]]*(?:\\.[^\\\]]*)*\]", re.DOTALL)
_QUANTIFIER = re.compile(r"(?:[*+?]|\{\d+(?:,\d*)?\}|\{,\d+\})[?+]?")
#: Escapes spelled with a fixed number of characters after the backslash.
_ESCAPE_LENGTHS = {"x": 3, "u": 5, "U": 9}

Atoms = tuple[str, ...]


class _Unsupported(ValueError):
    """A construct the rewrite leaves alone (capturing groups, back-references, …)."""


def _escape_end(pattern: str, start: int) -> int:
    """Where the escape starting at ``start`` (a backslash) ends."""
    if start + 1 >= len(pattern):
        raise _Unsupported("trailing backslash")
    letter = pattern[start + 1]
    if letter.isdigit() or letter in "gN":
        raise _Unsupported(f"escape \\{letter}")
    return start + _ESCAPE_LENGTHS.get(letter, 2)


def _class_end(pattern: str, start: int) -> int:
    """Where the character class opening at ``start`` ends (after its ``]``)."""
    found = _CLASS.match(pattern, start)
    if found is None:
        raise _Unsupported("unclosed class")
    return found.end()


def _group_end(pattern: str, start: int) -> int:
    """Where the non-capturing group opening at ``start`` ends (after its ``)``)."""
    depth, i = 0, start
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i = _escape_end(pattern, i)
            continue
        if char == "[":
            i = _class_end(pattern, i)
            continue
        if char == "(":
            if not pattern.startswith("(?:", i):
                raise _Unsupported("a group other than (?:…)")
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise _Unsupported("unclosed group")


def _atom_end(pattern: str, start: int) -> int:
    """Where the atom at ``start`` ends, its quantifier included."""
    char = pattern[start]
    if char == "[":
        end = _class_end(pattern, start)
    elif char == "(":
        end = _group_end(pattern, start)
    elif char == "\\":
        end = _escape_end(pattern, start)
    elif char in ")|*+?{":
        raise _Unsupported(f"unexpected {char!r}")
    else:
        end = start + 1
    found = _QUANTIFIER.match(pattern, end)
    return found.end() if found else end


def _branches(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` at its top level."""
    branches, start, i = [], 0, 0
    while i < len(pattern):
        if pattern[i] == "|":
            branches.append(pattern[start:i])
            start = i = i + 1
        else:
            i = _atom_end(pattern, i)
    return [*branches, pattern[start:]]


def _atoms(branch: str) -> Atoms:
    atoms, i = [], 0
    while i < len(branch):
        end = _atom_end(branch, i)
        atoms.append(branch[i:end])
        i = end
    return tuple(atoms)


def _alternatives(pattern: str) -> Iterator[Atoms]:
    """Each alternative as atoms; a bare ``(?:…)`` alternative gives its own alternatives."""
    for branch in _branches(pattern):
        atoms = _atoms(branch)
        if len(atoms) == 1 and atoms[0].startswith("(?:") and atoms[0].endswith(")"):
            yield from _alternatives(atoms[0][3:-1])
        else:
            yield atoms


def _shared_head(sequences: Sequence[Atoms]) -> int:
    shortest = min(len(s) for s in sequences)
    n = 0
    while n < shortest and all(s[n] == sequences[0][n] for s in sequences):
        n += 1
    return n


def _factor(sequences: Sequence[Atoms]) -> str:
    """One regular expression matching what any of ``sequences`` matches."""
    sequences = list(dict.fromkeys(sequences))
    if len(sequences) == 1:
        return "".join(sequences[0])
    head = _shared_head(sequences)
    rest = [s[head:] for s in sequences]
    tail = _shared_head([s[::-1] for s in rest])
    middle = [s[: len(s) - tail] for s in rest]
    return "".join(sequences[0][:head]) + _union(middle) + "".join(rest[0][len(rest[0]) - tail :])


def _grouped(sequences: Sequence[Atoms], end: int) -> dict[str, list[Atoms]]:
    groups: dict[str, list[Atoms]] = {}
    for s in sequences:
        groups.setdefault(s[end], []).append(s)
    return groups


def _union(sequences: Sequence[Atoms]) -> str:
    """``(?:a|b|…)`` over sequences that share no first and last atom all together."""
    empty = [s for s in sequences if not s]
    filled = [s for s in sequences if s]
    branches = ["".join(s) for s in filled]
    for end in (-1, 0):  # shared endings first: the long classes close most alternatives
        groups = _grouped(filled, end)
        if len(groups) < len(filled):
            branches = [_factor(group) for group in groups.values()]
            break
    return "(?:" + "|".join([*branches, *([""] if empty else [])]) + ")"


@lru_cache(maxsize=8)
def factored(pattern: str) -> str | None:
    """``pattern`` with atoms its alternatives share written once, or None when it uses
    something the rewrite does not handle (capturing groups, look-arounds, back-references,
    flags other than leading global ones). Kept: spaCy compiles the same pattern twice."""
    flags = _GLOBAL_FLAGS.match(pattern)
    body = pattern[flags.end() :] if flags else pattern
    try:
        return (flags.group() if flags else "") + _factor(list(_alternatives(body)))
    except (_Unsupported, RecursionError):  # RecursionError: a few hundred atoms deep
        return None


_swap_lock = threading.Lock()
_swaps = 0  # blocks inside ``factored_long_patterns``, in any thread
_plain_compile = re.compile


def _compile_factored(pattern, flags=0):  # noqa: ANN001, ANN202 - re.compile's signature
    if isinstance(pattern, str) and len(pattern) >= LONG_PATTERN:
        pattern = factored(pattern) or pattern
    return _plain_compile(pattern, flags)


@contextmanager
def factored_long_patterns() -> Iterator[None]:
    """While the block runs, ``re.compile`` compiles string patterns of ``LONG_PATTERN``
    characters or more in their factored form (the same matches); others as usual. Blocks
    may overlap (threads loading pipelines): the last one out puts ``re.compile`` back."""
    global _swaps
    with _swap_lock:
        _swaps += 1
        re.compile = _compile_factored
    try:
        yield
    finally:
        with _swap_lock:
            _swaps -= 1
            if not _swaps:
                re.compile = _plain_compile
