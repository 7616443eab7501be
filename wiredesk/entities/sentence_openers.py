"""A sentence's first word taken into the name after it: "Because Dempsey", "Hosting Cook".

A capital on the first word of a sentence says nothing, and the English model now and then
reads a conjunction, a preposition or an -ing form there as the start of a person's or a
place's name ("Because Dempsey had moved…", "Regarding MagSafe, …", "Why Delhi…"). Such a
word is dropped from the mention when it is a function word of four letters or more
(spaCy's English stop words) or an -ing form of a word usually written in lower case
("hosting" from "host"), unless it is a first name ("Will Dunham", "Bill Hayes"). A
sentence's first word alone is no mention at all when it is an adverb made from a word usually
written in lower case ("Eventually", "Sadly", "Historically": names that end in "-ly" are
made from no such word, "Kelly", "Connolly", or are first names, "Kimberly"), or a word
usually written in lower case that newswire never tagged as a name ("Inside", "Amid",
"Save"; "Bush" and "Brown" are names there).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from wiredesk.entities.first_names import first_name_gender
from wiredesk.entities.lexicon import casing_lexicon, gazetteer
from wiredesk.entities.mention import Mention

#: Mention types whose names never open with such a word (organisations do: "Rolling
#: Stone", "Opening Bell").
_TYPES = frozenset({"PERSON", "GPE"})
#: Shorter stop words open names too: "Per Olsson", "Do Kwon", "The Hague".
_SHORTEST = 4
#: What ends the text before a sentence's first word: a stop, a colon, a line, a quotation
#: mark (English and German).
_SENTENCE_ENDS = frozenset('.!?:\n"\u201c\u201d\u201e')
#: How far back the end of the sentence before is looked for, past spaces.
_LOOK_BACK = 20


def opens_sentence(text: str, start: int) -> bool:
    """Whether the character at ``start`` begins the text or a sentence in it."""
    before = text[max(0, start - _LOOK_BACK) : start].rstrip(" \t\u00a0")
    return not before or before[-1] in _SENTENCE_ENDS


def _ing_form(lower: str) -> bool:
    """Whether a word is the -ing form of a word usually written in lower case."""
    if len(lower) < 7 or not lower.endswith("ing"):
        return False
    stem = lower[:-3]
    lexicon = casing_lexicon()
    return any(lexicon.get(form) == "l" for form in (stem, stem + "e", stem[:-1]))


def _adverb(lower: str) -> bool:
    """Whether a word is an "-ly" adverb of a word usually written in lower case: "sadly"
    (sad), "primarily" (primary), "simply" (simple), "truly" (true), "specifically"
    (specific)."""
    if not lower.endswith("ly"):
        return False
    stem = lower[:-2]
    forms = [stem, stem + "e", stem + "le"]
    if stem.endswith("i"):
        forms.append(stem[:-1] + "y")
    if stem.endswith("ical"):
        forms.append(stem[:-2])
    lexicon = casing_lexicon()
    return any(len(form) >= 3 and lexicon.get(form) == "l" for form in forms)


def is_sentence_opener(word: str) -> bool:
    """Whether a capitalised first word is no part of the name after it."""
    if not word[:1].isupper() or not word[1:].islower():
        return False  # "MORE Power", "eBay": written as a name
    lower = word.lower()
    if len(lower) < _SHORTEST or first_name_gender(lower) is not None:
        return False
    return lower in STOP_WORDS or _ing_form(lower)


def trim_sentence_opener(text: str, mention: Mention) -> Mention | None:
    """The mention without a sentence's first word that is no part of the name; None when
    nothing of a name is left."""
    if mention.type not in _TYPES:
        return mention
    first, _, rest = mention.text.partition(" ")
    if not rest or not is_sentence_opener(first) or not opens_sentence(text, mention.start_char):
        return mention
    start = mention.start_char + len(mention.text) - len(rest.lstrip())
    surface = text[start : mention.end_char]
    if not surface[:1].isupper():
        return None
    return replace(mention, text=surface, start_char=start, name=surface)


def drop_lone_openers(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions without those that are only a sentence's first word and no name."""
    named = {word for m in mentions if " " in m.text for word in m.text.split(" ")}
    return [m for m in mentions if not _lone_opener(text, m, named)]


def _lone_opener(text: str, mention: Mention, named: set[str]) -> bool:
    """Whether a one-word mention is a sentence's first word that is no name: an "-ly"
    adverb ("Eventually", "Sadly"), or a word usually written in lower case that the
    gazetteer knows as no name ("Inside", "Amid", "Save", "Remove"). A word of a longer name
    in the same text stays ("Jobs" after "Steve Jobs"), and so does a first name."""
    word = mention.text
    if " " in word or not word[:1].isupper() or not word[1:].islower() or word in named:
        return False
    lower = word.lower()
    if first_name_gender(lower) is not None or not opens_sentence(text, mention.start_char):
        return False
    return _adverb(lower) or (casing_lexicon().get(lower) == "l" and word not in gazetteer())
