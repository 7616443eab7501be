"""Work spread over processes, results back in input order as soon as they are ready.

Each worker is a process of its own, forked from this one after ``prepare`` has loaded the
models, so no worker loads them again and their pages are shared until written. A bounded
number of batches is in flight, so an endless input streams in bounded memory. Workers
recognise entities in-process: a pool inside a pool only fights over the same cores.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import TypeVar

from wiredesk.settings import current_settings

Batch = TypeVar("Batch")
Result = TypeVar("Result")

#: Batches queued per worker beyond the one it runs: enough to keep it busy, no more.
QUEUED_PER_WORKER = 2


def worker_count(override: int | None = None) -> int:
    """Workers to run: the override, else the ``workers.processes`` setting
    (``WIREDESK_WORKERS``), else the cores we may use."""
    if override is not None:
        if override < 1:
            raise ValueError(f"workers: {override} is not a positive number")
        return override
    configured = current_settings().workers.processes
    return configured if configured > 0 else len(os.sched_getaffinity(0))


def _in_worker() -> None:
    """Runs once in each worker process: entity recognition stays in this process."""
    os.environ["WIREDESK_NER_PROCESSES"] = "1"


def ordered_map(
    fn: Callable[[Batch], Result],
    batches: Iterable[Batch],
    workers: int,
    prepare: Callable[[], object] | None = None,
) -> Iterator[Result]:
    """``map(fn, batches)`` on ``workers`` processes, yielding in input order as results come.

    With one worker, or a single batch (where starting workers costs more than it saves),
    it runs here, in this process: the results are the same. ``prepare`` runs here once
    before the workers start (loading what each of them would otherwise load).
    """
    batches = iter(batches)
    first = list(islice(batches, 2))
    if workers <= 1 or len(first) < 2:
        yield from map(fn, chain(first, batches))
        return
    limit = workers * (1 + QUEUED_PER_WORKER)
    if prepare is not None:
        prepare()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_in_worker) as pool:
        pending: deque[Future[Result]] = deque()
        for batch in chain(first, batches):
            pending.append(pool.submit(fn, batch))
            while pending and (len(pending) >= limit or pending[0].done()):
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
