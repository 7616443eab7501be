"""Compounds of common nouns, which German writes as one capitalised word.

A rare compound of two common nouns ("Rapgeschäft", "Waschkessel", "Kundengeld") looks to
the German recogniser like a name: capitalised, unknown to the lexicon, rare in German
text. Its last part is a common noun HanTa's lexicon knows ("Geschäft", "Kessel", "Geld")
and its first part a known word, which is rare for a name. Last parts that end many
places, streets and family names too ("-berg", "-dorf", "-straße", "-mann") say nothing
either way and are not read; nor are words written with a capital inside ("ProSieben",
"HeidelbergCement"), as brands are, or ending like a town ("Twistringen").
"""

from __future__ import annotations

from functools import lru_cache

from wiredesk.entities.training.german_words import frequency_band, lexicon_tags
from wiredesk.entities.training.name_lists import is_first_name, place_mark

#: Joints between the parts of a compound ("Freiheit-s-bäume", "Kunde-n-geld", none).
_LINKS = ("s", "es", "n", "en", "e", "")
#: Shortest part on either side of the split.
_MIN_PART = 3
#: Shortest word tried: a shorter one is rarely a compound of two nouns.
_MIN_WORD = 7
#: Zipf band from which a first part counts as a known word without the lexicon.
_KNOWN_BAND = 3
#: Last parts that end names of places, streets and families as often as common nouns.
NAME_TAILS = frozenset(
    {
        *("au", "bach", "beck", "berg", "born", "brück", "brücke", "brunn", "burg", "dorf"),
        *("feld", "furt", "hagen", "hain", "haus", "hausen", "heim", "hof", "horn", "kamp"),
        *("kirch", "kirchen", "land", "mann", "ried", "rode", "see", "stadt", "stedt"),
        *("stein", "tal", "thal", "wald", "weiler", "werth", "winkel", "wörth"),
        *("straße", "weg", "platz", "gasse", "allee", "ring", "damm", "ufer"),
    }
)
#: Endings of town names that also end common nouns' parts ("Twist-ringen").
_TOWN_ENDINGS = ("ingen",)


def _known(part: str) -> bool:
    """A first part HanTa's lexicon or wordfreq knows as a word."""
    if len(part) < _MIN_PART:
        return False
    return (
        lexicon_tags(part.capitalize()) != "?"
        or lexicon_tags(part) != "?"
        or frequency_band(part) >= _KNOWN_BAND
    )


def _noun(part: str) -> bool:
    """A last part the lexicon reads first as a common noun, and no name's ending."""
    bare = part.lower()
    if bare in NAME_TAILS or (bare.endswith("s") and bare[:-1] in NAME_TAILS):
        return False
    return lexicon_tags(part.capitalize()).startswith("NN")


@lru_cache(maxsize=20_000)
def is_noun_compound(word: str) -> bool:
    """A capitalised word that no list knows as a name, ending in a common noun after a
    known first part ("Rapgeschäft") or after a hyphen ("S-Bahn-Tunnel")."""
    if not word[:1].isupper() or len(word) < _MIN_WORD or not word.replace("-", "").isalpha():
        return False
    if any(c.isupper() for a, c in zip(word, word[1:], strict=False) if a != "-"):
        return False  # a capital inside: a brand ("ProSieben"), or "S-Bahn" read below
    if word.lower().endswith(_TOWN_ENDINGS) or "NE" in lexicon_tags(word):
        return False
    if place_mark(word) or is_first_name(word):
        return False  # "Russland", "Eisenach": listed places, whatever their parts
    last = word.rsplit("-", 1)[-1]
    if last != word:
        return last[:1].isupper() and _noun(last)
    for split in range(_MIN_PART, len(word) - _MIN_PART + 1):
        if not _noun(word[split:]):
            continue
        first = word[:split].lower()
        if any(first.endswith(link) and _known(first[: len(first) - len(link)]) for link in _LINKS):
            return True
    return False
