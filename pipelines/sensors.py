"""Watch the drop folders: new or changed files start a run for the days they belong to."""

import json
from pathlib import Path

from dagster import (
    DefaultSensorStatus,
    RunRequest,
    SensorEvaluationContext,
    SkipReason,
    sensor,
)

from pipelines.jobs import daily_ingest_job
from pipelines.partitions import daily_partitions
from wiredesk.config import sources_file
from wiredesk.sources.config import SourcesError, load_sources
from wiredesk.sources.dropfolder import folder_day, list_files, scan_file
from wiredesk.sources.items import FeedItem


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
            run_key=f"drop-{day}-{len(current)}-{hash(frozenset(current))}", partition_key=day
        )
    if not requested:
        yield SkipReason("no new or changed files in the drop folders")
    context.update_cursor(json.dumps(current))
