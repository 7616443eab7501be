"""A fetched page as a row, and all that its article row is worked out from.

Kept apart from extraction, so the run's process, which stores pages and compares inputs,
need not import the extraction's libraries.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

Row = dict[str, Any]


def fetched_page(
    item: Row,
    content: bytes,
    final_url: str | None,
    content_type: str | None = None,
    fmt: str | None = None,
    fetched_at: dt.datetime | None = None,
) -> Row:
    """The raw_pages row of an item read (the page step's, and ``wiredesk.early_pages``')."""
    return {
        "item_id": item["item_id"],
        "source_id": item["source_id"],
        "url": item["url"],
        "final_url": final_url,
        "content_type": content_type,
        "format": fmt or item.get("format"),
        "content": content,
        "bytes": len(content),
        "fetched_at": fetched_at,
    }


@dataclass(frozen=True)
class PageInputs:
    """Everything ``extract_page`` reads of a page, its item and the clock, and nothing
    else: two pages with equal inputs give equal rows, so a row worked out before the page
    was stored (``wiredesk.early_pages``) stands for it when the keys are equal."""

    content: bytes
    url: str
    final_url: str | None
    format: str | None
    source_id: str
    item_id: str
    #: The item's listed time and its UTC offset; None for a drop-folder file, which is
    #: dated from the file itself.
    listed: dt.datetime | None
    offset: int | None
    canonical_url: str | None
    guid: str | None
    version: int | None
    title: str | None
    now: dt.datetime

    def key(self) -> bytes:
        """A digest of the inputs, the content standing in it by its own digest (so no
        content's end can pass for another page's fields)."""
        fields = [
            hashlib.blake2b(value, digest_size=20).digest()
            if isinstance(value, bytes)
            else value.isoformat()
            if isinstance(value, dt.datetime)
            else value
            for value in vars(self).values()
        ]
        return hashlib.blake2b(repr(fields).encode("utf-8"), digest_size=20).digest()


def page_inputs(page: Row, item: Row, now: dt.datetime) -> PageInputs:
    """What ``extract_page`` reads of ``page`` and ``item``."""
    url = page["url"]
    # A drop folder's listing dates the item from the file itself: not a separate signal.
    listed = None if url.startswith("file:") else item.get("published_at")
    return PageInputs(
        content=page["content"],
        url=url,
        final_url=page.get("final_url"),
        format=page.get("format"),
        source_id=page["source_id"],
        item_id=page["item_id"],
        listed=listed,
        offset=None if listed is None else item.get("utc_offset_minutes"),
        canonical_url=item.get("canonical_url"),
        guid=item.get("guid"),
        version=item.get("version"),
        title=item.get("title"),
        now=now,
    )
