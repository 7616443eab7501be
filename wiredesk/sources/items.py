"""The unit a source yields: one announced item, or one reason it could not be read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from wiredesk.store import stable_id


@dataclass(frozen=True)
class FileRecord:
    """A drop-folder file as it was read: what makes it the same file next time."""

    path: str
    size: int
    mtime_ns: int
    sha256: str


@dataclass
class FeedItem:
    source_id: str
    url: str
    canonical_url: str
    guid: str | None
    title: str | None
    published_at: dt.datetime | None
    format: str = "html"
    version: int = 1
    origin_file: FileRecord | None = None
    #: UTC offset the announcement wrote its time in (minutes); None when it gave none.
    utc_offset_minutes: int | None = None

    @property
    def identity(self) -> str:
        """What makes two announcements the same story (guid, else canonical URL)."""
        return self.guid or self.canonical_url

    @property
    def item_id(self) -> str:
        """Stable id of this announcement (a new version of a story is a new item)."""
        return stable_id("item", self.source_id, self.identity, self.version)


def item_row(item: FeedItem, now: dt.datetime) -> dict[str, Any]:
    """The feed_items row of an item found at ``now``."""
    return {
        "item_id": item.item_id,
        "source_id": item.source_id,
        "url": item.url,
        "canonical_url": item.canonical_url,
        "guid": item.guid,
        "version": item.version,
        "title": item.title,
        "published_at": item.published_at,
        "utc_offset_minutes": item.utc_offset_minutes,
        "discovered_at": now,
        "format": item.format,
    }


@dataclass
class SourceError:
    """A failure reading a source, destined for fetch_log."""

    source_id: str
    url: str
    error_class: str
    detail: str
    day: dt.date | None = None
    origin_file: FileRecord | None = None
