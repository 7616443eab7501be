"""Datelines: the place, date and agency that open wire copy.

Styles recognised (one pattern each, tried in order):

- Reuters, AP, Xinhua, UPI, Kyodo, PTI: ``KABUL, Jan 18 (Reuters) -``, ``WASHINGTON (AP) —``,
  ``BEIJING, Jan. 18 (Xinhua) --``, ``LONDON, 18 January (Reuters) -``
- AFP, dpa, EFE (place in title case): ``Paris (AFP) -``, ``Madrid, 18 Jan (EFE).-``
- TASS: ``MOSCOW, January 18. /TASS/.``; RIA Novosti: ``МОСКВА, 18 янв – РИА Новости.``
- dpa with a twin city or a regional service: ``Frankfurt/Main (dpa) -``, ``München (dpa/lby) -``
- Interfax: ``MOSCOW. Jan 18 (Interfax) -``, ``Москва. 18 января. INTERFAX.RU -``
- ANSA (agency first): ``(ANSA) - ROME, JAN 18 -``
- no agency: ``BRUSSELS, Nov 16 -`` and ``BRUSSELS —``

Dates may be written in English, French, German, Spanish, Italian or Russian, either way
round (``Paris, 4 déc. (AFP)``, ``BERLIN, 3. März (dpa)``, ``Madrid, 18 de enero (EFE)``,
``МОСКВА, 18 января. /ТАСС/.``; see ``wiredesk.articles.months``), and places in Latin or
Cyrillic capitals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wiredesk.articles.months import DATE_PATTERN

_DASH = r"[-\u2013\u2014]+"
# Capital letters of the Latin and Cyrillic alphabets, accented ones included.
_CAP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0400-\u042f"
_UPPER_PLACE = rf"[{_CAP}][{_CAP}.'\u2019-]*(?: [{_CAP}][{_CAP}.'\u2019-]*){{0,4}}"
_TITLE_PLACE = rf"[{_CAP}][\w.'\u2019-]*(?:(?: |/)[{_CAP}][\w.'\u2019-]*){{0,3}}"
# An optional region after the city: "SPRINGFIELD, Ill." / "GENEVA, Switzerland"
_REGION = r"(?:,\s*[A-Z][A-Za-z.]{1,15}(?: [A-Z][A-Za-z.]{1,15})?(?=\s*[,(]))?"
_DATE = rf"(?P<date>{DATE_PATTERN})"
_AGENCY = r"(?P<agency>[^\W\d_][\w .&'-]{0,40}?)"
# After a title-case place only a capitalised name or a short lower-case one ("dpa").
_NAMED_AGENCY = rf"(?P<agency>[{_CAP}][\w .&'-]{{0,40}}?|[a-z]{{2,4}}(?:/[a-z]{{2,4}})?)"
# An agency named after the date and a dash, without brackets: "– РИА Новости."
_DASHED_AGENCY = rf"(?P<agency>[{_CAP}][\w-]*(?: [{_CAP}][\w-]*){{0,2}})"

_PATTERNS = [
    # KABUL, Jan 18 (Reuters) -    WASHINGTON (AP) —    PARIS, 18 January (AFP) -
    re.compile(
        rf"(?P<place>{_UPPER_PLACE}{_REGION})(?:,\s*{_DATE})?\s*\({_AGENCY}\)\.?\s*(?:{_DASH}\s*)?"
    ),
    # MOSCOW, January 18. /TASS/.
    re.compile(rf"(?P<place>{_UPPER_PLACE}{_REGION})(?:,\s*{_DATE})?\.?\s*/{_AGENCY}/\.?\s*"),
    # MOSCOW. Jan 18 (Interfax) -
    re.compile(rf"(?P<place>{_UPPER_PLACE})\.\s*{_DATE}\s*\({_AGENCY}\)\s*{_DASH}\s*"),
    # (ANSA) - ROME, JAN 18 -
    re.compile(
        rf"\({_AGENCY}\)\s*{_DASH}\s*(?P<place>{_UPPER_PLACE})(?:,\s*{_DATE})?\s*{_DASH}\s*"
    ),
    # Paris (AFP) -    Madrid, 18 Jan (EFE).-   (title-case place: only with an agency)
    re.compile(
        rf"(?P<place>{_TITLE_PLACE})(?:,\s*{_DATE})?\s*\({_NAMED_AGENCY}\)\s*\.?\s*{_DASH}\s*"
    ),
    # МОСКВА, 18 янв – РИА Новости.
    re.compile(rf"(?P<place>{_UPPER_PLACE}),\s*{_DATE}\s*{_DASH}\s*{_DASHED_AGENCY}\.\s+(?=\S)"),
    # Москва. 18 января. INTERFAX.RU -
    re.compile(
        rf"(?P<place>{_TITLE_PLACE})\.\s*{_DATE}\.?\s*(?P<agency>[A-Z][A-Z.]+)\s*{_DASH}\s*"
    ),
    # BRUSSELS, Nov 16 -
    re.compile(rf"(?P<place>{_UPPER_PLACE}{_REGION}),\s*{_DATE}\s*{_DASH}\s*"),
    # BRUSSELS -   /  BRUSSELS —
    re.compile(rf"(?P<place>{_UPPER_PLACE})\s+{_DASH}\s+"),
]
#: Capitalised words that open ordinary sentences and must not be read as places.
_NOT_PLACES = {"THE", "A", "AN", "IN", "ON", "AT", "BUT", "AND", "UPDATE", "BREAKING", "URGENT"}


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
        agency = (groups.get("agency") or "").strip() or None
        shortest = 2 if agency else 3  # "US - China talks" is not a dateline
        if len(place) < shortest or place.split()[0].upper() in _NOT_PLACES:
            continue
        return Dateline(
            place=place,
            agency=agency,
            date_text=groups.get("date"),
            end=offset + match.end(),
        )
    return None


def display_place(place: str) -> str:
    """ "NEW YORK" -> "New York", "SPRINGFIELD, Ill." -> "Springfield, Ill."; mixed case kept."""
    city, _, region = place.partition(",")
    if city.isupper():
        city = " ".join(
            "-".join(part.capitalize() for part in word.split("-")) for word in city.split()
        )
    return f"{city},{region}" if region else city
