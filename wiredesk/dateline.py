"""Datelines: the place and agency that open wire copy ("KABUL, Jan 18 (Reuters) -")."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PLACE = r"(?P<place>[A-Z][A-Z .'\u2019-]{1,40}?(?:,\s*[A-Z][A-Za-z .]{1,30}?)?)"
_DATE = r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
_PATTERNS = [
    # KABUL, Jan 18 (Reuters) -   /  GENEVA (Northwire) —
    re.compile(
        _PLACE + _DATE + r"\s*\((?P<agency>[A-Za-z][\w .&'-]{0,40})\)\s*[-\u2013\u2014]+\s*"
    ),
    # MOSCOW, January 18. /TASS/.
    re.compile(_PLACE + _DATE + r"\.?\s*/(?P<agency>[A-Za-z][\w .&'-]{0,40})/\.?\s*"),
    # BRUSSELS, Nov 16 -   (no agency)
    re.compile(_PLACE + r",\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2})\s*[-\u2013\u2014]+\s*"),
    # BRUSSELS -   /  BRUSSELS —
    re.compile(r"(?P<place>[A-Z][A-Z .'\u2019-]{1,40}?)\s+[-\u2013\u2014]+\s+"),
]


@dataclass(frozen=True)
class Dateline:
    place: str
    agency: str | None
    date_text: str | None
    end: int  # offset just past the dateline in the paragraph


def parse_dateline(paragraph: str) -> Dateline | None:
    """Parse a dateline at the very start of a paragraph; None when there is none."""
    head = paragraph.lstrip()
    offset = len(paragraph) - len(head)
    for pattern in _PATTERNS:
        match = pattern.match(head)
        if not match:
            continue
        place = " ".join(match.group("place").split()).strip(" ,")
        groups = match.groupdict()
        agency = groups.get("agency")
        return Dateline(
            place=place,
            agency=agency.strip() if agency else None,
            date_text=groups.get("date"),
            end=offset + match.end(),
        )
    return None
