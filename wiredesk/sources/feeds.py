"""RSS 2.0, Atom and JSON Feed, all through feedparser (which reads JSON Feed too)."""

from __future__ import annotations

import calendar
import datetime as dt

import feedparser

from wiredesk.dates import parse_datetime
from wiredesk.sources.items import FeedItem, SourceError
from wiredesk.sources.urls import canonical_url, resolve_link


def _entry_time(entry: feedparser.FeedParserDict) -> dt.datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC)
    for key in ("published", "updated", "date_published", "date_modified"):
        parsed = parse_datetime(entry.get(key))
        if parsed:
            return parsed
    return None


def parse_feed(
    data: bytes, feed_url: str, source_id: str
) -> tuple[list[FeedItem], list[SourceError]]:
    """Items of one feed document; a feed that is not a feed is one error, not an exception."""
    # Links are resolved here, with urljoin: feedparser's own resolution mangles file URLs.
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=False)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        reason = getattr(parsed, "bozo_exception", None) or "no feed entries"
        first_line = str(reason).splitlines()[0] if str(reason) else "unreadable feed"
        return [], [SourceError(source_id, feed_url, "malformed_feed", f"{feed_url}: {first_line}")]
    items: list[FeedItem] = []
    errors: list[SourceError] = []
    for index, entry in enumerate(parsed.entries):
        link = entry.get("link") or entry.get("url") or entry.get("id")
        if not link:
            errors.append(
                SourceError(
                    source_id, feed_url, "missing_link", f"{feed_url}: entry {index} has no link"
                )
            )
            continue
        url = resolve_link(feed_url, link)
        items.append(
            FeedItem(
                source_id=source_id,
                url=url,
                canonical_url=canonical_url(url),
                guid=entry.get("id") or entry.get("guid"),
                title=(entry.get("title") or "").strip() or None,
                published_at=_entry_time(entry),
                format="html",
            )
        )
    return items, errors
