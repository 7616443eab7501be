"""Watch the drop folders: new or changed files start a run for the days they belong to."""

import datetime as dt
import json
from pathlib import Path

from dagster import (
    AssetKey,
    DefaultSensorStatus,
    EventLogEntry,
    RunFailureSensorContext,
    RunRequest,
    SensorEvaluationContext,
    SkipReason,
    asset_sensor,
    run_failure_sensor,
    sensor,
)

from pipelines.jobs import daily_ingest_job, process_new_items_job
from pipelines.partitions import daily_partitions
from pipelines.resources import config_tags
from wiredesk.sources import FeedItem, SourcesError, folder_day, list_files, load_sources, scan_file
from wiredesk.store import Lake, ensure_warehouse, home_dir, sources_file, stable_id


def drop_folder_state(sources_path: Path) -> dict[str, list]:
    """Every drop-folder file with its size and modification time."""
    state: dict[str, list] = {}
    for source in load_sources(sources_path):
        if source.kind != "dropfolder" or not source.enabled or source.is_remote:
            continue
        for path in list_files(Path(source.location)):
            stat = path.stat()
            state[str(path)] = [source.source_id, stat.st_size, stat.st_mtime_ns]
    return state


def changed_days(previous: dict[str, list], current: dict[str, list]) -> set[str]:
    """Partition keys of files that are new or changed since the previous state."""
    days: set[str] = set()
    for path, (source_id, size, mtime) in current.items():
        if previous.get(path) == [source_id, size, mtime]:
            continue
        result = scan_file(Path(path), source_id)
        if isinstance(result, FeedItem) and result.published_at:
            days.add(result.published_at.date().isoformat())
        else:
            day = folder_day(Path(path)) or getattr(result, "day", None)
            if day:
                days.add(day.isoformat())
    return days


@sensor(
    job=daily_ingest_job,
    minimum_interval_seconds=60,
    default_status=DefaultSensorStatus.STOPPED,
    description="Starts a run per day for files new or changed in any drop folder.",
)
def drop_folder_sensor(context: SensorEvaluationContext):  # noqa: ANN201 - generator
    try:
        current = drop_folder_state(sources_file())
    except SourcesError as exc:
        yield SkipReason(str(exc))
        return
    previous = json.loads(context.cursor) if context.cursor else {}
    days = changed_days(previous, current)
    valid = set(daily_partitions.get_partition_keys())
    requested = sorted(day for day in days if day in valid)
    for day in requested:
        yield RunRequest(
            run_key=f"drop-{day}-{stable_id(json.dumps(current, sort_keys=True))}",
            partition_key=day,
            tags=config_tags(),
        )
    if not requested:
        yield SkipReason("no new or changed files in the drop folders")
    context.update_cursor(json.dumps(current))


def failure_record(run_id: str, job_name: str, tags: dict, steps: list[str], error: str) -> dict:
    """The row written for one failed run (plain data, so it is easy to test)."""
    first_line = (error or "").strip().splitlines()[0] if (error or "").strip() else "unknown"
    return {
        "run_id": run_id,
        "job_name": job_name,
        "partition": tags.get("dagster/partition"),
        "failed_steps": sorted(set(steps)),
        "error": first_line[:500],
        "failed_at": dt.datetime.now(dt.UTC),
    }


@run_failure_sensor(
    default_status=DefaultSensorStatus.RUNNING,
    description="Records every failed run (job, partition, failed steps, error) in the "
    "run_failures table and the log.",
)
def record_run_failure(context: RunFailureSensorContext) -> None:
    run = context.dagster_run
    steps = [event.step_key for event in context.get_step_failure_events() if event.step_key]
    error = context.failure_event.message or ""
    for event in context.get_step_failure_events():
        data = event.event_specific_data
        info = getattr(data, "error", None)
        while info is not None and info.cause is not None:  # the user's error, not the wrapper
            info = info.cause
        if info is not None:
            error = info.message
            break
    row = failure_record(run.run_id, run.job_name, run.tags, steps, error)
    context.log.error(
        f"run {row['run_id']} of {row['job_name']} failed"
        f"{' for ' + row['partition'] if row['partition'] else ''}: "
        f"steps {', '.join(row['failed_steps']) or 'none'}: {row['error']}"
    )
    lake = Lake(home_dir())
    lake.write("run_failures", [row], row["failed_at"].date(), part=row["run_id"])
    ensure_warehouse(home_dir())


@asset_sensor(
    asset_key=AssetKey("feed_items"),
    job=process_new_items_job,
    default_status=DefaultSensorStatus.STOPPED,
    description="When a feed poll finds new items, processes that day downstream.",
)
def new_items_sensor(context: SensorEvaluationContext, asset_event: EventLogEntry):  # noqa: ANN201
    materialization = asset_event.asset_materialization
    if materialization is None or materialization.partition is None:
        return SkipReason("feed_items materialised without a partition")
    unchanged = materialization.metadata.get("partition_unchanged")
    if unchanged is not None and unchanged.value:
        return SkipReason(f"no new items for {materialization.partition}")
    return RunRequest(
        run_key=f"new-items-{asset_event.run_id}",
        partition_key=materialization.partition,
        tags={"wiredesk/trigger": "new_items", **config_tags()},
    )
