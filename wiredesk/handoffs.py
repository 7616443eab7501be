"""Batches on forked workers, where a worker may hand part of a batch to another.

``wiredesk analyze --jsonl`` learns an article's language only once a worker has extracted
it. Finishing an article in a language whose recogniser that worker has not loaded would
make every worker load every language the input holds (over a second of CPU each for
German). So a worker hands such an article on (``Handoff``) to the language's home worker
(``wiredesk.workers.home_worker``), which alone loads it; the batch's result waits for the
handed-on part and keeps its input order.

A language that turns out to be a large share of the input (a German agency's feed) is
no longer handed on: every worker then loads it, as each would have to for its share of
the work anyway. The batch function is told which languages these are.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any, TypeVar

from wiredesk.workers import (
    QUEUED_PER_WORKER,
    WAITING_PER_WORKER,
    home_worker,
    run_trimmed,
    start_stage_worker,
)

Batch = TypeVar("Batch")
Result = TypeVar("Result")

#: A group handed on more than this share of the items back from the workers (times the
#: share a home worker's own items, never handed on, leave) is spread over every worker.
SPREAD_SHARE = 1.0
#: Items back before any group is spread (a first batch says little of the input).
SPREAD_AFTER = 32


@dataclass(frozen=True)
class Handoff:
    """An item a worker left to the home worker of ``group``; ``payload`` is what it had."""

    group: str
    payload: Any


#: What the batch function is given: the batch, and the groups every worker finishes itself.
Work = tuple[Batch, frozenset[str]]


@dataclass
class _Entry:
    """One batch in flight: its first result, then the handed-on parts' results merged in."""

    first: Future
    done: threading.Event = field(default_factory=threading.Event)
    result: list | None = None
    error: BaseException | None = None


class _Router:
    """Per-worker single-process executors, forked from this process; batches go to the
    least busy worker, handed-on parts to their group's home."""

    def __init__(self, workers: int, follow: Callable[[list], list]) -> None:
        context = multiprocessing.get_context("fork")
        self.executors = [
            ProcessPoolExecutor(
                1, mp_context=context, initializer=start_stage_worker, initargs=(i, workers)
            )
            for i in range(workers)
        ]
        self.follow = follow
        self.busy = [0] * workers
        self.lock = threading.Lock()
        self.freed = threading.Condition(self.lock)
        self.seen = 0
        self.handed: Counter[str] = Counter()
        self.spread_groups: set[str] = set()
        self.turn = 0

    def _submit(self, worker: int, fn: Callable, arg: Any) -> Future:
        with self.lock:
            self.busy[worker] += 1
        future = self.executors[worker].submit(run_trimmed, fn, arg)
        future.add_done_callback(lambda _: self._release(worker))
        return future

    def _release(self, worker: int) -> None:
        with self.lock:
            self.busy[worker] -= 1
            self.freed.notify_all()

    def wait_for_room(self) -> None:
        """Until some worker has at most ``WAITING_PER_WORKER`` batches waiting: a batch is
        given to a worker only then, so none is stuck behind a slow one while others idle."""
        with self.freed:
            self.freed.wait_for(lambda: min(self.busy) <= WAITING_PER_WORKER)

    def spread(self) -> frozenset[str]:
        """Groups handed on so often that every worker finishes them itself from now on
        (once spread, a group stays so: its items are no longer counted as handed on)."""
        with self.lock:
            if self.seen >= SPREAD_AFTER:
                workers = len(self.executors)
                bar = SPREAD_SHARE * self.seen * (1 - 1 / workers) / workers
                self.spread_groups |= {g for g, n in self.handed.items() if n > bar}
            return frozenset(self.spread_groups)

    def submit(self, fn: Callable[[Work], list], batch: Any) -> _Entry:
        with self.lock:  # the least busy worker; of equals, the next in turn
            count = len(self.busy)
            worker = min(range(count), key=lambda w: (self.busy[w], (w - self.turn) % count))
            self.turn = worker + 1
        entry = _Entry(self._submit(worker, fn, (batch, self.spread())))
        entry.first.add_done_callback(lambda future: self._hand_on(entry, future))
        return entry

    def _hand_on(self, entry: _Entry, future: Future) -> None:
        """The batch's first result is in: send its handed-on items to their homes (never
        waiting here: this runs on an executor's own thread)."""
        try:
            result = list(future.result())
        except BaseException as exc:  # noqa: BLE001 - raised where the result is taken
            entry.error = exc
            entry.done.set()
            return
        groups: dict[str, list[int]] = {}
        for position, value in enumerate(result):
            if isinstance(value, Handoff):
                groups.setdefault(value.group, []).append(position)
        entry.result = result
        with self.lock:
            self.seen += len(result)
            self.handed.update({g: len(p) for g, p in groups.items()})
        if not groups:
            entry.done.set()
            return
        remaining = [len(groups)]
        for group, positions in groups.items():
            payloads = [result[p].payload for p in positions]
            part = self._submit(home_worker(group, len(self.executors)), self.follow, payloads)
            part.add_done_callback(
                lambda done, at=positions: self._merge(entry, at, done, remaining)
            )

    def _merge(
        self, entry: _Entry, positions: list[int], part: Future, remaining: list[int]
    ) -> None:
        """A handed-on part is back: its values take their items' places."""
        try:
            values = part.result()
            if len(values) != len(positions):
                raise RuntimeError(f"{len(values)} values for {len(positions)} handed-on items")
            for position, value in zip(positions, values, strict=True):
                entry.result[position] = value  # type: ignore[index]  # set before parts go
        except BaseException as exc:  # noqa: BLE001 - raised where the result is taken
            entry.error = exc
        with self.lock:
            remaining[0] -= 1
            finished = remaining[0] == 0
        if finished:
            entry.done.set()

    def close(self) -> None:
        for executor in self.executors:
            executor.shutdown(wait=True, cancel_futures=True)


def routed_map(
    fn: Callable[[Work], list],
    follow: Callable[[list], list],
    batches: Iterable[Batch],
    workers: int,
    prepare: Callable[[], object] | None = None,
    before_fork: Callable[[], object] | None = None,
) -> Iterator[list]:
    """``fn`` over ``(batch, spread)`` on ``workers`` forked processes, yielding each batch's
    result list in input order as results come. An item of a result may be a ``Handoff``:
    ``follow`` (given the payloads of a group's handed-on items, returning one value each)
    runs on that group's home worker and its values take the items' places.

    With one worker, or a single batch, ``fn`` runs here (where no item is handed on).
    ``before_fork`` runs here before any worker is forked (what every worker needs and all
    can share: imports); ``prepare`` runs here once, after the first worker is forked and
    before the others are (what it loads, they share; the first loads it for itself as it
    goes).
    """
    batches = iter(batches)
    first = list(islice(batches, 2))
    if workers <= 1 or len(first) < 2:
        for batch in chain(first, batches):
            yield fn((batch, frozenset()))
        return
    if before_fork is not None:
        before_fork()
    router = _Router(workers, follow)
    limit = workers * (1 + QUEUED_PER_WORKER)
    # The first worker is forked at once and loads what it needs as its first batch comes,
    # while this process prepares what the others are forked with: one core would idle.
    pending: deque[_Entry] = deque([router.submit(fn, first[0])])
    try:
        if prepare is not None:
            prepare()
        for batch in chain(first[1:], batches):
            while pending and (len(pending) >= limit or pending[0].done.is_set()):
                yield _taken(pending.popleft())
            router.wait_for_room()
            pending.append(router.submit(fn, batch))
        while pending:
            yield _taken(pending.popleft())
    finally:
        router.close()


def _taken(entry: _Entry) -> list:
    entry.done.wait()
    if entry.error is not None:
        raise entry.error
    return entry.result or []
