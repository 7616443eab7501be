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
