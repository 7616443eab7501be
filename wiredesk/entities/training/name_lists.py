"""Words known as place names or first names, for recognisers trained on few sentences.

A few thousand training sentences name few of the world's towns ("Völklingen", "Witten") or
first names ("Torsten"); lists do. Places come from installed dependencies, read at run
time and never copied into the repository: geotext's GeoNames list of towns of 15,000
people or more (GeoNames data, CC BY 4.0; geotext MIT) with their Latin-script alternate
names, and pycountry's countries and their subdivisions (LGPL-2.1), in English and with
their German names. First names are wiredesk's own lists: ``first_names.tsv`` (US births)
and ``data/de_first_names.txt`` (names given in Berlin, see ``german_first_names``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from wiredesk.entities.first_names import first_name_gender
from wiredesk.entities.german_first_names import is_german_first_name
from wiredesk.entities.training.word_table import WordTable
from wiredesk.user_cache import file_stamp

#: A place name worth keeping: Latin letters (with accents), spaces, hyphens, apostrophes,
#: and at least one lower-case letter (alternate names hold airport codes such as "ZQR").
_LATIN = re.compile(r"^(?=.*[a-zà-ÿ])[A-Za-zÀ-ÖØ-öø-ÿĀ-ž' .-]+$")


def _geonames_towns() -> list[str]:
    """Names and alternate names of towns in geotext's ``cities15000.txt``."""
    from importlib.resources import files

    names = []
    text = files("geotext").joinpath("data", "cities15000.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) > 3:
            names.extend([fields[1], fields[2], *fields[3].split(",")])
    return names


def _countries() -> list[str]:
    """Countries and subdivisions in English and German (pycountry's translations)."""
    import gettext

    import pycountry

    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    german_parts = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
    names = []
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", country.name)):
            names.extend([name, german.gettext(name)])
    for part in pycountry.subdivisions:
        names.extend([part.name, german_parts.gettext(part.name)])
    return names


#: Values in the place table.
_WHOLE, _PART = 2, 1


@lru_cache(maxsize=1)
def place_words() -> WordTable:
    """Whole one-word place names (``_WHOLE``) and capitalised words of longer ones
    (``_PART``); a word that is both counts as whole. Kept on disk for the next process."""
    return WordTable.cached("places", _places_stamp(), _place_chunks)


def _places_stamp() -> str:
    """The versions of the lists the place table is built from."""
    from importlib.metadata import version
    from importlib.resources import files

    towns = files("geotext").joinpath("data", "cities15000.txt")
    return f"{file_stamp(str(towns))}\npycountry {version('pycountry')}"


def _place_chunks() -> list[tuple[list[str], int]]:
    whole, part = [], []
    for name in [*_geonames_towns(), *_countries()]:
        name = name.strip()
        if not _LATIN.match(name):
            continue
        words = name.split()
        if len(words) == 1:
            whole.append(name)
        else:
            part.extend(w for w in words if w[:1].isupper() and len(w) > 2)
    return [(whole, _WHOLE), (part, _PART)]


def place_mark(word: str) -> str:
    """How the word stands in the place lists: "Yes", "Part" or "" (a genitive "Erfurts"
    counts as its place)."""
    table = place_words()
    found = table.get(word)
    if not found and len(word) > 3 and word.endswith("s"):
        found = table.get(word[:-1])
    return {_WHOLE: "Yes", _PART: "Part"}.get(found, "")


def is_first_name(word: str) -> bool:
    """A capitalised word in one of wiredesk's first-name lists."""
    return word[:1].isupper() and (
        first_name_gender(word) is not None or is_german_first_name(word)
    )
