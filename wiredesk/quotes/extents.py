"""The whole of a description that speaks: its head noun with what modifies it.

A noun phrase found as a subject stops at its head ("a senior official", "a study"); the
text often names the source with all of it ("a senior official who spoke on condition of
anonymity said", "according to a study last year by economists at Duke"). The longer
reading is offered beside the short one, and the chooser weighs the two.
"""

from __future__ import annotations

import re

from wiredesk.quotes.attribution import BETWEEN
from wiredesk.quotes.cues import find_cues
from wiredesk.quotes.layout import is_abbreviation
from wiredesk.quotes.marks import has_speech_mark

#: Words that open a modifier after a head noun: a relative clause, a prepositional
#: phrase or a participle ("who backs Cruz", "in Washington", "released Thursday").
_MODIFIER_OPENERS = frozenset(
    """who whose which that of in at from for on by with to about over under familiar close
    involved linked based issued released published obtained written signed drafted
    conducted""".split()
)
MAX_MODIFIER_WORDS = 20
_STOPS = re.compile(r"[.!?;:\n]")
#: The first word after a phrase, and the comma before it, if any.
_FIRST_WORD = re.compile(r"[\s,]*([^\s,]+)")
_WORD = re.compile(r"\S+")


def full_description(text: str, start: int, end: int, limit: int) -> tuple[int, int] | None:
    """The description at ``text[start:end]`` with the modifiers that follow it, up to the
    speech verb it is the subject of, or up to the clause's end when it comes after its
    verb ("according to …"); None when nothing modifies it or the words after it are no
    modifier. ``limit`` bounds the search (the quote, or the sentence's end)."""
    # Most phrases are decided before any cue is looked for; after a comma only a
    # relative clause goes on ("one of the pilots, who spoke on condition of anonymity").
    opener = _FIRST_WORD.match(text, end)
    if opener is None or opener.group(1).lower() not in _MODIFIER_OPENERS:
        return None
    if "," in opener.group() and opener.group(1).lower() != "who":
        return None
    cues = [cue for cue in find_cues(text, end, limit) if not _relative_clause_verb(text, cue)]
    stop = cues[0][0] if cues else _clause_end(text, end, limit)
    stop = _before_new_subject(text, end, stop)
    gap = text[end:stop]
    if not gap.strip(" ,") or has_speech_mark(gap) or _ends_sentence(text, end, stop):
        return None
    words = [m for m in _WORD.finditer(text, end, stop)]
    while words and (words[-1].group().strip(",").lower() in BETWEEN or _adverb(words[-1])):
        words.pop()  # "who backs Cruz, later said": the adverb is the verb's
    if not words or len(words) > MAX_MODIFIER_WORDS:
        return None
    extended_end = words[-1].end()
    while extended_end > end and text[extended_end - 1] in ",;:":
        extended_end -= 1
    return (start, extended_end) if extended_end > end else None


def _before_new_subject(text: str, start: int, stop: int) -> int:
    """Where the modifiers end when a new subject follows a comma and no comma closes it
    as an apposition ("a joint statement published Monday, the two ministries accused …";
    not "officials at the agency, a division of the ministry, said")."""
    opened = _NEW_SUBJECT.search(text, start, stop)
    if opened is None or "," in text[opened.end() : stop]:
        return stop
    return opened.start()


_NEW_SUBJECT = re.compile(r",\s+(?:the|a|an|his|her|their|its|our)\s", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_ANONYMITY_AFTER = re.compile(r"\s+on\s+(?:the\s+)?condition\b", re.IGNORECASE)


def _relative_clause_verb(text: str, cue: tuple[int, int, str]) -> bool:
    """Whether a speech verb belongs to a modifier of the description rather than being
    the verb it is the subject of: right after a relative pronoun ("an official who spoke
    on condition of anonymity said"), or a "speaking on condition of anonymity" aside."""
    start, end, _stem = cue
    if _RELATIVE_BEFORE.search(text, max(0, start - 24), start):
        return True
    return bool(_ANONYMITY_AFTER.match(text, end))


def _clause_end(text: str, pos: int, limit: int) -> int:
    """Where the clause after ``pos`` ends: a stop, a comma before a quote, or ``limit``."""
    for match in _STOPS.finditer(text, pos, limit):
        if match.group() == "." and is_abbreviation(text, match.start()):
            continue
        return match.start()
    return limit


def _ends_sentence(text: str, start: int, end: int) -> bool:
    return any(
        not (m.group() == "." and is_abbreviation(text, m.start()))
        for m in _STOPS.finditer(text, start, end)
    )


def _adverb(word: re.Match[str]) -> bool:
    bare = word.group().strip(",")
    return bare.endswith("ly") and bare.islower() and len(bare) > 4
