"""The runner: a range of days as one run, and the Dagster instance it writes history to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest
from dagster import DagsterEventType, asset, materialize
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage

from pipelines.event_log import KeptOpenSqliteEventLogStorage
from pipelines.runner import (
    AFTER_AGGREGATES,
    CROSS_DAY,
    PLAIN_INSTANCE,
    aggregate_names,
    dagster_instance,
    later_runs,
    one_run,
    run_plan,
    run_range,
    stage_graph,
)
from wiredesk.store import Plan

DAYS = [dt.date(2026, 11, 16), dt.date(2026, 11, 17), dt.date(2026, 11, 18)]


class Runs:
    """A stand-in for one Dagster run: fails any run that includes ``bad``."""

    def __init__(self, bad: dt.date | None) -> None:
        self.bad = bad
        self.calls: list[list[dt.date]] = []

    def __call__(self, selection: Sequence[str], days: Sequence[dt.date]) -> dict[str, int]:
        self.calls.append(list(days))
        if self.bad in days:
            raise RuntimeError(f"step failed on {self.bad}\ntraceback lines")
        return {"articles": len(days)}


def test_a_range_is_one_run() -> None:
    runs, said = Runs(bad=None), []
    assert list(run_range(runs, ["articles"], DAYS, said.append)) == [
        ("2026-11-16..2026-11-18", {"articles": 3})
    ]
    assert runs.calls == [DAYS] and said == []


def test_a_failed_range_runs_its_days_one_by_one_and_stops_at_the_bad_day() -> None:
    runs, said, done = Runs(bad=DAYS[1]), [], []
    with pytest.raises(RuntimeError, match="2026-11-17"):
        for label, counts in run_range(runs, ["articles"], DAYS, said.append):
            done.append((label, counts))
    assert done == [("2026-11-16", {"articles": 1})]  # the good day before it landed
    assert runs.calls == [DAYS, [DAYS[0]], [DAYS[1]]]
    assert said == [
        "2026-11-16..2026-11-18: the run failed (step failed on 2026-11-17); "
        "again one day at a time"
    ]


def test_a_failed_single_day_fails_at_once() -> None:
    runs = Runs(bad=DAYS[0])
    with pytest.raises(RuntimeError):
        list(run_range(runs, ["articles"], DAYS[:1], lambda _: None))
    assert runs.calls == [DAYS[:1]]


def test_linking_aggregates_and_trends_are_one_run_over_one_range() -> None:
    aggregates = aggregate_names()
    work = Plan({day: aggregates for day in DAYS}, [*CROSS_DAY, *AFTER_AGGREGATES])
    [(days, selection)] = later_runs(work, stage_graph())
    assert days == DAYS
    assert selection == [*CROSS_DAY, *aggregates, *AFTER_AGGREGATES]


def test_days_apart_keep_a_run_per_phase() -> None:
    aggregates = aggregate_names()
    apart = [DAYS[0], DAYS[2]]  # not one range: the aggregates take a run per day
    work = Plan({day: aggregates for day in apart}, ["entities", "top_quotes"])
    assert later_runs(work, stage_graph()) == [
        ([], ["entities"]),
        ([DAYS[0]], aggregates),
        ([DAYS[2]], aggregates),
        ([], ["top_quotes"]),
    ]


def test_cross_day_tables_alone_are_a_run_without_days() -> None:
    work = Plan({}, ["syndication"])
    assert later_runs(work, stage_graph()) == [([], ["syndication"])]
    assert later_runs(Plan({}, []), stage_graph()) == []


def test_the_day_stages_and_the_later_stages_of_one_range_are_one_run() -> None:
    days = DAYS[:2]
    assert one_run([(days, ["articles"]), (days, ["entities", "daily_source_volume"])]) == (
        days,
        ["articles", "entities", "daily_source_volume"],
    )
    assert one_run([(days, ["articles"]), (DAYS[1:], ["daily_source_volume"])]) is None
    assert one_run([(days, ["articles"]), ([], ["entities"])]) is None  # no days in common
    assert one_run([([DAYS[0]], ["articles"]), ([DAYS[2]], ["articles"])]) is None
    assert one_run([(days, ["articles"])]) is None


def test_a_failed_whole_run_runs_again_phase_by_phase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One run for a new day fails (a step that fails only when every stage is in one run):
    the phases run again one by one, and the day lands."""
    import pipelines.runner as runner
    from tests.conftest import REPO

    real = runner.materialize
    selections: list[list[str]] = []

    def failing_whole(assets, selection, **kwargs):  # noqa: ANN001, ANN202
        selections.append(list(selection))
        if "feed_items" in selection and "entities" in selection:
            raise RuntimeError("the whole run failed\nits traceback")
        return real(assets, selection=selection, **kwargs)

    monkeypatch.setattr(runner, "materialize", failing_whole)
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster"))
    graph = stage_graph()
    daily = [name for name in graph if graph[name].partitioned]
    cross = [name for name in graph if not graph[name].partitioned]
    said: list[str] = []
    day = dt.date(2026, 11, 16)
    report = run_plan(
        Plan({day: daily}, cross),
        str(tmp_path / "home"),
        str(REPO / "sources.yaml"),
        None,
        said.append,
    )
    assert said[0] == "2026-11-16: the run failed (the whole run failed); again phase by phase"
    assert len(selections) == 3  # the whole run, then the day's stages, then the rest
    assert report["2026-11-16"]["articles"] > 0 and report["all days"]["entities"] > 0


@asset
def tiny() -> int:
    return 1


def test_a_new_home_keeps_its_event_log_open_and_any_reader_sees_the_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    instance = dagster_instance()
    assert isinstance(instance.event_log_storage, KeptOpenSqliteEventLogStorage)
    result = materialize([tiny], instance=instance)
    assert result.success
    # Dagster's own storage (the web UI's, or an older wiredesk) reads the same history.
    plain = SqliteEventLogStorage(str(tmp_path / "history" / "runs"))
    logs = plain.get_logs_for_run(result.run_id)
    types = {e.dagster_event.event_type for e in logs if e.dagster_event}
    assert DagsterEventType.ASSET_MATERIALIZATION in types and DagsterEventType.RUN_SUCCESS in types
    instance.event_log_storage.close_engines()
    assert not list((tmp_path / "history" / "runs").glob("*.db-wal"))  # folded back in


def test_an_old_default_file_is_upgraded_and_a_hand_written_one_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    config = tmp_path / "dagster.yaml"
    config.write_text(PLAIN_INSTANCE, encoding="utf-8")
    dagster_instance()
    assert "KeptOpenSqliteEventLogStorage" in config.read_text(encoding="utf-8")
    own = "telemetry:\n  enabled: false\n# mine\n"
    config.write_text(own, encoding="utf-8")
    dagster_instance()
    assert config.read_text(encoding="utf-8") == own


def test_every_run_database_is_stamped_with_dagsters_newest_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from alembic.script import ScriptDirectory
    from alembic.util import coerce_resource_to_filename
    from dagster._core.storage.sql import ALEMBIC_SCRIPTS_LOCATION, get_alembic_config

    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    instance = dagster_instance()
    config = get_alembic_config(__file__)  # the script location Dagster's storages use
    assert ScriptDirectory.from_config(config) is ScriptDirectory.from_config(config)
    # Read afresh, not through the shared directory.
    newest = ScriptDirectory(
        coerce_resource_to_filename(ALEMBIC_SCRIPTS_LOCATION)
    ).get_current_head()
    runs = [materialize([tiny], instance=instance).run_id for _ in range(2)]
    instance.event_log_storage.close_engines()
    for run_id in runs:
        with sqlite3.connect(tmp_path / "history" / "runs" / f"{run_id}.db") as db:
            assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(newest,)]
