"""Drop-folder files extracted while the run that stores them is being set up.

Before ``wiredesk ingest`` imports Dagster and sets its run up, it has read its sources and
knows their new items (``wiredesk.sources.pending_work``). A drop folder's new files are on
this machine already: a thread of this process reads them and sends them to the stage
workers, started at that moment, which extract them there and then, with their mentions
and quotes (``work_ahead.extract_reading_ahead``), while this process sets the run up and
its feed and page steps store the same files. The articles
stage then takes the result of a page whose inputs (``PageInputs.key``: the bytes, the item
and the clock) are those of the page as stored (``early_result``), and works out any other
page as before: the tables are the same either way. For the clocks to agree, the articles
stage reads its clock from the block (``articles_clock``).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from wiredesk.articles import page_inputs
from wiredesk.sources import item_day, item_row
from wiredesk.workers import pool_reads_ahead

if TYPE_CHECKING:
    from wiredesk.sources import FeedItem

Row = dict[str, Any]
#: A worker's result for one page: (row or ExtractionError, pickled mentions and quotes).
Found = tuple[Any, bytes | None]

#: Files extracted early at most, the first in the order the articles stage takes them:
#: enough to keep the workers busy while the run is set up (a few seconds), no more, since
#: their pages are held in memory until taken.
LIMIT = 500


class _Early:
    """One block's files: which were sent and not taken, and what came back."""

    def __init__(self, now: dt.datetime, item_ids: Iterable[str]) -> None:
        self.now = now
        #: The item ids of the files sent and not taken yet.
        self.expected = set(item_ids)
        #: What came back: item id -> (the key of the page the worker read, its result).
        self.back: dict[str, tuple[bytes, Found]] = {}
        self.arrived = threading.Condition()
        self.open = True

    def drop(self, item_ids: Iterable[str]) -> None:
        """These will not come back: nobody waits for them."""
        with self.arrived:
            self.expected.difference_update(item_ids)
            self.arrived.notify_all()

    def keep(self, item_id: str, key: bytes, found: Found) -> bool:
        """Keep one result; False once the block has ended."""
        with self.arrived:
            if self.open:
                self.back[item_id] = (key, found)
                self.arrived.notify_all()
            return self.open

    def take(self, item_id: str) -> tuple[bytes, Found] | None:
        """The result for this item, waiting for it if it is on its way; taken once."""
        with self.arrived:
            while item_id in self.expected and item_id not in self.back:
                self.arrived.wait()
            self.expected.discard(item_id)
            return self.back.pop(item_id, None)

    def close(self) -> None:
        """The block ended: let go of what was not taken, and wake anyone waiting."""
        with self.arrived:
            self.open = False
            self.expected.clear()
            self.back.clear()
            self.arrived.notify_all()


_early: _Early | None = None


def articles_clock() -> dt.datetime:
    """The time the articles stage extracts at: the block's start within one (so results
    worked out early and late agree), else now."""
    return _early.now if _early is not None else dt.datetime.now(dt.UTC)


@contextmanager
def pages_extracted_early(items: Iterable[FeedItem]) -> Iterator[int]:
    """Within this block the workers of the open ``stage_workers`` block (of several workers
    that read ahead) extract the drop-folder files among ``items``, new items, at once: the
    first ``LIMIT`` in the order the articles stage takes them (by day, then item id), read
    and sent from a thread of this process. Yields how many (none outside such a block);
    what was not taken is let go at the end."""
    global _early
    now = dt.datetime.now(dt.UTC)
    files = sorted(
        (item for item in items if item.url.startswith("file:")),
        key=lambda item: (item_day(item, now), item.item_id),
    )[:LIMIT]
    if not files or not pool_reads_ahead():
        yield 0
        return
    rows = [item_row(item, now) for item in files]
    early = _early = _Early(now, (row["item_id"] for row in rows))
    threading.Thread(target=_extract, args=(early, rows), daemon=True).start()
    try:
        yield len(rows)
    finally:
        early.close()
        _early = None


def _extract(early: _Early, rows: list[Row]) -> None:
    """In a thread: read the files as the page step reads them (``stages.fetch_pages``) and
    send the pages to the workers as the articles stage sends its own
    (``work_ahead.read_ahead_stream``: what they read ahead is kept there), keeping each
    result as it comes back, in order."""
    from wiredesk.fetch import Fetcher, FetchSettings
    from wiredesk.stages import fetch_pages
    from wiredesk.work_ahead import read_ahead_stream

    try:
        with Fetcher(FetchSettings.configured()) as fetcher:
            pages, _ = fetch_pages(rows, fetcher, run_id="early")
        items = {row["item_id"]: row for row in rows}
        early.drop(set(items) - {page["item_id"] for page in pages})  # unread: not waited for
        work = [(page, items[page["item_id"]], early.now) for page in pages]
        for page_work, found in zip(work, read_ahead_stream(work), strict=True):
            if not early.keep(page_work[0]["item_id"], page_inputs(*page_work).key(), found):
                return
    except Exception:  # noqa: BLE001 - a worker died, the block ended: the stage does it
        pass
    finally:  # what never came back is not waited for
        early.drop([row["item_id"] for row in rows if row["item_id"] not in early.back])


def sent_early(page: Row) -> bool:
    """Whether this page's file was sent to the workers early and not yet taken."""
    early = _early
    return early is not None and page["item_id"] in early.expected


def early_result(page: Row, item: Row, now: dt.datetime) -> Found | None:
    """What a worker found early for this page as stored (waiting for it to come back), or
    None: never sent, failed, or the file, its item or the clock differ from what the worker
    read."""
    early = _early
    back = early.take(page["item_id"]) if early is not None else None
    if back is None:
        return None
    key, found = back
    return found if key == page_inputs(page, item, now).key() else None
