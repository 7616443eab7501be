"""End-to-end ingest speed: the real Dagster job next to the same work as plain library calls.

    python -m benchmarks.pipeline --articles 1000 [--days 5] [--corpus DIR]

Generates a synthetic archive (``benchmarks.corpus``) unless ``--corpus`` names one, then
runs each mode in its own process (so peak memory is per mode) and prints, per stage:
wall time, CPU time, articles/s and peak memory, and the orchestration overhead as a ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.child import report, run_child

STAGES = [
    "feed_items",
    "raw_pages",
    "articles",
    "entity_mentions",
    "quotes",
    "entities",
    "aggregates",
]
#: Dagster steps counted with a stage of the library run (cross-day linking work).
STEP_STAGE = {"syndication": "entities"}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Clock:
    """Wall and CPU seconds per stage."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)

    def run(self, stage: str, fn, *args, **kwargs):  # noqa: ANN001, ANN201 - any callable
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            self.wall[stage] += time.perf_counter() - wall
            self.cpu[stage] += time.process_time() - cpu


def library_only(corpus: Path, home: Path) -> dict:
    """Every asset's work as plain function calls with the same lake writes, no Dagster."""
    from wiredesk.aggregates import (
        CROSS_DAY_AGGREGATES,
        DAILY_AGGREGATES,
        build_indexes,
        compute_days,
        refresh_cross_day,
    )
    from wiredesk.articles import run_articles_day
    from wiredesk.entities import link_entities
    from wiredesk.fetch import Fetcher
    from wiredesk.sources import load_sources
    from wiredesk.stages import build_mentions, build_quotes, collect_feed_items, fetch_pages
    from wiredesk.store import Lake, ensure_warehouse
    from wiredesk.syndication import update_syndication

    clock = Clock()
    lake = Lake(home)
    sources = load_sources(corpus / "sources.yaml")
    with Fetcher() as fetcher:
        items_by_day, _ = clock.run("feed_items", collect_feed_items, sources, fetcher, "bench")
        days = sorted(items_by_day)
        for day in days:
            clock.run("feed_items", lake.write, "feed_items", items_by_day[day], day)
            pages, log = clock.run("raw_pages", fetch_pages, items_by_day[day], fetcher, "bench")
            clock.run("raw_pages", lake.write, "raw_pages", pages, day)

            articles = clock.run("articles", run_articles_day, lake, day, "bench").articles
            mentions = clock.run("entity_mentions", build_mentions, articles)
            clock.run("entity_mentions", lake.write, "entity_mentions", mentions, day)
            quotes = clock.run("quotes", build_quotes, articles, mentions)
            clock.run("quotes", lake.write, "quotes", quotes, day)
    frame = clock.run("entities", lake.read, "entity_mentions")
    entities, aliases = clock.run("entities", link_entities, frame)
    clock.run("entities", lake.write, "entities", entities.to_dict("records"))
    clock.run("entities", lake.write, "entity_aliases", aliases.to_dict("records"))

    clock.run("entities", update_syndication, lake, home / "state")
    for name in DAILY_AGGREGATES:  # as the assets do it: a range of days in one go
        computed = clock.run("aggregates", lambda n=name: list(compute_days(home, n, days)))
        for result in computed:
            clock.run("aggregates", lake.write, name, result.data, result.day)
    indexes = clock.run("aggregates", lambda: list(build_indexes(home, days)))
    for day, index in indexes:
        clock.run("aggregates", lake.write, "search_index", index, day)
    for name in CROSS_DAY_AGGREGATES:
        clock.run("aggregates", refresh_cross_day, home, name)
    ensure_warehouse(home)
    return {"wall": dict(clock.wall), "cpu": dict(clock.cpu), "days": [d.isoformat() for d in days]}


def with_dagster(corpus: Path, home: Path) -> dict:
    """The real job, in-process, through ``pipelines.runner`` (what ``wiredesk ingest`` runs)."""
    from dagster import DagsterEventType, DagsterInstance

    import pipelines.runner as runner

    wall: dict[str, float] = defaultdict(float)
    cpu_total = time.process_time()
    started = time.perf_counter()
    days = runner.available_days(corpus / "sources.yaml")
    instance = DagsterInstance.ephemeral()
    runner.ingest_days(
        days, home=str(home), sources=str(corpus / "sources.yaml"), instance=instance
    )
    total_wall = time.perf_counter() - started
    for run in instance.get_runs():
        for event in instance.all_logs(run.run_id, of_type=DagsterEventType.STEP_SUCCESS):
            step = event.step_key or ""
            stage = STEP_STAGE.get(step, "aggregates" if step not in STAGES else step)
            wall[stage] += event.dagster_event.event_specific_data.duration_ms / 1000
    return {
        "wall": dict(wall),
        "total_wall": total_wall,
        "cpu_total": time.process_time() - cpu_total,
        "days": [d.isoformat() for d in days],
    }


def _child(mode: str, corpus: Path, home: Path) -> None:
    started, cpu = time.perf_counter(), time.process_time()
    result = library_only(corpus, home) if mode == "library" else with_dagster(corpus, home)
    result.setdefault("total_wall", time.perf_counter() - started)
    result.setdefault("cpu_total", time.process_time() - cpu)
    result["peak_mb"] = _peak_mb()
    report(result)


def _run_child(mode: str, corpus: Path, home: Path) -> dict:
    return run_child(
        "benchmarks.pipeline", "--child", mode, "--corpus", str(corpus), "--home", str(home)
    )


def count_articles(home: Path) -> int:
    from wiredesk.store import memory_connection

    con = memory_connection(home)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--days", type=int, default=5)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--home", type=Path)
    parser.add_argument("--child", choices=["library", "dagster"])
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.corpus, args.home)
        return
    from benchmarks.corpus import write_corpus

    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.corpus or Path(scratch) / "corpus"
        if not args.corpus:
            write_corpus(corpus, args.articles, args.days)
        library = _run_child("library", corpus, Path(scratch) / "library-home")
        dagster = _run_child("dagster", corpus, Path(scratch) / "dagster-home")
        articles = count_articles(Path(scratch) / "dagster-home")
    print(
        f"\nwiredesk end-to-end ingest: {articles} articles over {len(dagster['days'])} days, "
        f"{dt.date.today()}"
    )
    print(f"{'stage':<16}{'library s':>11}{'cpu s':>9}{'dagster s':>11}{'art/s (lib)':>13}")
    for stage in STAGES:
        lib_wall = library["wall"].get(stage, 0.0)
        rate = articles / lib_wall if lib_wall else float("inf")
        print(
            f"{stage:<16}{lib_wall:>11.2f}{library['cpu'].get(stage, 0.0):>9.2f}"
            f"{dagster['wall'].get(stage, 0.0):>11.2f}{rate:>13.1f}"
        )
    print(
        f"{'total':<16}{library['total_wall']:>11.2f}{library['cpu_total']:>9.2f}"
        f"{dagster['total_wall']:>11.2f}{articles / library['total_wall']:>13.1f}"
    )
    overhead = dagster["total_wall"] / library["total_wall"] - 1
    print(
        f"\nend to end: library {articles / library['total_wall']:.1f} articles/s, "
        f"dagster {articles / dagster['total_wall']:.1f} articles/s; "
        f"orchestration + storage overhead {overhead:+.1%}"
    )
    print(f"peak memory: library {library['peak_mb']:.0f} MB, dagster {dagster['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
