"""Wire datelines: "GENEVA, Nov 16 (Northwire) -" names a place and an agency.

Datelines are written in capitals before any sentence, which models trained on running
prose read poorly; their shape is fixed, so a pattern is more reliable than the model.
"""

from __future__ import annotations

import re

from wiredesk.entities.mention import Mention

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_PLACE = r"[A-Z][A-Z.'\-]*[A-Z.](?: [A-Z][A-Z.'\-]*[A-Z.]){0,3}"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE})"
    rf"(?:, (?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?"
    rf",? (?:\d{{4}}-\d\d-\d\d|{_MONTH} \d{{1,2}}\b|\()"
    rf"(?:[^\n(]{{0,20}}\((?P<agency>[A-Z][\w&.' -]{{1,40}}?)\))?",
    re.MULTILINE,
)


#: Types of the names a dateline opens with.
_PLACE_TYPES = frozenset({"GPE", "LOC"})
#: What follows a short dateline's place: a colon or a dash ("NEW DELHI: The farmers…").
_AFTER_PLACE = (":", "-", "\u2014", "\u2013")


def is_dateline_place(text: str, mention: Mention) -> bool:
    """A place in capitals opening a line before a colon or a dash ("NEW DELHI: The
    farmers…", "ISLAMABAD - The court…"): where the story was filed, never its subject or
    a speaker in it, whatever the recogniser made of it."""
    start, end = mention.start_char, mention.end_char
    if mention.type not in _PLACE_TYPES or not text[start:end].isupper():
        return False
    if start and text[start - 1] != "\n":
        return False
    return text[end : end + 3].lstrip(" ,")[:1] in _AFTER_PLACE


def title_case(name: str) -> str:
    """ "ADDIS ABABA" -> "Addis Ababa"; initials such as "U.S." stay as they are."""
    return re.sub(r"[^\W\d_]{2,}", lambda m: m.group()[0] + m.group()[1:].lower(), name)


def dateline_mentions(text: str) -> list[Mention]:
    """Place (GPE) and agency (ORG) mentions of every dateline at the start of a line."""
    found: list[Mention] = []
    for match in _DATELINE.finditer(text):
        for group, label in (("place", "GPE"), ("region", "GPE"), ("agency", "ORG")):
            if match.group(group):
                start, end = match.span(group)
                surface = text[start:end]
                name = title_case(surface) if label == "GPE" else surface
                found.append(Mention(surface, label, start, end, name))
    return found


#: Any language's dateline: a place in capitals opening the story, then a comma or an
#: agency in brackets ("CLERMONT-FERRAND, 1er avril", "BERLIN (dpa)", "МОСКВА, 5 марта").
_ANY_PLACE = r"[^\W\d_][^\W\d_'\u2019.\-]*[^\W\d_](?:[ \-][^\W\d_][^\W\d_'\u2019.\-]*[^\W\d_]){0,3}"
_ANY_DATELINE = re.compile(rf"\s*(?P<place>{_ANY_PLACE})(?=,\s|\s\()")


def any_dateline_places(text: str) -> list[Mention]:
    """The place (GPE) of a dateline in any language: capitals only, opening the text."""
    match = _ANY_DATELINE.match(text)
    if not match or not match.group("place").isupper():
        return []
    surface = match.group("place")
    if sum(ch.isalpha() for ch in surface) < 3:
        return []
    start, end = match.span("place")
    return [Mention(surface, "GPE", start, end, title_case(surface))]


def title_datelines(text: str, places: list[Mention]) -> str:
    """The text with each dateline place in title case (same length), as the model reads
    names best."""
    for place in places:
        text = text[: place.start_char] + place.name + text[place.end_char :]
    return text
