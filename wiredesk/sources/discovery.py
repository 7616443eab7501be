"""Ask every source what it offers now: items, plus errors for what could not be read.

Feeds, sitemaps and URL lists are fetched with conditional GET, so an unchanged one costs a
304 and yields nothing. Feed pages are followed (RFC 5005 ``rel="next"``, JSON Feed
``next_url``) while they keep bringing unseen items; sitemap indexes are expanded one
level down, recent children only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from wiredesk.fetch import FEED, Fetcher, FetchResult
from wiredesk.sources.config import Source
from wiredesk.sources.dropfolder import scan_folder
from wiredesk.sources.feeds import DEFAULT_MAX_ITEMS, read_feed
from wiredesk.sources.items import FeedItem, SourceError
from wiredesk.sources.ledger import Ledger
from wiredesk.sources.sitemaps import DEFAULT_RECENT_DAYS, GZIP_MAGIC, read_sitemap
from wiredesk.sources.urllists import parse_url_list
from wiredesk.sources.urls import file_url

#: Is this item already known (from an earlier run)? Stops pagination early.
Known = Callable[[FeedItem], bool]


@dataclass(frozen=True)
class DiscoverySettings:
    max_items: int = DEFAULT_MAX_ITEMS  # per feed page
    max_pages: int = 5  # feed pages followed per poll
    recent_days: float | None = DEFAULT_RECENT_DAYS  # sitemap window; None takes all
    max_children: int = 50  # child sitemaps of an index per poll


@dataclass
class Discovery:
    """What one source gave: items, source errors, and every fetch made (for fetch_log)."""

    source: Source
    items: list[FeedItem] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    fetches: list[FetchResult] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return bool(self.fetches) and all(f.not_modified for f in self.fetches)


def discover_source(
    source: Source,
    fetcher: Fetcher,
    ledger: Ledger | None = None,
    settings: DiscoverySettings | None = None,
    now: dt.datetime | None = None,
    known: Known | None = None,
    first: FetchResult | None = None,
) -> Discovery:
    """Everything one source announces now; never raises for a bad source.

    ``first`` is the source document when the caller already fetched it.
    """
    settings = settings or DiscoverySettings()
    found = Discovery(source)
    if source.kind == "dropfolder":
        if source.is_remote:
            found.errors.append(
                SourceError(
                    source.source_id,
                    source.location,
                    "unsupported_source",
                    f"{source.location}: a drop folder must be a local path",
                )
            )
            return found
        found.items, found.errors = scan_folder(Path(source.location), source.source_id, ledger)
        return found
    url = source.location if source.is_remote else file_url(Path(source.location))
    if source.kind == "sitemap":
        _sitemaps(found, url, fetcher, settings, now, first)
    elif source.kind == "urllist":
        result = _fetch(found, fetcher, url, first)
        if result is not None:
            found.items, found.errors = parse_url_list(result.content, url, source.source_id)
    else:
        _feed_pages(found, url, fetcher, settings, known, first)
    return found


def discover(source: Source, fetcher: Fetcher) -> tuple[list[FeedItem], list[SourceError]]:
    """Items and errors, with failed fetches as errors (no ledger, no fetch log)."""
    found = discover_source(source, fetcher)
    errors = list(found.errors)
    for result in found.fetches:
        if not result.ok:
            errors.append(
                SourceError(
                    source.source_id,
                    result.url,
                    result.error_class or "fetch_error",
                    result.detail or f"{result.url}: could not be read",
                )
            )
    return found.items, errors


def _fetch(
    found: Discovery, fetcher: Fetcher, url: str, first: FetchResult | None = None
) -> FetchResult | None:
    """Fetch conditionally; the body when there is a new one, else None."""
    if first is not None and first.url == url:
        result = first
    else:
        result = fetcher.fetch(url, kind=FEED, conditional=True)
    found.fetches.append(result)
    if not result.ok or result.not_modified:
        return None
    return result


def _feed_pages(
    found: Discovery,
    url: str,
    fetcher: Fetcher,
    settings: DiscoverySettings,
    known: Known | None,
    first: FetchResult | None = None,
) -> None:
    source = found.source
    max_items = source.max_items or settings.max_items
    max_pages = source.max_pages or settings.max_pages
    visited: set[str] = set()
    next_url: str | None = url
    while next_url and next_url not in visited and len(visited) < max_pages:
        visited.add(next_url)
        result = _fetch(found, fetcher, next_url, first)
        if result is None:
            return
        page = read_feed(result.content, result.final_url, source.source_id, max_items)
        found.items.extend(page.items)
        found.errors.extend(page.errors)
        if not page.items or (known is not None and all(known(i) for i in page.items)):
            return  # an older page holds nothing new either
        next_url = page.next_url


def _sitemaps(
    found: Discovery,
    url: str,
    fetcher: Fetcher,
    settings: DiscoverySettings,
    now: dt.datetime | None,
    first: FetchResult | None = None,
) -> None:
    source = found.source
    recent = source.recent_days or settings.recent_days
    queue, seen, depth = [url], {url}, 0
    while queue and depth < 2:  # an index and its children; indexes do not nest further
        children: list[str] = []
        if first is not None and queue == [first.url]:
            results = [first]
        else:
            results = fetcher.fetch_all(queue, kind=FEED, conditional=True)
        found.fetches.extend(results)
        for result in results:
            if not result.ok or result.not_modified:
                continue
            page = read_sitemap(result.content, result.final_url, source.source_id, now, recent)
            found.items.extend(page.items)
            found.errors.extend(page.errors)
            for child in page.children:
                if child not in seen and len(seen) <= settings.max_children:
                    seen.add(child)
                    children.append(child)
        queue, depth = children, depth + 1


def item_day(item: FeedItem, now: dt.datetime) -> dt.date:
    """The day partition an item belongs to: its publication day, else the day it was seen."""
    return (item.published_at or now).astimezone(dt.UTC).date()


def sniff_kind(data: bytes) -> str:
    """``sitemap`` for url sets, sitemap indexes and gzip files; ``feed`` otherwise."""
    if data.startswith(GZIP_MAGIC):
        return "sitemap"
    head = data[:2048]
    return "sitemap" if b"<urlset" in head or b"<sitemapindex" in head else "feed"


def read_location(
    location: str,
    fetcher: Fetcher,
    settings: DiscoverySettings | None = None,
    now: dt.datetime | None = None,
) -> Discovery:
    """Whatever a feed or sitemap at a path or URL announces, its kind found from its
    content: what ``wiredesk feed`` shows."""
    url = location if "://" in location else file_url(Path(location))
    probe = Source("cli", "cli", "feed", url if "://" in location else str(Path(location)))
    result = fetcher.fetch(url, kind=FEED)
    if not result.ok:
        return Discovery(probe, fetches=[result])
    source = Source("cli", "cli", sniff_kind(result.content), probe.location)
    return discover_source(source, fetcher, settings=settings, now=now, first=result)
