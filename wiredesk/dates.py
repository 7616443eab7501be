"""Date parsing shared by readers: everything becomes an aware UTC datetime."""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as date_parser

UTC = dt.UTC

# Wire datelines give a month and day without a year: "Nov 18", "November 18".
_MONTH_DAY = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b"
)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def to_utc(value: dt.datetime) -> dt.datetime:
    """Naive times are taken as UTC (wire systems stamp in UTC unless they say otherwise)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_datetime(text: str | None) -> dt.datetime | None:
    """ISO 8601, RFC 822, NITF compact (20261116T083000Z) and similar; None if unparseable."""
    if not text or not text.strip():
        return None
    cleaned = text.strip()
    compact = re.fullmatch(r"(\d{8})T(\d{4,6})([+-]\d{4}|Z)?", cleaned)
    if compact:
        date, time, zone = compact.groups()
        time = time.ljust(6, "0")
        cleaned = (
            f"{date[:4]}-{date[4:6]}-{date[6:]}T{time[:2]}:{time[2:4]}:{time[4:]}{zone or 'Z'}"
        )
    try:
        return to_utc(date_parser.parse(cleaned))
    except (ValueError, OverflowError):
        return None


def month_day_in_year(text: str, year: int) -> dt.date | None:
    """The first "Mon DD" in ``text`` as a date in ``year`` (for yearless datelines)."""
    match = _MONTH_DAY.search(text)
    if not match:
        return None
    month = _MONTHS.index(match.group(1)[:3].lower()) + 1
    try:
        return dt.date(year, month, int(match.group(2)))
    except ValueError:
        return None
