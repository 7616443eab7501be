"""Date parsing shared by readers: every value becomes an aware datetime, kept as written
(``Stamp.local``) and in UTC (``Stamp.utc``).

The local form matters for the publisher's calendar day: 01:00 on 4 May in Jakarta is
3 May in UTC, and the page says 4 May.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass

from dateutil import parser as date_parser
from dateutil.parser import UnknownTimezoneWarning

UTC = dt.UTC
#: No news page or wire archive we read predates this; earlier values are template junk.
EARLIEST = dt.datetime(1995, 1, 1, tzinfo=UTC)

_HAS_TIME = re.compile(r"\d{1,2}:\d{2}|T\d{2}|\d{8}T\d{4}")
_HAS_ZONE = re.compile(r"(Z|[+-]\d{2}:?\d{2}|\b(GMT|UTC|UT|[ECMP][SD]T)\b)\s*$", re.IGNORECASE)
_US_ZONES = {
    "EST": -5 * 3600,
    "EDT": -4 * 3600,
    "CST": -6 * 3600,
    "CDT": -5 * 3600,
    "MST": -7 * 3600,
    "MDT": -6 * 3600,
    "PST": -8 * 3600,
    "PDT": -7 * 3600,
}
# Dates in URL paths: /2020/05/04/, /2020-05-04-, /20200504/ ...
_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[/_.-]?)(?P<m>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
)


@dataclass(frozen=True)
class Stamp:
    """A parsed time: as written, whether the source gave a time of day, and whether it gave
    a UTC offset (a value without one is taken as UTC, but says nothing of the local clock)."""

    local: dt.datetime
    has_time: bool
    has_zone: bool = False

    @property
    def utc(self) -> dt.datetime:
        return self.local.astimezone(UTC)

    @property
    def utc_offset_minutes(self) -> int | None:
        """The offset the source wrote the time in; None for a bare date or no zone."""
        if not (self.has_time and self.has_zone):
            return None
        offset = self.local.utcoffset() or dt.timedelta(0)
        return int(offset.total_seconds() // 60)


def at_offset(utc: dt.datetime, minutes: int | None) -> dt.datetime:
    """The instant ``utc`` on the wall clock of a UTC offset (UTC when there is none)."""
    zone = dt.timezone(dt.timedelta(minutes=minutes)) if minutes else UTC
    return utc.astimezone(zone)


def to_utc(value: dt.datetime) -> dt.datetime:
    """Naive times are taken as UTC (wire systems stamp in UTC unless they say otherwise)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _compact(text: str) -> str:
    compact = re.fullmatch(r"(\d{8})T(\d{4,6})([+-]\d{4}|Z)?", text)
    if not compact:
        return text
    date, time, zone = compact.groups()
    time = time.ljust(6, "0")
    return f"{date[:4]}-{date[4:6]}-{date[6:]}T{time[:2]}:{time[2:4]}:{time[4:]}{zone or ''}"


def parse_stamp(text: str | None) -> Stamp | None:
    """ISO 8601, RFC 822, NITF compact (20261116T083000Z) and similar; None if unparseable.
    A value without a zone is taken as UTC."""
    if not text or not str(text).strip():
        return None
    cleaned = _compact(str(text).strip())
    if re.fullmatch(r"\d{10}(\d{3})?", cleaned):  # Unix seconds or milliseconds
        seconds = int(cleaned[:10])
        return Stamp(dt.datetime.fromtimestamp(seconds, UTC), True)
    try:
        with warnings.catch_warnings():  # a zone name it does not know reads as none
            warnings.simplefilter("ignore", UnknownTimezoneWarning)
            value = date_parser.parse(cleaned, tzinfos=_US_ZONES)
    except (ValueError, OverflowError, TypeError):
        return None
    has_zone = value.tzinfo is not None
    try:
        if value.tzinfo is None or value.utcoffset() == dt.timedelta(0):
            value = value.replace(tzinfo=UTC)  # also dateutil's tzlocal() for "Z"
        value.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
    return Stamp(value, bool(_HAS_TIME.search(cleaned)), has_zone)


def parse_with_offset(text: str | None) -> tuple[dt.datetime | None, int | None]:
    """The UTC instant of a time and the offset it was written in (None when no zone or
    no time of day was given): wire formats and feeds keep both."""
    stamp = parse_stamp(text)
    return (stamp.utc, stamp.utc_offset_minutes) if stamp else (None, None)


def parse_datetime(text: str | None) -> dt.datetime | None:
    """Like ``parse_stamp`` but only the UTC value."""
    stamp = parse_stamp(text)
    return stamp.utc if stamp else None


def date_in_url(url: str | None) -> dt.date | None:
    """The publication day many sites write into article paths (/2020/05/04/...)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for match in _URL_DATE.finditer(path):
        try:
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
    return None


#: Post URLs of Twitter/X: the id is a Snowflake id, milliseconds since this epoch << 22.
_STATUS_URL = re.compile(r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/\w+/status(?:es)?/(\d+)")
_SNOWFLAKE_EPOCH_MS = 1288834974657
#: Ids below this predate Snowflake ids (sequential numbers that carry no time).
_FIRST_SNOWFLAKE = 86_400_000 << 22


def time_in_status_url(url: str | None) -> dt.datetime | None:
    """The posting time a Twitter/X status URL carries in its id (UTC)."""
    match = _STATUS_URL.match(url or "")
    if not match or int(match.group(1)) < _FIRST_SNOWFLAKE:
        return None
    millis = (int(match.group(1)) >> 22) + _SNOWFLAKE_EPOCH_MS
    return dt.datetime.fromtimestamp(millis / 1000, UTC)
