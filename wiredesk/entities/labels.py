"""Mapping a recogniser's labels onto the ones wiredesk stores.

The shipped model is trained on CoNLL-style labels (PER, ORG, LOC, MISC); analysts work with
the OntoNotes-style labels larger spaCy pipelines use (PERSON, ORG, GPE, LOC, NORP, ...).
CoNLL's LOC covers both countries or cities (GPE) and geographic features or regions (LOC);
its MISC covers nationalities (NORP) and much else (events, works, products). Both splits
are made from the shape of the name, which is reliable for the common cases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Words that make a place a geographic feature rather than a political unit.
_FEATURE_WORDS = frozenset(
    """
    sea ocean river valley lake mountains mountain mount mt gulf bay strait straits desert
    peninsula canal coast basin delta plain plains plateau range alps himalayas channel
    sound island islands archipelago glacier forest jungle highlands lowlands steppe
    savannah rift estuary creek falls reef cape horn
    """.split()
)
_DEMONYM = re.compile(
    r"^[A-Z][a-z'\u2019-]*(?:an|ans|ian|ians|ese|ish|i|is|ic|ch|ss|ots|ek|eks|er|ers)$"
)
_CONLL_TO_SPACY = {"PER": "PERSON", "ORG": "ORG"}


#: Continents and large regions that are places but not political units.
_KNOWN_REGIONS = frozenset(
    {
        "africa",
        "asia",
        "europe",
        "antarctica",
        "oceania",
        "the americas",
        "americas",
        "north america",
        "south america",
        "latin america",
        "central america",
        "middle east",
        "near east",
        "far east",
        "balkans",
        "the balkans",
        "caribbean",
        "mediterranean",
        "scandinavia",
        "sahel",
        "sahara",
        "arctic",
        "siberia",
        "caucasus",
        "eurasia",
        "central asia",
        "east asia",
        "south asia",
        "southeast asia",
        "south-east asia",
        "west africa",
        "east africa",
        "north africa",
        "southern africa",
        "horn of africa",
        "central europe",
        "eastern europe",
        "western europe",
        "northern europe",
        "southern europe",
        "gulf",
        "levant",
        "maghreb",
        "pacific",
        "atlantic",
    }
)


def place_label(name: str) -> str:
    """GPE for countries, cities and states; LOC for continents, regions and features."""
    words = [w.strip(".,").lower() for w in name.split()]
    lowered = " ".join(words)
    if lowered in _KNOWN_REGIONS or lowered.removeprefix("the ") in _KNOWN_REGIONS:
        return "LOC"
    if any(w in _FEATURE_WORDS for w in words):
        return "LOC"
    return "GPE"


def misc_label(name: str) -> str:
    """NORP for a nationality or group word ("Kestrelian", "Dutch"), MISC otherwise."""
    word = name.strip()
    if " " not in word and _DEMONYM.match(word):
        return "NORP"
    return "MISC"


def is_conll_scheme(labels: Iterable[str]) -> bool:
    """True when a model's labels are CoNLL's (PER/MISC) rather than OntoNotes'."""
    return bool({"PER", "MISC"} & set(labels))


def to_wiredesk(label: str, name: str, conll: bool = True) -> str:
    """The stored label for a span the model gave ``label``.

    ``conll``: the model uses CoNLL labels; otherwise its (OntoNotes) labels pass through.
    """
    if not conll:
        return label
    if label in _CONLL_TO_SPACY:
        return _CONLL_TO_SPACY[label]
    if label == "LOC":
        return place_label(name)
    if label == "MISC":
        return misc_label(name)
    return label
