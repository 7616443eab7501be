"""What is known about a German word beyond a few thousand training sentences.

The German recogniser learns from GermEval alone, where most names occur once or never; it
cannot tell from those sentences that "Kaeser" is a surname or "Haus" a common noun. Two
installed dependencies know it, read here (nothing is copied into the repository):

- HanTa's German model (LGPL-3.0-or-later, trained on the TIGER newspaper treebank) knows,
  for some 23,000 word forms, which parts of speech they take: a proper noun (``NE``), a
  common noun (``NN``), both, or something else;
- wordfreq (Apache-2.0 code, CC BY-SA 4.0 data) gives how common a word is in German text;
  a capitalised word that German rarely uses is more likely a name.

Each distinct word is looked up once per process. The 630,000 frequencies are read band by
band from wordfreq's installed German list into a ``WordTable`` (6 MB, where wordfreq's own
dictionary of them takes 80 MB).
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from wiredesk.entities.training.name_lists import is_first_name, place_mark
from wiredesk.entities.training.org_words import org_mark
from wiredesk.entities.training.word_table import WordTable
from wiredesk.user_cache import file_stamp

#: Parts of speech HanTa tags that tell names from other words; others are folded into "X".
KEPT_TAGS = frozenset({"NE", "NN", "ADJ", "FM", "CARD", "VV", "ART", "APPR", "ADV", "XY"})
#: Word forms remembered per process (a long-running worker sees an open vocabulary).
CACHE_SIZE = 200_000


@lru_cache(maxsize=1)
def _tagger():  # noqa: ANN202 - HanTa's tagger
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


def _frequency_list() -> Path:
    """wordfreq's large German list, found without importing wordfreq (which compiles its
    tokenisers' patterns, a fifth of a second, for nothing here)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "large_de.msgpack.gz"


def _frequency_bands() -> Iterator[tuple[list[str], int]]:
    """(words, Zipf band) from wordfreq's large German list, which stores its words in lists
    by frequency in centibels (the n-th list: -n cB), read one list at a time."""
    import gzip

    import msgpack

    with gzip.open(_frequency_list(), "rb") as handle:
        unpacker = msgpack.Unpacker(handle, raw=False)
        count = unpacker.read_array_header()
        unpacker.skip()  # the header
        for centibels in range(count - 1):
            yield unpacker.unpack(), max(0, math.floor(9 - centibels / 100))


@lru_cache(maxsize=1)
def _frequencies() -> WordTable:
    return WordTable.cached("wordfreq-de", file_stamp(_frequency_list()), _frequency_bands)


def lexicon_tags(word: str) -> str:
    """The parts of speech HanTa's lexicon gives a word, most likely first ("NE", "NN|NE"),
    or "?" for a word it has not seen (its guesses for those add nothing to the suffix)."""
    tagger = _tagger()
    if tagger.normalize(word) not in tagger.cache:
        return "?"
    tags = []
    for tag, _ in tagger.tag_word(word)[:2]:
        coarse = tag.split("(")[0]
        coarse = coarse if coarse in KEPT_TAGS else "X"
        if coarse not in tags:
            tags.append(coarse)
    return "|".join(tags) or "?"


def is_common_noun(word: str) -> bool:
    """HanTa's lexicon reads the word first as a common noun ("Tod", "Tor", "Sonne"): a
    first name spelt so proves nothing in German, where every noun is capitalised."""
    return lexicon_tags(word).startswith("NN")


def frequency_band(word: str) -> int:
    """How common the word is in German: its Zipf value rounded down (0: never seen)."""
    return _frequencies().get(word.lower())


@lru_cache(maxsize=CACHE_SIZE)
def word_features(word: str) -> tuple[str, str]:
    """(HanTa's tags, morphological features) for one word form: ``Freq=band``, ``Cap=Yes``
    for a capitalised word, ``Place=Yes|Part`` and ``First=Yes`` from ``name_lists``,
    ``Org=Head|Noun|Form`` from ``org_words``."""
    if not any(c.isalpha() for c in word):
        return "", ""
    feats = [f"Freq={frequency_band(word)}"]
    if word[:1].isupper():
        feats.append("Cap=Yes")
        if place := place_mark(word):
            feats.append(f"Place={place}")
        if is_first_name(word):
            feats.append("First=Yes")
    if org := org_mark(word):
        feats.append(f"Org={org}")
    return lexicon_tags(word), "|".join(feats)
