"""In-process materialisation of day ranges, used by ``wiredesk ingest`` and the tests.

Per-day stages run first for every day, then the cross-day entity linking once, then the
daily aggregates, so a range costs one linking pass instead of one per day. When the
aggregates cover one range of days, linking, aggregates and the cross-day aggregates are
one run, and the days' stages with them when they cover the same range: each Dagster run
costs its own set-up and database.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from dagster import DagsterEventType, DagsterInstance, materialize

from pipelines.alembic_scripts import migration_scripts_read_once
from pipelines.code_stamp import code_stamp
from pipelines.definitions import all_assets
from pipelines.resources import CONFIG_TAG, configured_resource
from pipelines.sqlite_wal import sqlite_writes_ahead
from wiredesk.fetch import Fetcher, FetchSettings
from wiredesk.run_workers import run_wide_workers
from wiredesk.settings import current
from wiredesk.sources import discover, item_day, load_sources
from wiredesk.store import (
    BuildLog,
    Plan,
    Stage,
    home_dir,
    local_home,
    sources_file,
    topological,
)

DAY_STAGES = ("feed_items", "raw_pages", "articles", "entity_mentions", "quotes")
CROSS_DAY = ("entities", "syndication")
#: Cross-day aggregates: after every day's aggregates, once per range.
AFTER_AGGREGATES = ("trending_entities", "top_quotes")
#: Run tags that make one run cover a range of day partitions.
RANGE_START, RANGE_END = "dagster/asset_partition_range_start", "dagster/asset_partition_range_end"
#: The CLI prints its own progress and the failures; Dagster's step log stays in run history.
QUIET = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}

Progress = Callable[[str], None]


def aggregate_names() -> list[str]:
    taken = set(DAY_STAGES) | set(CROSS_DAY) | set(AFTER_AGGREGATES)
    return [a.key.to_user_string() for a in all_assets if a.key.to_user_string() not in taken]


#: What an earlier ``wiredesk`` wrote into a new ``dagster.yaml``; such a file is upgraded.
PLAIN_INSTANCE = "telemetry:\n  enabled: false\n"


def instance_config(home: Path) -> str:
    """``dagster.yaml`` for a new ``$DAGSTER_HOME``: no telemetry, and Dagster's SQLite event
    log with its connections kept open (``pipelines/event_log.py``)."""
    return (
        PLAIN_INSTANCE
        + "event_log_storage:\n"
        + "  module: pipelines.event_log\n"
        + "  class: KeptOpenSqliteEventLogStorage\n"
        + "  config:\n"
        + f"    base_dir: {json.dumps(str(home / 'history' / 'runs'))}\n"
    )


def dagster_instance() -> DagsterInstance:
    """The persistent instance in ``$DAGSTER_HOME`` (default ``./.dagster``), so CLI runs
    appear in the UI's run history. A ``dagster.yaml`` written by hand is left as it is.
    Its SQLite stores write ahead (``pipelines/sqlite_wal.py``) and read Dagster's migration
    scripts once (``pipelines/alembic_scripts.py``)."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(Path(".dagster").resolve())))
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists() or config.read_text(encoding="utf-8") == PLAIN_INSTANCE:
        config.write_text(instance_config(home.resolve()), encoding="utf-8")
    sqlite_writes_ahead()
    migration_scripts_read_once()
    return DagsterInstance.get()


def available_days(sources_path: Path) -> list[dt.date]:
    """Every day the enabled sources currently offer items for."""
    now = dt.datetime.now(dt.UTC)
    days: set[dt.date] = set()
    with Fetcher(FetchSettings.configured()) as fetcher:
        for source in load_sources(sources_path):
            if source.enabled:
                items, errors = discover(source, fetcher)
                days.update(item_day(item, now) for item in items)
                days.update(e.day for e in errors if e.day)
    return sorted(days)


def _counts(result: Any) -> dict[str, int]:
    counts: dict[str, int] = {}
    for event in result.get_asset_materialization_events():
        materialization = event.event_specific_data.materialization
        value = materialization.metadata.get("dagster/row_count")
        counts[materialization.asset_key.to_user_string()] = int(value.value) if value else 0
    return counts


def step_starts(instance: DagsterInstance, run_id: str) -> dict[str, int]:
    """Start time (ns) of every step of a run that succeeded: what each stage was built
    from is what existed when its own step began, not when the run began."""
    succeeded = {
        entry.step_key for entry in instance.all_logs(run_id, of_type=DagsterEventType.STEP_SUCCESS)
    }
    return {
        entry.step_key: int(entry.timestamp * 1e9)
        for entry in instance.all_logs(run_id, of_type=DagsterEventType.STEP_START)
        if entry.step_key in succeeded
    }


def day_runs(
    work: Plan, names: Sequence[str], graph: dict[str, Stage]
) -> list[tuple[list[dt.date], list[str]]]:
    """The runs for one phase: consecutive days wanting the same stages share one run when
    every one of those stages takes a range (every daily asset does); otherwise a run per
    day."""
    runs: list[tuple[list[dt.date], list[str]]] = []
    for day, stages in sorted(work.daily.items()):
        selection = [name for name in stages if name in names]
        if not selection:
            continue
        previous = runs[-1] if runs else None
        if (
            previous is not None
            and previous[1] == selection
            and all(graph[name].takes_range for name in selection)
            and previous[0][-1] + dt.timedelta(days=1) == day
        ):
            previous[0].append(day)
        else:
            runs.append(([day], selection))
    return runs


def later_runs(work: Plan, graph: dict[str, Stage]) -> list[tuple[list[dt.date], list[str]]]:
    """The runs after the days' ingest stages: cross-day linking, the daily aggregates, then
    the cross-day aggregates. When the aggregates are at most one run (one range of days
    wanting the same tables, as a new range or a day's new items make them), the three are
    that one run, ordered within it by the assets' dependencies; otherwise a run per phase
    (cross-day runs have no days)."""
    linking = [name for name in work.cross_day if name in CROSS_DAY]
    aggregates = day_runs(work, tuple(aggregate_names()), graph)
    after = [name for name in work.cross_day if name in AFTER_AGGREGATES]
    if len(aggregates) <= 1:
        days, selection = aggregates[0] if aggregates else ([], [])
        merged = linking + selection + after
        return [(days, merged)] if merged else []
    runs = [([], linking)] if linking else []
    runs += aggregates
    return runs + ([([], after)] if after else [])


def stage_graph() -> dict[str, Stage]:
    """The asset graph as the freshness rules see it: lake table, partitioning, inputs."""
    graph = {}
    for asset in all_assets:
        name = asset.key.to_user_string()
        table = asset.specs_by_key[asset.key].metadata.get("lake_table", name)
        deps = tuple(sorted(d.to_user_string() for d in asset.dependency_keys))
        takes_range = asset.partitions_def is not None  # every daily asset takes a range
        version = asset.code_versions_by_key.get(asset.key) or ""
        graph[name] = Stage(
            name, str(table), asset.partitions_def is not None, deps, takes_range, version
        )
    return graph


def day_label(days: Sequence[dt.date]) -> str:
    return days[0].isoformat() if len(days) == 1 else f"{days[0]}..{days[-1]}"


def run_range(
    run: Callable[[Sequence[str], Sequence[dt.date]], dict[str, int]],
    selection: Sequence[str],
    days: Sequence[dt.date],
    progress: Progress,
) -> Iterator[tuple[str, dict[str, int]]]:
    """One run over the days; if a run over several days fails, the days again one run
    each, so the good days land and the failure names its day (then stops the plan, as a
    one-day run's failure does)."""
    try:
        yield day_label(days), run(selection, days)
        return
    except Exception as exc:
        if len(days) == 1:
            raise
        progress(f"{day_label(days)}: the run failed ({_first_line(exc)}); again one day at a time")
    for day in days:
        yield day_label([day]), run(selection, [day])


def ingest_days(
    days: Sequence[dt.date],
    home: str | None = None,
    sources: str | None = None,
    instance: DagsterInstance | None = None,
    progress: Progress = lambda message: None,
) -> dict[str, dict[str, int]]:
    """Materialise every asset for ``days``; returns row counts per day and asset."""
    graph = stage_graph()
    daily = [name for name in topological(graph) if graph[name].partitioned]
    cross = [name for name in topological(graph) if not graph[name].partitioned]
    work = Plan({day: daily for day in days}, cross)
    return run_plan(work, home, sources, instance, progress)


def run_plan(
    work: Plan,
    home: str | None = None,
    sources: str | None = None,
    instance: DagsterInstance | None = None,
    progress: Progress = lambda message: None,
) -> dict[str, dict[str, int]]:
    """Materialise a plan in four phases, so a range costs one cross-day pass, not one per
    day: the days' ingest stages, cross-day linking, the daily aggregates (which read the
    linked entities), then the cross-day aggregates; the last three are one run when the
    aggregates cover one range (``later_runs``), and all four when the days' stages cover
    that range too (``one_run``; if that run fails, the phases run again one by one, so the
    good days land and the failure names its day). Each finished step is recorded in the
    home's build log. The stages' per-article work shares one set of worker processes for
    the whole plan (``workers.processes``). The analyst's file is brought up to date once,
    when the plan ends or stops (``published_at_end``: also what the runs' steps wrote
    before one failed): between its runs nothing reads it, and on a new home each run's
    first tables would otherwise rewrite it again."""
    # Workers that will extract, recognise and quote start loading now, beside the set-up.
    stages = (stage for day_stages in work.daily.values() for stage in day_stages)
    with run_wide_workers(stages, home_dir(home)):
        return _run_phases(work, home, sources, instance, progress)


def _run_phases(
    work: Plan,
    home: str | None,
    sources: str | None,
    instance: DagsterInstance | None,
    progress: Progress,
) -> dict[str, dict[str, int]]:
    """``run_plan``'s phases, in a ``stage_workers`` block."""
    settings = current()
    resources = {
        "wiredesk": configured_resource(
            settings.settings,
            home=str(home_dir(home)),
            sources_file=str(sources_file(sources)),
        )
    }
    instance = instance or dagster_instance()
    graph = stage_graph()
    log = BuildLog(local_home(home) / "state")
    log.save(graph, code_stamp())

    def run(selection: Sequence[str], days: Sequence[dt.date] = ()) -> dict[str, int]:
        """One run: a cross-day selection (no days), one day, or consecutive days as a range
        (only for assets whose backfill policy takes a range in one run)."""
        tags = {"wiredesk/trigger": "cli", CONFIG_TAG: settings.hash}
        if len(days) > 1:
            tags[RANGE_START], tags[RANGE_END] = days[0].isoformat(), days[-1].isoformat()
        result = materialize(
            all_assets,
            selection=list(selection),
            partition_key=days[0].isoformat() if len(days) == 1 else None,
            resources=resources,
            instance=instance,
            tags=tags,
            run_config=QUIET,
        )
        for stage, started in step_starts(instance, result.run_id).items():
            daily = stage not in graph or graph[stage].partitioned
            key = graph[stage].build_key if stage in graph else stage
            log.record([key], list(days) if daily and days else [None], started)
        log.save()
        return _counts(result)

    report: dict[str, dict[str, int]] = {}

    def show(label: str, counts: dict[str, int]) -> None:
        """Counts under the run's days, a cross-day table's under "all days"."""
        daily = [k for k in counts if k not in graph or graph[k].partitioned]
        cross = [k for k in counts if k not in daily]
        for where, shown in ((label, daily), ("all days", cross)):
            if shown:
                report.setdefault(where, {}).update({k: counts[k] for k in shown})
                progress(f"{where:<10}  " + "  ".join(f"{k} {counts[k]}" for k in shown))

    runs = day_runs(work, DAY_STAGES, graph) + later_runs(work, graph)
    if (whole := one_run(runs)) is not None:
        days, selection = whole
        try:
            show(day_label(days), run(selection, days))
            return report
        except Exception as exc:  # noqa: BLE001 - shown, then the phases find the day
            progress(
                f"{day_label(days)}: the run failed ({_first_line(exc)}); again phase by phase"
            )
    for days, selection in runs:
        if days:
            for label, counts in run_range(run, selection, days, progress):
                show(label, counts)
        else:
            show("all days", run(selection))
    return report


def one_run(
    runs: Sequence[tuple[list[dt.date], list[str]]],
) -> tuple[list[dt.date], list[str]] | None:
    """The days' stages and the later stages as one run, when each is one run over the same
    days (a new range, or a day's new items): one run's set-up instead of two, and its
    planned events written while the workers extract. None otherwise."""
    if len(runs) == 2 and runs[0][0] and runs[0][0] == runs[1][0]:
        return runs[0][0], [*runs[0][1], *runs[1][1]]
    return None


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
