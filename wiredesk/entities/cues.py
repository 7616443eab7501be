"""Context cues that settle a name's type when the model has never seen the name.

Models learn types from names they were trained on; a new country ("Varossa") or a name
the model mistakes for an organisation needs evidence from the article itself:

* a demonym formed from the name ("Varossan", "Kestrelians") or a phrase only places take
  ("the town of Sarnic", "Varossa's foreign ministry") makes it a place;
* a person's title just before it ("spokeswoman Nadia Kessler") makes it a person;
* an organisation's or a region's head word ending a "person" of several words ("Dick
  Clark Productions", "Mongolia Autonomous Region") makes it an organisation or a place;
* a capitalised "The" inside a sentence before a one-word "person" ("The Hill reported")
  makes it an organisation;
* an acronym spelt out by lower-case words ("liquefied natural gas (LNG)") is not a name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from wiredesk.entities.acronyms import abbreviates
from wiredesk.entities.mention import Mention
from wiredesk.entities.titles import HEADS

_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ns", "ans", "ians")
_PLACE_BEFORE = re.compile(
    r"(?:town|city|village|capital|port|province|region|state|county|district|republic|"
    r"kingdom|island|municipality|canton)\s+of\s+$"
)
_PLACE_AFTER = re.compile(
    r"^['\u2019]s\s+(?:foreign|defen[cs]e|interior|finance|economy|health)\s+ministry\b|"
    r"^['\u2019]s\s+(?:capital|parliament|central bank|armed forces|embassy|border|territory|"
    r"citizens|foreign minister|prime minister|delegation|currency)\b"
)
#: Title words too ambiguous to mark what follows as a person ("General Motors").
_WEAK_HEADS = frozenset({"general", "gen", "chief", "private", "marshal", "speaker", "state"})
_PERSON_HEADS = frozenset(HEADS) - _WEAK_HEADS
_CUED_TYPES = frozenset({"PERSON", "ORG", "NORP", "MISC", "GPE", "LOC"})
#: Last words that make a name of several words an organisation's, whatever the model read
#: ("Dick Clark Productions", "Richmond High School", "W. M. Keck Observatory").
_ORG_HEADS = frozenset(
    """School University College Institute Academy Productions Records Studios Observatory
    Company Corporation Inc Ltd Group Holdings Foundation Association Society Council
    Committee Commission Agency Ministry Department Party Federation Hospital Museum
    Orchestra Airlines Airways Laboratory Authority Bureau Coalition Centre Center Network
    Industries Entertainment""".split()
)
#: Last words that make such a name a place's ("Mongolia Autonomous Region").
_PLACE_HEADS = frozenset("Region Province County District Prefecture Oblast".split())


def _demonyms(text: str) -> set[str]:
    """Capitalised words of the text, for looking up "name + ending"."""
    return set(re.findall(r"\b[A-Z][\w'-]+\b", text))


def is_place_by_context(text: str, mention: Mention, words: set[str]) -> bool:
    name = mention.text
    if " " not in name and name[:1].isupper():
        stems = {name, name[:-1]} if name.endswith(("a", "e", "y")) else {name}
        if any(stem + end in words for stem in stems for end in _DEMONYM_ENDINGS):
            return True
    before = text[max(0, mention.start_char - 40) : mention.start_char].lower()
    after = text[mention.end_char : mention.end_char + 40]
    return bool(_PLACE_BEFORE.search(before) or _PLACE_AFTER.match(after))


def is_person_by_title(text: str, mention: Mention) -> bool:
    """A person title (lower or upper case) right before a name of two or three words."""
    words = mention.text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    before = text[max(0, mention.start_char - 30) : mention.start_char]
    if not before.endswith(" ") or "\n" in before[-2:]:
        return False
    previous = before.split()[-1:] or [""]
    return previous[0].lower().rstrip(".") in _PERSON_HEADS


#: A capitalised "The" inside a sentence (after a word, or a comma closing a quote).
_THE_INSIDE = re.compile(r"(?:[\w;:)]|,[\"\u201d\u2019']?)\s+The\s+$")


def is_named_with_the(text: str, mention: Mention) -> bool:
    """ "…," The Hill reported': one word after a capitalised "The" inside a sentence names
    a publication or a body ("The Hill", "The Atlantic"), not a person."""
    if " " in mention.text:
        return False
    return bool(_THE_INSIDE.search(text, max(0, mention.start_char - 12), mention.start_char))


def lower_case_acronym(text: str, mention: Mention) -> bool:
    """ "liquefied natural gas (LNG)": the acronym of a common noun phrase, not a name."""
    if text[mention.start_char - 1 : mention.start_char] != "(":
        return False
    before = text[max(0, mention.start_char - 80) : mention.start_char - 1].split()
    for n in range(2, min(6, len(before)) + 1):
        phrase = before[-n:]
        if all(w.islower() for w in phrase) and abbreviates(
            mention.text, " ".join(w.capitalize() for w in phrase)
        ):
            return True
    return False


def apply_cues(text: str, mentions: list[Mention]) -> list[Mention]:
    """Retype mentions by context; drop acronyms of common nouns (and their repeats)."""
    words = _demonyms(text)
    common = {m.text for m in mentions if m.type in _CUED_TYPES and lower_case_acronym(text, m)}
    out = []
    for m in mentions:
        if m.text in common:
            continue
        head = m.text.rsplit(" ", 1)[-1] if " " in m.text else ""
        if m.type == "PERSON" and head in _ORG_HEADS:
            m = replace(m, type="ORG")
        elif m.type == "PERSON" and head in _PLACE_HEADS:
            m = replace(m, type="GPE")
        elif m.type in {"PERSON", "ORG", "NORP", "MISC"} and is_place_by_context(text, m, words):
            m = replace(m, type="GPE")
        elif m.type in {"ORG", "GPE", "LOC"} and is_person_by_title(text, m):
            m = replace(m, type="PERSON")
        elif m.type == "PERSON" and is_named_with_the(text, m):
            m = replace(m, type="ORG")
        out.append(m)
    return out
