"""Two habits of the German recogniser that its lexicon can correct.

- A word opening a sentence is capitalised whatever it is: the recogniser, which has seen
  few sentences, now and then takes an adverb or adjective there for a name ("Regelmäßig
  fanden ...", "Vorn sind ..."). When HanTa's lexicon knows the lower-case word as an
  adjective or adverb first, and not the word itself as a proper noun, it is no name.
- An adjective from a town's name ("New Yorker", "St. Galler") is no place: GermEval calls
  it ``LOCderiv``, which the recogniser is taught to keep apart, but it sometimes reports it
  as the place. A place ending in "-er" whose stem is a listed place, and which is not a
  listed place itself ("Munster"), is dropped.
- A rare compound of common nouns ("Rapgeschäft", "Waschkessel", see ``german_compounds``)
  is capitalised and unknown like a name, and the recogniser takes some for places or
  persons; a one-word mention that is one is dropped, unless it ends in a body's head noun
  ("Umweltbundesamt", see ``org_words``), which names are made of.
"""

from __future__ import annotations

from wiredesk.entities.german_compounds import is_noun_compound
from wiredesk.entities.mention import Mention
from wiredesk.entities.sentence_openers import opens_sentence
from wiredesk.entities.training.german_words import lexicon_tags
from wiredesk.entities.training.name_lists import place_mark
from wiredesk.entities.training.org_words import org_mark

#: Parts of speech of a lower-case word that, opening a sentence, is no name.
_NOT_NAMES = frozenset({"ADJ", "ADV"})
#: Shortest stem a place adjective keeps ("Galler" -> "Gall" is too short: "Mauer").
_MIN_STEM = 4
_PLACE_TYPES = frozenset({"GPE", "LOC"})


def capitalised_adverb(text: str, mention: Mention) -> bool:
    """A lone word opening a sentence that the lexicon knows as an adjective or adverb."""
    word = mention.text
    if " " in word or not opens_sentence(text, mention.start_char):
        return False
    first = lexicon_tags(word.lower()).split("|")[0]
    return first in _NOT_NAMES and "NE" not in lexicon_tags(word).split("|")


def place_adjective(mention: Mention) -> bool:
    """A place reported for an adjective made from a place's name ("New Yorker")."""
    last = mention.text.split(" ")[-1]
    if mention.type not in _PLACE_TYPES or not last.endswith("er") or place_mark(last):
        return False
    stem = last[:-2]
    return len(stem) >= _MIN_STEM and "Yes" in (place_mark(stem), place_mark(stem + "e"))


def common_compound(mention: Mention) -> bool:
    """A one-word mention that is a compound of common nouns and no body's name."""
    word = mention.text
    return " " not in word and not org_mark(word) and is_noun_compound(word)


def drop_german_non_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions without capitalised adverbs opening a sentence, place adjectives and
    compounds of common nouns."""
    return [
        m
        for m in mentions
        if not capitalised_adverb(text, m) and not place_adjective(m) and not common_compound(m)
    ]
