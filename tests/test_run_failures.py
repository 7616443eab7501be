from pathlib import Path

from dagster import DagsterEventType, DagsterInstance, build_run_status_sensor_context, materialize

from pipelines.definitions import all_assets
from pipelines.resources import WiredeskResource
from pipelines.sensors import failure_record, record_run_failure
from wiredesk.store.lake import Lake


def test_failed_run_is_recorded_with_partition_and_step(tmp_path: Path, monkeypatch) -> None:
    bad = tmp_path / "sources.yaml"
    bad.write_text("sources: [{id: x, kind: carrier-pigeon, location: y}]\n", encoding="utf-8")
    home = tmp_path / "home"
    monkeypatch.setenv("WIREDESK_HOME", str(home))
    instance = DagsterInstance.ephemeral()
    result = materialize(
        all_assets,
        selection=["feed_items"],
        partition_key="2026-11-16",
        instance=instance,
        resources={"wiredesk": WiredeskResource(home=str(home), sources_file=str(bad))},
        raise_on_error=False,
    )
    assert not result.success
    failure = next(e for e in result.all_events if e.event_type == DagsterEventType.RUN_FAILURE)
    context = build_run_status_sensor_context(
        sensor_name="record_run_failure",
        dagster_instance=instance,
        dagster_run=result.dagster_run,
        dagster_event=failure,
    ).for_run_failure()
    record_run_failure(context)

    (row,) = Lake(home).read("run_failures").to_pylist()
    assert row["run_id"] == result.run_id
    assert row["partition"] == "2026-11-16"
    assert row["failed_steps"] == ["feed_items"]
    assert "kind" in row["error"] and "sources.yaml" in row["error"]


def test_failure_record_keeps_the_first_line_only() -> None:
    row = failure_record("r1", "daily_ingest", {}, ["b", "a", "a"], "boom: bad\nTraceback...")
    assert (row["partition"], row["failed_steps"], row["error"]) == (None, ["a", "b"], "boom: bad")
