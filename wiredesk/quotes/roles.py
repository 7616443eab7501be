"""Whether two role descriptions can name the same post: head noun and modifiers.

Wire copy rarely repeats a description word for word: "the senior Ukrainian negotiator"
comes back as "the senior Ukraine negotiator", "the foreign minister" as "the minister of
foreign affairs", "the chief negotiator" as "the negotiator". Two descriptions fit when
their head nouns agree and their modifiers agree up to inflection, order and one added
word; a modifier that contradicts ("Russian" against "Ukrainian") never fits.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

#: Words that join a description's parts without describing the post.
_LINKING = frozenset("the a an of for to at in on and with from by its his her their".split())
_PREPOSITIONS = ("of", "for", "at", "in", "with", "from", "on")
#: Shortest shared beginning, and longest differing ending, for two forms of one word.
_MIN_STEM = 4
_MAX_ENDING = 3


@dataclass(frozen=True)
class Role:
    """A description reduced to its head noun and the set of words that modify it."""

    head: str
    modifiers: frozenset[str]


@lru_cache(maxsize=4096)
def parse_role(phrase: str) -> Role | None:
    """ "the minister of foreign affairs" -> minister {foreign, affairs}; None when empty."""
    words = [w.strip(".,;:'\u2019").lower() for w in phrase.split()]
    words = [w.removesuffix("'s").removesuffix("\u2019s") for w in words if w]
    while words and words[0] in _LINKING:
        words.pop(0)
    if not words:
        return None
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS and i), len(words))
    head = words[cut - 1]
    modifiers = frozenset(w for i, w in enumerate(words) if i != cut - 1 and w not in _LINKING)
    return Role(head, modifiers)


def same_word(a: str, b: str) -> bool:
    """One word in two inflections: Ukrainian/Ukraine, Russia/Russian, defence/defense."""
    if a == b:
        return True
    if a[:_MIN_STEM] != b[:_MIN_STEM]:
        return False  # most pairs: the stems differ at once
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    return shared >= _MIN_STEM and max(len(a), len(b)) - shared <= _MAX_ENDING


def _unmatched(words: frozenset[str], others: frozenset[str]) -> int:
    return sum(1 for w in words if not any(same_word(w, o) for o in others))


def role_fits(query: Role, known: Role) -> bool:
    """Whether ``query`` (a later description) can mean the holder of ``known``.

    The heads agree; every modifier the query repeats agrees; the query may drop any of the
    known modifiers, or add one word only when it contradicts none of them.
    """
    if not same_word(query.head, known.head):
        return False
    added = _unmatched(query.modifiers, known.modifiers)
    if added == 0:
        return True
    return added == 1 and _unmatched(known.modifiers, query.modifiers) == 0
