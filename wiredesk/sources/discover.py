"""Ask every source what it offers now: items, plus errors for what could not be read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from wiredesk.fetch import Fetcher
from wiredesk.sources.config import Source
from wiredesk.sources.dropfolder import scan_folder
from wiredesk.sources.feeds import parse_feed
from wiredesk.sources.items import FeedItem, SourceError
from wiredesk.sources.urls import file_url


def discover(source: Source, fetcher: Fetcher) -> tuple[list[FeedItem], list[SourceError]]:
    """Everything one source announces; never raises for a bad source."""
    if source.kind == "dropfolder":
        if source.is_remote:
            return [], [
                SourceError(
                    source.source_id,
                    source.location,
                    "unsupported_source",
                    f"{source.location}: a drop folder must be a local path",
                )
            ]
        return scan_folder(Path(source.location), source.source_id)
    url = source.location if source.is_remote else file_url(Path(source.location))
    result = fetcher.fetch(url)
    if not result.ok:
        return [], [
            SourceError(
                source.source_id,
                url,
                result.error_class or "fetch_error",
                result.detail or f"{url}: could not be read",
            )
        ]
    if source.kind == "sitemap":
        from wiredesk.sources.sitemaps import parse_sitemap

        return parse_sitemap(result.content, result.final_url, source.source_id)
    return parse_feed(result.content, result.final_url, source.source_id)


def item_day(item: FeedItem, now: dt.datetime) -> dt.date:
    """The day partition an item belongs to: its publication day, else the day it was seen."""
    return (item.published_at or now).astimezone(dt.UTC).date()
