"""One publication time from every signal a story carries, and which signal gave it.

Signals, most trusted first: the wire format's own metadata (NewsML-G2 ``firstCreated``,
NITF ``date.issue``), the page's JSON-LD ``datePublished``, its meta tags and ``<time>``,
the feed's ``pubDate``, the date in the URL, the dateline, htmldate's guess from the page,
and the drop folder's day. A signal is rejected when it lies in the future or before
``EARLIEST``. A date without a time of day gives way to a lower-ranked signal that has one
on the same day (a feed's exact time beats a page's bare date). The modification time is
kept apart (``updated_at``) and only when it is later than the publication time.

The result keeps the time twice: the UTC instant (what partitions and joins use) and the
wall time on the outlet's clock with its offset, plus the publisher's calendar day, the
day the page showed its readers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from wiredesk.articles.dates import EARLIEST, Stamp

#: Signal names in order of trust.
RANKING = (
    "newsml",
    "nitf",
    "json_ld",
    "html_meta",
    "html_time",
    "feed",
    "url",
    "dateline",
    "htmldate",
    "folder",
)
#: Clock skew tolerated before a time counts as "in the future".
FUTURE_SLACK = dt.timedelta(hours=1)
#: A page-level signal further than this from the URL's date is suspect when another
#: signal agrees with the URL (templates stamp the page's render time, the URL keeps the day).
URL_AGREEMENT = dt.timedelta(days=2)


@dataclass(frozen=True)
class DateSignal:
    source: str
    stamp: Stamp


@dataclass
class Reconciled:
    published_at: dt.datetime | None = None  # UTC
    date_source: str | None = None
    published_local: dt.datetime | None = None  # aware, on the clock the source wrote
    utc_offset_minutes: int | None = None  # None when no signal gave an offset
    has_time: bool = False  # False: the winning signal gave a date alone
    published_day: dt.date | None = None  # the publisher's calendar day
    updated_at: dt.datetime | None = None  # UTC, only when later than published_at
    rejected: list[str] = field(default_factory=list)  # "json_ld: in the future", ...


def _rank(signal: DateSignal) -> int:
    return RANKING.index(signal.source) if signal.source in RANKING else len(RANKING)


def plausible(stamp: Stamp, now: dt.datetime, earliest: dt.datetime = EARLIEST) -> str | None:
    """None when the time could be a publication time; else why not."""
    if stamp.utc > now + FUTURE_SLACK:
        return "in the future"
    if stamp.utc < earliest:
        return f"before {earliest.date().isoformat()}"
    return None


def calendar_day(
    stamp: Stamp, url_day: dt.date | None, place_zone: dt.tzinfo | None = None
) -> dt.date:
    """The publisher's day. A time written in UTC says little about it; a date in the URL
    is written in the publisher's own zone, so it wins whenever the instant falls on that
    day somewhere on Earth (UTC-12 to UTC+14). Failing that, a time written in UTC is read
    on the clock of the dateline's place when its zone is known; a time with its own offset,
    or with none at all (a local wall clock), is read as written."""
    if url_day is not None:
        start = dt.datetime.combine(url_day, dt.time(), dt.UTC) - dt.timedelta(hours=14)
        if start <= stamp.utc < start + dt.timedelta(hours=14 + 24 + 12):
            return url_day
    if place_zone is not None and stamp.utc_offset_minutes == 0:
        return stamp.utc.astimezone(place_zone).date()
    return stamp.local.date()


def local_clock(winner: Stamp, usable: list[DateSignal]) -> tuple[dt.datetime, int | None]:
    """The winning time on the outlet's own clock. A time written in UTC (or with no zone)
    takes the offset of another signal naming the same instant with one: a page whose meta
    tag says 02:00Z and whose JSON-LD says 22:00-04:00 the day before was dated that day."""
    if not winner.has_time:
        return winner.local, None  # a date is the answer, never shifted
    own = winner.utc_offset_minutes
    if own:
        return winner.local, own
    for signal in usable:
        other = signal.stamp
        if other.has_time and other.utc_offset_minutes and other.utc == winner.utc:
            return other.local, other.utc_offset_minutes
    return winner.local, own


def reconcile(
    published: list[DateSignal],
    modified: list[DateSignal],
    now: dt.datetime,
    earliest: dt.datetime = EARLIEST,
    place_zone: dt.tzinfo | None = None,
) -> Reconciled:
    """The winning signal's time (UTC, and on the outlet's clock) and the publisher's day;
    ``place_zone`` is the dateline place's zone, if known."""
    result = Reconciled()
    usable: list[DateSignal] = []
    for signal in published:
        reason = plausible(signal.stamp, now, earliest)
        if reason:
            result.rejected.append(f"{signal.source}: {reason}")
        else:
            usable.append(signal)
    usable.sort(key=_rank)  # stable: the order within one source is kept
    if not usable:
        return result
    winner = usable[0]
    url_day = next((s.stamp.local.date() for s in usable if s.source == "url"), None)
    if url_day is not None and winner.source != "url":
        gap = abs(winner.stamp.local.date() - url_day)
        if gap > URL_AGREEMENT:
            firmer = [s for s in usable if _rank(s) < RANKING.index("url")]
            agreeing = [s for s in firmer if s.stamp.local.date() == url_day]
            winner = agreeing[0] if agreeing else next(s for s in usable if s.source == "url")
    if not winner.stamp.has_time:
        day = winner.stamp.local.date()
        timed = [s for s in usable if s.stamp.has_time and s.stamp.local.date() == day]
        if timed:
            winner = timed[0]
    result.published_at = winner.stamp.utc
    result.published_local, result.utc_offset_minutes = local_clock(winner.stamp, usable)
    result.date_source = winner.source
    result.has_time = winner.stamp.has_time
    local = Stamp(result.published_local, winner.stamp.has_time, winner.stamp.has_zone)
    result.published_day = calendar_day(local, url_day, place_zone)
    later = [
        s.stamp.utc
        for s in modified
        if plausible(s.stamp, now, earliest) is None and s.stamp.utc > result.published_at
    ]
    result.updated_at = max(later) if later else None
    return result
