"""Days of an aggregate computed two at a time, handed back in order.

A small day's query spends most of its time in DuckDB's planning and file opening, on one
thread, so one day after another keeps one core busy; two at a time keep two. Each day runs
on a cursor of its own (a DuckDB connection may not be shared between threads), made in the
calling thread; at most ``AT_ONCE`` days are in flight, so a long range is never held whole.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

import duckdb

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Days in flight at once.
AT_ONCE = 2


def in_order(
    con: duckdb.DuckDBPyConnection,
    items: Iterable[Item],
    work: Callable[[Item, duckdb.DuckDBPyConnection], Result],
    at_once: int = AT_ONCE,
) -> Iterator[Result]:
    """``work(item, cursor)`` for each item, ``at_once`` at a time, results in item order;
    each cursor is closed when its item is done."""

    def run(item: Item, cursor: duckdb.DuckDBPyConnection) -> Result:
        try:
            return work(item, cursor)
        finally:
            cursor.close()

    with ThreadPoolExecutor(at_once, thread_name_prefix="aggregate") as pool:
        running: deque[Future[Result]] = deque()
        for item in items:
            running.append(pool.submit(run, item, con.cursor()))
            if len(running) >= at_once:
                yield running.popleft().result()
        while running:
            yield running.popleft().result()
