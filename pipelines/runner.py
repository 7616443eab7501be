"""In-process materialisation of day ranges, used by ``wiredesk ingest`` and the tests.

Per-day stages run first for every day, then the cross-day entity linking once, then the
daily aggregates, so a range costs one linking pass instead of one per day.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from dagster import DagsterInstance, materialize

from pipelines.definitions import all_assets
from pipelines.resources import WiredeskResource
from wiredesk.config import home_dir, sources_file
from wiredesk.fetch import Fetcher
from wiredesk.sources.config import load_sources
from wiredesk.sources.discover import discover, item_day

DAY_STAGES = ("feed_items", "raw_pages", "articles", "entity_mentions", "quotes")
CROSS_DAY = ("entities", "syndication")
#: Cross-day aggregates: after every day's aggregates, once per range.
AFTER_AGGREGATES = ("trending_entities", "top_quotes")
#: The CLI prints its own progress and the failures; Dagster's step log stays in run history.
QUIET = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}

Progress = Callable[[str], None]


def aggregate_names() -> list[str]:
    taken = set(DAY_STAGES) | set(CROSS_DAY) | set(AFTER_AGGREGATES)
    return [a.key.to_user_string() for a in all_assets if a.key.to_user_string() not in taken]


def dagster_instance() -> DagsterInstance:
    """The persistent instance in ``$DAGSTER_HOME`` (default ``./.dagster``), so CLI runs
    appear in the UI's run history."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(Path(".dagster").resolve())))
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    return DagsterInstance.get()


def available_days(sources_path: Path) -> list[dt.date]:
    """Every day the enabled sources currently offer items for."""
    now = dt.datetime.now(dt.UTC)
    days: set[dt.date] = set()
    with Fetcher() as fetcher:
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


def ingest_days(
    days: Sequence[dt.date],
    home: str | None = None,
    sources: str | None = None,
    instance: DagsterInstance | None = None,
    progress: Progress = lambda message: None,
) -> dict[str, dict[str, int]]:
    """Materialise every asset for ``days``; returns row counts per day and asset."""
    resources = {
        "wiredesk": WiredeskResource(
            home=str(home_dir(home)), sources_file=str(sources_file(sources))
        )
    }
    instance = instance or dagster_instance()

    def run(selection: Sequence[str], key: str | None = None) -> dict[str, int]:
        result = materialize(
            all_assets,
            selection=list(selection),
            partition_key=key,
            resources=resources,
            instance=instance,
            tags={"wiredesk/trigger": "cli"},
            run_config=QUIET,
        )
        return _counts(result)

    def show(label: str, counts: dict[str, int]) -> None:
        progress(f"{label:<12}" + "  ".join(f"{k} {v}" for k, v in counts.items()))

    report: dict[str, dict[str, int]] = {}
    for day in days:
        report[day.isoformat()] = run(DAY_STAGES, day.isoformat())
        show(day.isoformat(), report[day.isoformat()])
    report["all days"] = run(CROSS_DAY)
    show("all days", report["all days"])
    for day in days:
        counts = run(aggregate_names(), day.isoformat())
        report[day.isoformat()].update(counts)
        show(day.isoformat(), counts)
    counts = run(AFTER_AGGREGATES)
    report["all days"].update(counts)
    show("all days", counts)
    return report
