"""What a run whose steps all share its process opens for its whole length.

Kept apart from the per-article work (``wiredesk.article_work``), which the workers import:
this block brings in the storage (the analyst's file), which they need not load.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from wiredesk.store import AnyPath, published_at_end
from wiredesk.warm_ups import warm_up_for
from wiredesk.workers import stage_workers


@contextmanager
def run_wide_workers(stages: Iterable[str], *homes: AnyPath) -> Iterator[int]:
    """What a run whose steps all share its process opens for its whole length (``wiredesk
    ingest``, a Dagster run in the run's process): stage workers warmed up for ``stages``
    (``warm_up_for``), beside the set-up, and the analyst's file of ``homes`` and of every
    home the steps publish brought up to date once, when the run ends
    (``published_at_end``). Yields the number of workers."""
    with published_at_end(*homes), stage_workers(warm_up=warm_up_for(stages)) as count:
        yield count
