import datetime as dt
from pathlib import Path

from dagster import (
    DagsterInstance,
    RunRequest,
    build_schedule_context,
    build_sensor_context,
    materialize,
)

from pipelines.definitions import all_assets, defs
from pipelines.resources import WiredeskResource
from pipelines.schedules import feed_poll_schedule
from pipelines.sensors import new_items_sensor
from tests.fixtures import NEWSML
from wiredesk.sources.config import Source
from wiredesk.sources.polling import PollState, due_sources

NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


def source(source_id: str, kind: str = "feed", minutes: int | None = None) -> Source:
    return Source(
        source_id, source_id, kind, f"https://{source_id}.example/rss", poll_minutes=minutes
    )


def test_each_source_waits_for_its_own_interval() -> None:
    sources = [
        source("fast", minutes=5),
        source("slow", minutes=60),
        source("new"),
        source("drop", kind="dropfolder"),
    ]
    last = {"fast": NOW - dt.timedelta(minutes=6), "slow": NOW - dt.timedelta(minutes=20)}
    due = [s.source_id for s in due_sources(sources, last, NOW, default_minutes=15)]
    assert due == ["fast", "new"]  # never-polled sources are due; drop folders are not polled


def test_poll_state_round_trips(tmp_path: Path) -> None:
    state = PollState(tmp_path)
    assert state.load() == {}
    state.record(["a", "b"], NOW)
    state.record(["b"], NOW + dt.timedelta(minutes=1))
    assert state.load() == {"a": NOW, "b": NOW + dt.timedelta(minutes=1)}


def test_poll_schedule_targets_todays_partition_as_a_poll() -> None:
    context = build_schedule_context(
        scheduled_execution_time=NOW, repository_def=defs.get_repository_def()
    )
    request = feed_poll_schedule.evaluate_tick(context).run_requests[0]
    assert request.partition_key == "2026-11-20"
    assert request.tags["wiredesk/trigger"] == "poll"


def test_new_items_start_the_downstream_job_and_unchanged_polls_do_not(tmp_path: Path) -> None:
    drop = tmp_path / "drop" / "2026-11-16"
    drop.mkdir(parents=True)
    (drop / "a.xml").write_text(NEWSML, encoding="utf-8")
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources:\n  - id: w\n    kind: dropfolder\n    location: drop\n")
    instance = DagsterInstance.ephemeral()
    resource = WiredeskResource(home=str(tmp_path / "home"), sources_file=str(sources))

    def poll() -> list:
        materialize(
            all_assets,
            selection=["feed_items"],
            partition_key="2026-11-16",
            instance=instance,
            resources={"wiredesk": resource},
        )
        context = build_sensor_context(
            instance=instance, cursor=cursor[0], repository_def=defs.get_repository_def()
        )
        result = new_items_sensor.evaluate_tick(context)
        cursor[0] = result.cursor
        return result.run_requests

    cursor: list = [None]
    first = poll()
    assert [r.partition_key for r in first] == ["2026-11-16"]
    assert new_items_sensor.job_name == "process_new_items"
    assert isinstance(first[0], RunRequest)
    assert poll() == []  # the same items again: nothing to process
