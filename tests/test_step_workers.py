"""A per-article stage run outside ``wiredesk ingest``'s run-wide workers (a step of Dagster's
executors) opens workers of its own when it has enough items."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest
from dagster import DagsterInstance, materialize

from pipelines.definitions import all_assets
from pipelines.resources import configured_resource
from tests.conftest import REPO
from tests.test_stage_workers import (
    NOW,
    SAMPLE_DAY,
    _pages,
    _tables,
    mark_warm,
    pids,
    running,
    warm_pids,
)
from wiredesk import work_ahead
from wiredesk import workers as workers_module
from wiredesk.store import connect_readonly, ensure_warehouse
from wiredesk.workers import (
    pool_reads_ahead,
    stage_map,
    stage_workers,
    step_workers,
)


@pytest.fixture
def two_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREDESK_WORKERS", "2")


@pytest.mark.usefixtures("two_workers")
def test_a_step_starts_workers_of_its_own_only_for_enough_items_and_stops_them() -> None:
    here = os.getpid()
    with step_workers(mark_warm, min_items=10) as count:
        assert count == 2 and not pool_reads_ahead()
        assert stage_map(pids, list(range(9))) == [(i, here) for i in range(9)]
        assert not multiprocessing.active_children()  # too few: no worker started
        found = stage_map(warm_pids, list(range(40)))
        workers = {pid for pid, _ in found}
        assert len(workers) == 2 and here not in workers
        # Forked from a server that ran the step's warm-up before any batch.
        assert all(len(warmed) == 2 and warmed[1] == pid for pid, warmed in found)
        # Once started, even a few items go to them.
        assert here not in {pid for _, pid in stage_map(pids, list(range(3)))}
    assert not any(map(running, workers))


@pytest.mark.usefixtures("two_workers")
def test_inside_a_run_block_a_step_shares_the_run_workers() -> None:
    with stage_workers(2):
        run_workers = {pid for _, pid in stage_map(pids, list(range(40)))}
        with step_workers(mark_warm, min_items=1000):  # its threshold is not the run's
            assert pool_reads_ahead()
            assert {pid for _, pid in stage_map(pids, list(range(40)))} == run_workers
        assert all(map(running, run_workers))  # still the run's after the step's block


def test_on_one_core_a_step_works_where_it_is_called(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREDESK_WORKERS", "1")
    with step_workers(mark_warm, min_items=1) as count:
        assert count == 1
        assert stage_map(pids, list(range(40))) == [(i, os.getpid()) for i in range(40)]


@pytest.mark.usefixtures("two_workers")
def test_a_step_s_workers_sign_what_they_extract_and_read_nothing_ahead() -> None:
    from wiredesk.syndication import SIGNATURE

    with step_workers(mark_warm, min_items=1):
        rows = work_ahead.extract_all([(page, {}, NOW) for page in _pages() * 2])
        assert not work_ahead._kept and not work_ahead._pending
    extracted = [row for row in rows if isinstance(row, dict)]
    assert extracted and all(row[SIGNATURE].signs(row["text"]) for row in extracted)


def test_dagster_steps_on_their_own_workers_write_what_one_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The day stages through ``materialize()`` (no run-wide block): every per-article step
    on workers of its own, against the same steps worked where they run."""
    monkeypatch.setattr("wiredesk.workers.STEP_POOL_ITEMS", 1)
    monkeypatch.setattr("wiredesk.stages.QUOTE_STEP_POOL_ITEMS", 1)
    started: list[str] = []
    start = workers_module._StagePool.start

    def noting_start(pool: workers_module._StagePool) -> None:
        if pool.deferred_warm_up is not None:
            started.append(pool.deferred_warm_up.__name__)
        start(pool)

    monkeypatch.setattr(workers_module._StagePool, "start", noting_start)
    stages = ["feed_items", "raw_pages", "articles", "entity_mentions", "quotes", "entities"]
    tables = {}
    for workers in (1, 2):
        monkeypatch.setenv("WIREDESK_WORKERS", str(workers))
        home = tmp_path / f"home{workers}"
        resource = configured_resource(home=str(home), sources_file=str(REPO / "sources.yaml"))
        for selection, partition in ((stages[:-1], SAMPLE_DAY.isoformat()), (stages[-1:], None)):
            result = materialize(
                all_assets,
                selection=selection,
                partition_key=partition,
                resources={"wiredesk": resource},
                instance=DagsterInstance.ephemeral(),
            )
            assert result.success
        assert not multiprocessing.active_children()  # each step's workers stopped with it
        ensure_warehouse(home)
        tables[workers] = _tables(home)
        assert started == ([] if workers == 1 else [
            "warm_up_extracting_worker", "warm_up_recognising_worker", "warm_up_quoting_worker"
        ])  # fmt: skip
    assert tables[1]["articles"] and tables[1]["quotes"]
    assert tables[1] == tables[2]


MAIN_SCRIPT = """\
import os, sys
with open(sys.argv[1], "a") as marks:
    marks.write(__name__ + "\\n")
if __name__ == "__main__":
    from tests.test_stage_workers import mark_warm, worker_pids
    from wiredesk.workers import stage_map, stage_workers
    with stage_workers(2, warm_up=mark_warm):
        found = set(stage_map(worker_pids, list(range(40))))
    assert len(found) == 2 and os.getpid() not in found
"""


def test_workers_do_not_run_the_main_script_of_the_process_that_started_them(
    tmp_path: Path,
) -> None:
    """A worker runs functions of importable modules only: the script that started it (the
    ``dagster`` command, with Dagster's CLI) is not run again in it."""
    script, marks = tmp_path / "main_script.py", tmp_path / "marks.txt"
    script.write_text(MAIN_SCRIPT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    run = subprocess.run(
        [sys.executable, str(script), str(marks)], capture_output=True, text=True, env=env
    )
    assert run.returncode == 0, run.stderr
    assert marks.read_text(encoding="utf-8").split() == ["__main__"]


def test_a_job_dagster_runs_in_its_own_process_has_workers_for_the_whole_run(
    tmp_path: Path,
) -> None:
    """``dagster job execute`` with no run config: every step in the run's process (the
    default mode), the stage workers open for the run, and the tables ``wiredesk ingest``
    writes for the same day."""
    from pipelines.executors import RUN_WORKERS_NOTE
    from pipelines.runner import ingest_days
    from tests.test_scale_out import dagster_job, fingerprint, finish

    env = dict(
        os.environ,
        DAGSTER_HOME=str(tmp_path / "dagster"),
        WIREDESK_HOME=str(tmp_path / "job"),
        WIREDESK_SOURCES=str(REPO / "sources.yaml"),
        WIREDESK_WORKERS="2",
    )
    (tmp_path / "dagster").mkdir()
    output = finish(dagster_job("daily_ingest", SAMPLE_DAY.isoformat(), env, config=None))
    assert "Executing steps in process" in output
    assert f"{RUN_WORKERS_NOTE}: 2" in output
    ingest_days(
        [SAMPLE_DAY],
        home=str(tmp_path / "ingest"),
        sources=str(REPO / "sources.yaml"),
        instance=DagsterInstance.ephemeral(),
    )
    assert fingerprint(tmp_path / "job") == fingerprint(tmp_path / "ingest")
    # The analyst's file, written once at the run's end, holds what the run wrote.
    con = connect_readonly(tmp_path / "job")
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == len(
            fingerprint(tmp_path / "job")["articles"]
        )
    finally:
        con.close()
