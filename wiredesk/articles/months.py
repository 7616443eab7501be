"""Month names and abbreviations of the languages wire datelines are written in.

English, French, German, Spanish, Italian and Russian, full names and the abbreviations
agencies use ("déc.", "März", "Mrz.", "gen.", "нояб."); Russian also in the genitive a
date takes ("18 января"). Keys are lower case, without the abbreviation's dot.
"""

from __future__ import annotations

import datetime as dt
import re

_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "gennaio",
        "gen", "январь", "января", "янв"),
    2: ("february", "feb", "février", "févr", "fév", "fevrier", "fevr", "februar", "febrero",
        "febbraio", "febb", "февраль", "февраля", "фев", "февр"),
    3: ("march", "mar", "mars", "märz", "mär", "mrz", "marz", "marzo", "март", "марта", "мар"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "апрель", "апреля", "апр"),
    5: ("may", "mai", "mayo", "maggio", "mag", "май", "мая"),
    6: ("june", "jun", "juin", "juni", "junio", "giugno", "giu", "июнь", "июня", "июн"),
    7: ("july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "июль", "июля",
        "июл"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "август", "августа", "авг"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "set", "settembre",
        "sett", "сентябрь", "сентября", "сен", "сент"),
    10: ("october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "октябрь",
         "октября", "окт"),
    11: ("november", "nov", "novembre", "noviembre", "ноябрь", "ноября", "ноя", "нояб"),
    12: ("december", "dec", "décembre", "déc", "decembre", "dezember", "dez", "diciembre",
         "dic", "dicembre", "декабрь", "декабря", "дек"),
}  # fmt: skip
MONTHS: dict[str, int] = {name: month for month, names in _NAMES.items() for name in names}
#: Any month name or abbreviation (case-insensitive, optional dot); longest first so
#: "septembre" is not read as "sept".
MONTH_PATTERN = (
    r"(?i:"
    + "|".join(re.escape(name) for name in sorted(MONTHS, key=len, reverse=True))
    + r")(?![^\W\d_])\.?"
)
# "Nov 16", "January 18, 2021", "4 déc.", "3. März", "18 de enero", "1er décembre",
# "18 января 2021 г."
_DAY = r"(?<!\d)(?P<{0}>[0-3]?\d)(?!\d)"
_YEAR = r"(?P<{0}>(?:19|20)\d\d)(?!\d)"
_MONTH_FIRST = re.compile(
    rf"(?P<m1>{MONTH_PATTERN})\s*{_DAY.format('d1')}(?:,?\s+{_YEAR.format('y1')})?"
)
_DAY_FIRST = re.compile(
    rf"{_DAY.format('d2')}(?:er|\.|º)?\s*(?:de\s+)?(?P<m2>{MONTH_PATTERN})"
    rf"(?:,?\s+(?:de\s+)?{_YEAR.format('y2')})?",
)
#: A dateline's date, either order, as one regular expression (no named groups).
DATE_PATTERN = (
    rf"(?:(?:{MONTH_PATTERN})\s*[0-3]?\d(?!\d)(?:,?\s+(?:19|20)\d\d(?!\d))?"
    rf"|[0-3]?\d(?!\d)(?:er|\.|º)?\s*(?:de\s+)?(?:{MONTH_PATTERN})(?:,?\s+(?:de\s+)?(?:19|20)\d\d(?!\d))?)"
)


def month_number(name: str) -> int | None:
    """1-12 for a month name or abbreviation in any of the six languages, else None."""
    return MONTHS.get(name.strip().rstrip(".").lower())


def read_month_day(text: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of the first date written with a month name in ``text``."""
    found = [m for m in (_MONTH_FIRST.search(text), _DAY_FIRST.search(text)) if m]
    for match in sorted(found, key=lambda m: m.start()):
        groups = {k[0]: v for k, v in match.groupdict().items() if v}
        month = month_number(groups["m"])
        day = int(groups["d"])
        if month and 1 <= day <= 31:
            return month, day, int(groups["y"]) if "y" in groups else None
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_for_dateline(text: str, reference: dt.date, latest: dt.date) -> dt.date | None:
    """The date a dateline writes, its year taken from ``reference`` (the feed's, the file's
    or the run's day) when it gives none: the year that puts it nearest the reference
    without passing ``latest`` (a dateline is never more than a day ahead of the run)."""
    parsed = read_month_day(text)
    if parsed is None:
        return None
    month, day, year = parsed
    if year is not None:
        found = _safe_date(year, month, day)
        return found if found is not None and found <= latest else None
    candidates = [_safe_date(reference.year + delta, month, day) for delta in (-1, 0, 1)]
    usable = [c for c in candidates if c is not None and c <= latest]
    return min(usable, key=lambda c: abs((c - reference).days)) if usable else None
