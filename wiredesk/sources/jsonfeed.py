"""JSON Feed 1.0 and 1.1 (jsonfeed.org), which feedparser does not read from bytes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from wiredesk.articles import parse_with_offset
from wiredesk.fetch import errors as E
from wiredesk.sources.items import FeedItem, SourceError
from wiredesk.sources.urls import admissible_link, canonical_url, resolve_link


@dataclass
class FeedPage:
    """One page of a feed: its items, what went wrong, and the next page if any."""

    items: list[FeedItem] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    next_url: str | None = None
    flavour: str | None = None

    def add_entry(
        self, source_id: str, feed_url: str, index: int, link: object, **fields: object
    ) -> None:
        """Keep entry ``index`` under its resolved link, or record why it cannot be kept
        (no link, or a link a feed may not point at)."""
        if not isinstance(link, str) or not link.strip():
            self.errors.append(
                SourceError(
                    source_id, feed_url, E.MISSING_LINK, f"{feed_url}: entry {index} has no link"
                )
            )
            return
        url = resolve_link(feed_url, link)
        refusal = admissible_link(feed_url, url)
        if refusal:
            self.errors.append(SourceError(source_id, url, E.SCHEME_BLOCKED, refusal))
            return
        self.items.append(
            FeedItem(source_id=source_id, url=url, canonical_url=canonical_url(url), **fields)
        )


def looks_like_json(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def read_json_feed(data: bytes, feed_url: str, source_id: str, max_items: int) -> FeedPage:
    page = FeedPage(flavour="json")
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        reason = str(exc).splitlines()[0]
        page.errors.append(
            SourceError(
                source_id, feed_url, E.PARSE_ERROR, f"{feed_url}: not valid JSON ({reason})"
            )
        )
        return page
    version = document.get("version") if isinstance(document, dict) else None
    if not isinstance(version, str) or "jsonfeed.org/version/" not in version:
        page.errors.append(
            SourceError(source_id, feed_url, E.NOT_A_FEED, f"{feed_url}: JSON, but not a JSON Feed")
        )
        return page
    entries = document.get("items")
    if not isinstance(entries, list):
        page.errors.append(
            SourceError(source_id, feed_url, E.PARSE_ERROR, f"{feed_url}: 'items' is not a list")
        )
        return page
    if len(entries) > max_items:
        page.errors.append(
            SourceError(
                source_id,
                feed_url,
                E.TOO_MANY_ITEMS,
                f"{feed_url}: {len(entries)} items; the first {max_items} were kept",
            )
        )
        entries = entries[:max_items]
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        title = entry.get("title")
        published_at, offset = parse_with_offset(
            entry.get("date_published") or entry.get("date_modified")
        )
        page.add_entry(
            source_id,
            feed_url,
            index,
            entry.get("url") or entry.get("external_url"),
            guid=str(entry["id"]) if entry.get("id") not in (None, "") else None,
            title=title.strip() or None if isinstance(title, str) else None,
            published_at=published_at,
            utc_offset_minutes=offset,
        )
    next_url = document.get("next_url")
    if isinstance(next_url, str) and next_url.strip():
        page.next_url = resolve_link(feed_url, next_url)
    return page
