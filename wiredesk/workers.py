"""Work spread over processes, results back in input order as soon as they are ready.

``stage_workers`` opens a pool for the stages' per-article work (extraction, entities,
quotes) that lasts a whole ``wiredesk ingest`` run, so every day and every stage feeds the
same workers, each loading the models once; they are started fresh (not forked), so a
Dagster run's memory and the locks its threads hold stay out of them. Outside such a run (a
step of Dagster's executors: the UI, a schedule, ``dagster job execute``) the per-article
stages open a pool of their own for the step (``step_workers``) when it has enough items,
since the run's other steps wait for that one; with neither (a test, a benchmark)
``stage_map`` does the work where it is called. A bounded number of batches is in flight, so
an endless input streams in bounded memory. Workers recognise entities in-process: a pool
inside a pool only fights over the same cores. Work that needs a model per group (entities:
a model per language) goes to the workers by group, a language few articles are in always to
the same worker, so the models of every language are not loaded by every worker.
(``wiredesk analyze --jsonl`` forks its own workers: ``wiredesk.handoffs``.)
"""

from __future__ import annotations

import ctypes
import itertools
import math
import multiprocessing
import os
import sys
import threading
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import lru_cache
from typing import TypeVar

from wiredesk.settings import current_settings

Batch = TypeVar("Batch")
Result = TypeVar("Result")
Item = TypeVar("Item")

#: Below this many items a stage does its work here: starting a batch costs more than it saves.
MIN_POOL_ITEMS = 8
#: Below this many items a stage outside a ``stage_workers`` block (``step_workers``) starts
#: no workers of its own: their start (a fork server that imports the stage's libraries and
#: loads its model, then a fork per worker) pays only once each has a few batches to do.
STEP_POOL_ITEMS = 24
#: Items per batch sent to a stage worker, at most (the recogniser batches 32 texts).
MAX_CHUNK = 16

#: Batches queued per worker beyond the one it runs: enough to keep it busy, no more.
QUEUED_PER_WORKER = 2
#: Batches waiting at a worker of its own beyond the one it runs: one, so it never waits
#: for the next, and no more, so no batch is stuck behind a slow one while others idle.
WAITING_PER_WORKER = 1


def worker_count(override: int | None = None) -> int:
    """Workers to run: the override, else the ``workers.processes`` setting
    (``WIREDESK_WORKERS``), else the cores we may use."""
    if override is not None:
        if override < 1:
            raise ValueError(f"workers: {override} is not a positive number")
        return override
    configured = current_settings().workers.processes
    return configured if configured > 0 else len(os.sched_getaffinity(0))


def one_blas_thread() -> None:
    """Matrix products on one thread in this process: it is one of several workers that
    already fill the cores, where more BLAS threads per worker only spin against each other."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")


def in_worker() -> None:
    """Runs once in each worker process: entity recognition stays in this process."""
    os.environ["WIREDESK_NER_PROCESSES"] = "1"
    one_blas_thread()


#: This process's place among the workers of a ``stage_workers`` block: (index, count); None
#: outside such a worker.
_slot: tuple[int, int] | None = None


def start_stage_worker(index: int, count: int) -> None:
    """Runs once in each worker of a ``stage_workers`` block: ``in_worker``, and its slot."""
    global _slot
    _slot = (index, count)
    in_worker()


def worker_slot() -> tuple[int, int] | None:
    """(index, count) in a worker of a ``stage_workers`` block, else None."""
    return _slot


def home_worker(group: str, workers: int) -> int:
    """The worker a small group's batches always go to: fixed by the group's name alone, so a
    worker knows its own groups before the run has sent it any (see ``worker_slot``)."""
    return zlib.crc32(group.encode("utf-8")) % workers


#: What the fork server of this process was started with (see ``_fork_server``).
_server_started_with: tuple | None = None


def _fork_server(warm_up: Callable[[], object]) -> multiprocessing.context.BaseContext:
    """The ``forkserver`` start method, its server running ``warm_up`` before it forks any
    worker (``wiredesk.worker_preload``): the workers start with what it loaded, once for
    all of them. Its workers inherit its environment and folder, not this process's, so a
    server started with another warm-up, other ``WIREDESK_*`` variables or in another folder
    is stopped first (the next worker starts a new one)."""
    global _server_started_with
    name = f"{warm_up.__module__}:{warm_up.__qualname__}"
    settings = sorted((k, v) for k, v in os.environ.items() if k.startswith("WIREDESK_"))
    started_with = (name, os.getcwd(), tuple(settings))
    context = multiprocessing.get_context("forkserver")
    if _server_started_with != started_with:
        if _server_started_with is not None:
            from multiprocessing import forkserver

            forkserver._forkserver._stop()  # noqa: SLF001 - the next worker starts a new one
        from multiprocessing.spawn import get_preparation_data

        from wiredesk.worker_preload import MAIN_VARIABLE, PATH_VARIABLE, WARM_UP_VARIABLE

        os.environ[WARM_UP_VARIABLE] = name  # the server reads them when it starts
        os.environ[PATH_VARIABLE] = os.pathsep.join(sys.path)
        os.environ[MAIN_VARIABLE] = get_preparation_data("").get("init_main_from_path", "")
        context.set_forkserver_preload(["wiredesk.worker_preload"])
        _server_started_with = started_with
    return context


class _StagePool:
    """The workers of one ``stage_workers`` block, each its own single-process executor so a
    batch can be sent to a chosen one; started at first use, so a run with nothing to do
    starts no worker; started again after a worker died. A small group of items (a language
    few articles are in) always goes to its ``home_worker``.

    Workers are fresh processes, never forks of this one: with a warm-up, forks of a fork
    server that ran it; without, started anew (``spawn``).

    A run's pool (``stage_workers``) lets the workers read ahead for the stages after
    (``reads_ahead``); a step's own (``step_workers``) does not, as nothing after the step
    would take what they found, and starts its workers, with ``deferred_warm_up``, only
    when a call has ``min_items`` items."""

    def __init__(
        self,
        workers: int,
        reads_ahead: bool = True,
        min_items: int = MIN_POOL_ITEMS,
        deferred_warm_up: Callable[[], object] | None = None,
    ) -> None:
        self.workers = workers
        self.reads_ahead = reads_ahead
        self.min_items = min_items
        self.deferred_warm_up = deferred_warm_up
        self.owner = os.getpid()
        self._executors: list[ProcessPoolExecutor] = []
        #: Batches sent to each worker by ``submit_to_homes``, outside any ``stage_map``.
        self._handed: list[list[Future]] = [[] for _ in range(workers)]
        self._lock = threading.Lock()
        self._context = multiprocessing.get_context("spawn")

    def executors(self) -> list[ProcessPoolExecutor]:
        with self._lock:
            if not self._executors:
                self._executors = [
                    ProcessPoolExecutor(
                        1,
                        mp_context=self._context,
                        initializer=start_stage_worker,
                        initargs=(index, self.workers),
                    )
                    for index in range(self.workers)
                ]
            return self._executors

    def hand(self, worker: int, future: Future) -> None:
        """Note a batch sent to ``worker`` outside ``stage_map`` (see ``handed``)."""
        self._handed[worker].append(future)

    def handed(self, worker: int) -> list[Future]:
        """The batches ``submit_to_homes`` sent to ``worker`` that are not done: ``stage_map``
        counts them as that worker's queue, so it does not commit more to a worker already
        busy with them while another idles."""
        self._handed[worker] = [f for f in self._handed[worker] if not f.done()]
        return self._handed[worker]

    def started(self) -> bool:
        """Whether the workers run (or are starting)."""
        return bool(self._executors)

    def warm_up(self, fn: Callable[[], object]) -> None:
        """Start the workers now, forked from a server that runs ``fn`` first (loading what
        every batch needs), while this process goes on setting the run up: the server is
        started from a thread of its own, as starting a worker waits for its warm-up."""
        self._context = _fork_server(fn)
        threading.Thread(target=self._start, args=(fn,), daemon=True).start()

    def start(self) -> None:
        """Start the workers with the deferred warm-up, if they wait for one."""
        fn, self.deferred_warm_up = self.deferred_warm_up, None
        if fn is not None and not self.started():
            self.warm_up(fn)

    def _start(self, fn: Callable[[], object]) -> None:
        try:
            for executor in self.executors():
                executor.submit(_warm_up, fn)  # cheap in a fork of a warmed server
        except RuntimeError:
            pass  # the block ended before they started

    def discard(self) -> None:
        """Stop the workers (the next use starts new ones)."""
        with self._lock:
            executors, self._executors = self._executors, []
        for executor in executors:
            executor.shutdown(wait=True, cancel_futures=True)


_open_pool: _StagePool | None = None
#: Called when a ``stage_workers`` block ends (what was kept for its run is let go).
_closing: list[Callable[[], object]] = []


def on_workers_closing(hook: Callable[[], object]) -> None:
    """Call ``hook`` whenever a ``stage_workers`` block of this process ends."""
    if hook not in _closing:
        _closing.append(hook)


def _pool_here() -> _StagePool | None:
    """The block open in this process, or None (a forked child's copy of its parent's block
    is not its own)."""
    pool = _open_pool
    return pool if pool is not None and pool.owner == os.getpid() else None


def pool_workers() -> int:
    """Workers of the ``stage_workers`` block open in this process (0 when none is)."""
    pool = _pool_here()
    return pool.workers if pool is not None else 0


def pool_reads_ahead() -> bool:
    """Whether the workers of the block open in this process read ahead for later stages
    (a run's ``stage_workers`` block of several workers, not a step's own)."""
    pool = _pool_here()
    return pool is not None and pool.workers > 1 and pool.reads_ahead


@contextmanager
def stage_workers(
    workers: int | None = None, warm_up: Callable[[], object] | None = None
) -> Iterator[int]:
    """Within this block, ``stage_map`` in this process runs on ``workers`` worker processes
    (default: ``worker_count()``); yields the count. The workers stop when the block ends.

    With ``warm_up`` (a module-level function) the workers start at once and run it before
    any batch, so what they load overlaps the caller's own setting up; without it they start
    at the first batch."""
    count = worker_count(workers)
    if (open_here := _pool_here()) is not None:
        yield open_here.workers  # already open: an inner block shares it
        return
    pool = _StagePool(count)
    if warm_up is not None and count > 1:
        pool.warm_up(warm_up)
    with _opened(pool):
        yield count


@contextmanager
def step_workers(warm_up: Callable[[], object], min_items: int | None = None) -> Iterator[int]:
    """A stage's own workers, for a stage that runs outside a ``stage_workers`` block: a step
    of Dagster's executors in a process of its own (the UI, a schedule, ``dagster job
    execute``), where the run's other steps wait for it. Within the block ``stage_map`` runs
    on ``worker_count()`` workers, started (forked from a server that ran ``warm_up``) at the
    first call with ``min_items`` items (default ``STEP_POOL_ITEMS``), so a small day costs
    no workers; they do not read ahead, and stop when the block ends. Inside a
    ``stage_workers`` block, that block's workers; yields the count."""
    if (open_here := _pool_here()) is not None:
        yield open_here.workers
        return
    count = worker_count()
    if count < 2:
        yield count
        return
    least = STEP_POOL_ITEMS if min_items is None else min_items
    pool = _StagePool(count, reads_ahead=False, min_items=least, deferred_warm_up=warm_up)
    with _opened(pool):
        yield count


def expect_items(count: int) -> None:
    """A stage will soon send ``count`` items: a step's own workers start now if that is
    enough for them, so their warm-up runs beside the stage's own preparing."""
    pool = _pool_here()
    if pool is not None and count >= pool.min_items:
        pool.start()


@contextmanager
def _opened(pool: _StagePool) -> Iterator[None]:
    """``pool`` as this process's open block; its workers stop, and the closing hooks run,
    when the block ends."""
    global _open_pool
    _open_pool = pool
    try:
        yield
    finally:
        _open_pool = None
        pool.discard()
        for hook in _closing:
            hook()


def chunks(items: Sequence[Item], workers: int) -> list[list[Item]]:
    """Items in batches small enough to keep every worker busy to the end (about four per
    worker), large enough for the recogniser to batch (at most ``MAX_CHUNK``)."""
    size = max(1, min(MAX_CHUNK, math.ceil(len(items) / (4 * workers))))
    return _slices(items, size)


def _slices(items: Sequence[Item], size: int = MAX_CHUNK) -> list[list[Item]]:
    """``items`` in consecutive batches of ``size``: for work that goes to one worker
    whatever its size, the largest batches the recogniser takes."""
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def stage_map(
    fn: Callable[[list[Item]], list[Result]],
    items: Sequence[Item],
    group: Callable[[Item], str] | None = None,
    on_batch: Callable[[list[Result]], object] | None = None,
) -> list[Result]:
    """``fn`` over batches of ``items``; one result per item, in input order.

    ``fn`` takes a list of items and returns one result per item; it must be a module-level
    function of an importable module (workers are fresh processes, which do not run this
    process's main script: ``wiredesk.worker_preload``). The batches go to the workers of an open
    ``stage_workers`` block of this process; with none open, or one worker, ``fn`` runs here,
    and so it does for fewer than ``MIN_POOL_ITEMS`` items while the workers have not
    started (once they run, they have the models loaded and this process may not). The
    results are the same either way.

    ``group`` names what a worker must load for an item (its language's model): each batch
    holds one group, a group with more than a worker's share of the items is spread over
    all workers, and a smaller one always goes to the same worker, so a language few
    articles are in is loaded by one worker, not by each.

    ``on_batch`` is called here with each batch's results as it comes back (in the order
    they finish): what the caller can start on at once instead of after the last batch.
    """
    return list(stage_stream(fn, items, group, on_batch))


def stage_stream(
    fn: Callable[[list[Item]], list[Result]],
    items: Sequence[Item],
    group: Callable[[Item], str] | None = None,
    on_batch: Callable[[list[Result]], object] | None = None,
) -> Iterator[Result]:
    """``stage_map``'s results one by one, in input order, each as soon as it and every one
    before it are back: the caller works on the first items (writes a day's tables) while
    the workers go on with the rest, instead of waiting for the last batch. Batches are
    handed out as the caller takes results; each worker keeps one waiting beside the one it
    runs, so a caller busy for a moment leaves no worker idle."""
    pool = _pool_here()
    few = pool is not None and len(items) < pool.min_items and not pool.started()
    if pool is None or pool.workers <= 1 or not items or few:
        out = list(fn(list(items))) if items else []
        if on_batch is not None and out:
            on_batch(out)
        yield from out
        return
    pool.start()
    batches = _grouped_batches(items, group, pool)
    back: dict[int, Result] = {}
    given = 0
    try:
        for positions, result in _dispatched(pool, fn, items, batches):
            if len(result) != len(positions):
                raise RuntimeError(
                    f"{fn.__name__}: {len(result)} results for {len(positions)} items"
                )
            back.update(zip(positions, result, strict=True))
            if on_batch is not None:
                on_batch(result)
            while given in back:
                yield back.pop(given)
                given += 1
    except BrokenProcessPool:
        pool.discard()  # a worker died (killed, out of memory): the next call starts anew
        raise


def submit_to_homes(
    fn: Callable[[list[Item]], list[Result]],
    items: Sequence[Item],
    group: Callable[[Item], str],
) -> list[tuple[list[int], Future[list[Result]]]]:
    """``fn`` over batches of ``items`` sent now, each group's batches to its
    ``home_worker``, without waiting for them: work the workers can do while this process
    goes on with its own (``stage_map`` counts them in their worker's queue until done).
    Each batch's input positions with its future; none when no block of several workers is
    open and running (the caller then does the work as it would have).
    """
    pool = _pool_here()
    if pool is None or pool.workers <= 1 or not pool.started():
        return []
    executors = pool.executors()
    sent = []
    for name, positions in _members(items, group).items():
        home = home_worker(name, pool.workers)
        for batch in _slices(positions):  # all to one worker: few batches
            work = [items[position] for position in batch]
            future = executors[home].submit(run_trimmed, fn, work)
            pool.hand(home, future)
            sent.append((batch, future))
    return sent


#: A batch: the input positions of its items, and the worker it must go to (None: any).
_Batch = tuple[list[int], int | None]


def _grouped_batches(
    items: Sequence[Item], group: Callable[[Item], str] | None, pool: _StagePool
) -> list[_Batch]:
    """Batches of input positions with the worker each must go to (None: any). A group with
    more than a worker's share of the items is spread over all workers, a batch holding one
    group; the smaller groups go to their ``home_worker``, those sharing a home in the same
    batches. Those go first, a worker's turn about: the model a home worker loads for them
    then loads while the other workers start on the rest, not at the end with them idle."""
    if group is None:
        return [(positions, None) for positions in chunks(range(len(items)), pool.workers)]
    share = len(items) / pool.workers
    at_home: dict[int, list[int]] = {}
    spread: list[_Batch] = []
    for name, positions in _members(items, group).items():
        if len(positions) > share:
            spread += [(batch, None) for batch in chunks(positions, pool.workers)]
        else:
            at_home.setdefault(home_worker(name, pool.workers), []).extend(positions)
    homed = [
        [(batch, worker) for batch in _slices(positions)]
        for worker, positions in sorted(at_home.items())
    ]
    turns = [batch for turn in itertools.zip_longest(*homed) for batch in turn if batch]
    return turns + spread


def _members(items: Sequence[Item], group: Callable[[Item], str]) -> dict[str, list[int]]:
    """The input positions of each group's items, groups in order of first appearance."""
    members: dict[str, list[int]] = {}
    for position, item in enumerate(items):
        members.setdefault(group(item), []).append(position)
    return members


def _dispatched(
    pool: _StagePool,
    fn: Callable[[list[Item]], list[Result]],
    items: Sequence[Item],
    batches: list[_Batch],
) -> Iterator[tuple[list[int], list[Result]]]:
    """Each batch's positions and results, as they finish. A batch is handed to a worker
    only when that worker has at most ``WAITING_PER_WORKER`` batches waiting; one without a
    worker of its own goes to the first with room. Batches vary (a model loaded on the way,
    long pages), and one committed early to a busy worker would keep the run waiting on it
    while another worker idles."""
    executors = pool.executors()
    queued: list[deque[tuple[list[int], Future[list[Result]]]]] = [deque() for _ in executors]

    def load(worker: int) -> int:
        return len(queued[worker]) + len(pool.handed(worker))

    for positions, worker in batches:
        if worker is None:
            while all(load(w) > WAITING_PER_WORKER for w in range(len(executors))):
                handed = [f for w in range(len(executors)) for f in pool.handed(w)]
                yield from _collect(queued, wait_on=None, also=handed)
            worker = min(range(len(executors)), key=load)
        while len(queued[worker]) > WAITING_PER_WORKER:
            yield from _collect(queued, wait_on=worker)
        batch = [items[position] for position in positions]
        queued[worker].append((positions, executors[worker].submit(run_trimmed, fn, batch)))
    while any(queued):
        yield from _collect(queued, wait_on=None)


def _warm_up(fn: Callable[[], object]) -> None:
    """Run ``fn`` in a worker; a failure there only costs the head start (the first batch
    that needs what it loads meets the same error and reports it)."""
    try:
        fn()
    except Exception:  # noqa: BLE001 - the real work reports it
        pass


def run_trimmed(fn: Callable[[list[Item]], list[Result]], batch: list[Item]) -> list[Result]:
    """``fn(batch)`` in a worker, then the memory its garbage held handed back to the system
    (glibc keeps freed pages of parsed pages and model activations otherwise)."""
    try:
        return fn(batch)
    finally:
        _malloc_trim()


def _malloc_trim() -> None:
    trim = _libc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _libc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


def _collect(
    queued: list[deque[tuple[list[int], Future[list[Result]]]]],
    wait_on: int | None,
    also: Sequence[Future] = (),
) -> Iterator[tuple[list[int], list[Result]]]:
    """The finished batches at the heads of the queues, after waiting for the head of
    ``wait_on`` (or, when None, for whichever head, or batch of ``also``, finishes first)."""
    if wait_on is None:
        heads = [queue[0][1] for queue in queued if queue]
        wait([*heads, *also], return_when=FIRST_COMPLETED)
    else:
        queued[wait_on][0][1].result()
    for queue in queued:
        while queue and queue[0][1].done():
            positions, future = queue.popleft()
            yield positions, future.result()


Key = TypeVar("Key")
Loaded = TypeVar("Loaded")

#: Items (pages, articles) one call takes from several days at once: enough to keep every
#: worker busy through a range of days, few enough that memory stays bounded.
WINDOW_ITEMS = 2000


def windows(
    keys: Iterable[Key],
    load: Callable[[Key], Loaded],
    size: Callable[[Loaded], int],
    limit: int = WINDOW_ITEMS,
) -> Iterator[dict[Key, Loaded]]:
    """What ``load`` gives for consecutive keys (days), grouped until a group holds
    ``limit`` items by ``size``: each group is one call's work, loaded when it is reached."""
    group: dict[Key, Loaded] = {}
    held = 0
    for key in keys:
        group[key] = loaded = load(key)
        held += size(loaded)
        if held >= limit:
            yield group
            group, held = {}, 0
    if group:
        yield group
