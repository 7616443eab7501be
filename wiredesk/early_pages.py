"""Drop-folder files extracted while the run that stores them is being set up.

Before ``wiredesk ingest`` imports Dagster and sets its run up, it has read its sources and
knows their new items (``wiredesk.sources.pending_work``). A drop folder's new files are on
this machine already: the stage workers, started at that moment, read and extract them
there and then, with their mentions and quotes (``work_ahead.extract_reading_ahead``), while
this process sets the run up and its feed and page steps store the same files. The articles
stage then takes the result of a page whose inputs (``PageInputs.key``: the bytes, the item
and the clock) are those of the page as stored (``early_result``), and works out any other
page as before: the tables are the same either way. For the clocks to agree, the articles
stage reads its clock from the block (``articles_clock``).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from wiredesk.articles import fetched_page, page_inputs
from wiredesk.sources import item_day, item_row
from wiredesk.workers import WINDOW_ITEMS, pool_reads_ahead, submit_spread

if TYPE_CHECKING:
    from wiredesk.sources import FeedItem

Row = dict[str, Any]
#: A worker's result for one page: (row or ExtractionError, pickled mentions and quotes).
Found = tuple[Any, bytes | None]

#: Files extracted early at most: the articles stage's first window of pages; the pages
#: after it are worked out in their turn, as before.
LIMIT = WINDOW_ITEMS


class _Batch:
    """One batch sent to a worker: its items and, once back, each page's key and result."""

    def __init__(self, future: Future[list[tuple[bytes | None, Found]]]) -> None:
        self.future = future
        self.settled = False


_clock: dt.datetime | None = None
#: Each file's item id -> its batch and place in it.
_sent: dict[str, tuple[_Batch, int]] = {}
_submitted = threading.Event()


def articles_clock() -> dt.datetime:
    """The time the articles stage extracts at: the block's start within one (so results
    worked out early and late agree), else now."""
    return _clock or dt.datetime.now(dt.UTC)


@contextmanager
def pages_extracted_early(items: Iterable[FeedItem]) -> Iterator[int]:
    """Within this block the workers of the open ``stage_workers`` block (of several workers
    that read ahead) extract the drop-folder files among ``items``, new items, at once, the
    first ``LIMIT`` in the order the articles stage takes them (by day, then item id); yields
    how many were sent (none outside such a block). What was not taken is let go at the end.
    """
    global _clock
    now = dt.datetime.now(dt.UTC)
    files = sorted(
        (item for item in items if item.url.startswith("file:")),
        key=lambda item: (item_day(item, now), item.item_id),
    )[:LIMIT]
    if not files or not pool_reads_ahead():
        yield 0
        return
    _clock = now
    _submitted.clear()
    work = [(item_row(item, now), now) for item in files]
    # Sending starts the workers, which waits for their warm-up: not in this thread.
    threading.Thread(target=_send, args=(work,), daemon=True).start()
    try:
        yield len(work)
    finally:
        _submitted.wait()
        for batch, _ in _sent.values():
            batch.future.cancel()
        _sent.clear()
        _clock = None


def _send(work: list[tuple[Row, dt.datetime]]) -> None:
    try:
        for positions, future in submit_spread(extract_files, work):
            batch = _Batch(future)
            for place, position in enumerate(positions):
                _sent[work[position][0]["item_id"]] = (batch, place)
    except RuntimeError:
        pass  # the block ended before the workers started
    finally:
        _submitted.set()


def sent_early(page: Row) -> bool:
    """Whether this page's file was sent to the workers early and not yet taken."""
    if _clock is None:
        return False
    _submitted.wait()
    return page["item_id"] in _sent


def early_result(
    page: Row,
    item: Row,
    now: dt.datetime,
    on_batch: Callable[[list[Found]], object] | None = None,
) -> Found | None:
    """What a worker found early for this page as stored, or None (never sent, failed, or
    the file, its item or the clock differ from what the worker read). ``on_batch`` is
    called once with all the results of the page's batch when the first of them is taken
    (``work_ahead`` keeps the mentions and quotes)."""
    if _clock is None:
        return None
    _submitted.wait()
    sent = _sent.pop(page["item_id"], None)
    if sent is None:
        return None
    batch, place = sent
    try:
        results = batch.future.result()
    except Exception:  # noqa: BLE001 - a worker died or the batch was cancelled: do it again
        return None
    if not batch.settled:
        batch.settled = True
        if on_batch is not None:
            on_batch([found for key, found in results if key is not None])
    key, found = results[place]
    return found if key == page_inputs(page, item, now).key() else None


def extract_files(work: list[tuple[Row, dt.datetime]]) -> list[tuple[bytes | None, Found]]:
    """In a stage worker: each item's file read as the page step reads it, and extracted as
    the articles stage's workers extract a page (``extract_reading_ahead``), with the key of
    its inputs; (None, (None, None)) for a file that cannot be read."""
    from wiredesk.work_ahead import extract_reading_ahead

    pages: list[tuple[Row, Row, dt.datetime] | None] = []
    for item, now in work:
        try:
            content = Path(unquote(urlsplit(item["url"]).path)).read_bytes()
        except OSError:
            pages.append(None)
            continue
        pages.append((fetched_page(item, content, item["url"]), item, now))
    readable = [page for page in pages if page is not None]
    extracted = iter(extract_reading_ahead(readable))
    return [
        (page_inputs(*page).key(), next(extracted)) if page is not None else (None, (None, None))
        for page in pages
    ]
