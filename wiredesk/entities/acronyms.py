"""Acronyms and the names they abbreviate ("IEA" <-> "International Energy Agency")."""

from __future__ import annotations

import re

#: Small words often skipped when forming an acronym ("Bank of England" -> "BE" or "BOE").
_SKIPPABLE = frozenset({"of", "the", "for", "and", "on", "in", "de", "des", "du", "la", "&"})
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,8}|[A-Z][A-Za-z]{0,2}[A-Z]{1,6}")


def is_acronym(text: str) -> bool:
    """ "IEA", "U.N.", "UNSC", "DoD": short, a single word, mostly capitals."""
    word = text.strip()
    return " " not in word and bool(_ACRONYM.fullmatch(word))


def letters(acronym: str) -> str:
    return acronym.replace(".", "").upper()


def initials(name: str) -> set[str]:
    """Acronyms a multi-word name can have; all-capital words contribute every letter."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if len(words) < 2:
        return set()
    forms = {""}
    for word in words:
        bare = word.replace(".", "")
        if not bare:
            continue
        if bare.isupper() and bare.isalpha() and len(bare) <= 4:
            piece = bare
        elif bare[0].isalpha():
            piece = bare[0].upper()
        else:
            continue
        if word.lower() in _SKIPPABLE:
            forms = forms | {f + piece for f in forms}
        elif bare[0].isupper() or bare.isupper():
            forms = {f + piece for f in forms}
        else:
            return set()
    return {f for f in forms if len(f) >= 2}


def abbreviates(acronym: str, name: str) -> bool:
    """True when ``acronym`` is formed from the initials of ``name``."""
    return is_acronym(acronym) and letters(acronym) in initials(name)
