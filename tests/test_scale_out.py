"""Past one process: Dagster's Postgres storage and the multiprocess executor, two days at once."""

import datetime as dt
import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from dagster import DagsterInstance, validate_run_config

from pipelines.executors import PRELOADED_FORKSERVER, STEP_IMPORTS, configured_executor
from pipelines.runner import ingest_days
from tests.conftest import REPO
from tests.postgres import running_postgres
from wiredesk.store.memory import memory_connection

DAYS = ["2026-11-16", "2026-11-17"]

#: What must match between the runs: content, not timestamps or run ids.
FINGERPRINTS = {
    "articles": "SELECT article_id, content_hash, cluster_id, day FROM articles",
    "quotes": "SELECT quote_id, speaker, speaker_entity_id, day FROM quotes",
    "entity_mentions": "SELECT article_id, entity_id, start_char, day FROM entity_mentions",
    "entities": "SELECT entity_id, name, type, article_count FROM entities",
    "daily_entity_mentions": "SELECT * FROM daily_entity_mentions",
    "daily_speaker_quotes": "SELECT * FROM daily_speaker_quotes",
}


def fingerprint(home: Path) -> dict[str, list]:
    con = memory_connection(home)
    try:
        return {
            name: sorted(map(repr, con.execute(sql).fetchall()))
            for name, sql in FINGERPRINTS.items()
        }
    finally:
        con.close()


#: The run config of a process per step.
MULTIPROCESS = REPO / "deploy" / "run_config" / "multiprocess.yaml"


def dagster_job(
    job: str, day: str, env: dict, config: Path | None = MULTIPROCESS
) -> subprocess.Popen:
    """``dagster job execute`` for one day, output and errors together (no ``config``: none)."""
    command = [
        str(Path(sys.executable).with_name("dagster")),
        *("job", "execute", "-m", "pipelines.definitions", "-j", job),
        *(("-c", str(config)) if config is not None else ()),
        *("--tags", json.dumps({"dagster/partition": day})),
    ]
    return subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def finish(run: subprocess.Popen) -> str:
    output, _ = run.communicate(timeout=600)
    assert run.returncode == 0, output[-3000:]
    return output


def test_parallel_days_on_postgres_match_the_in_process_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference = tmp_path / "in-process"
    ingest_days(
        [dt.date.fromisoformat(d) for d in DAYS],
        home=str(reference),
        sources=str(REPO / "sources.yaml"),
        instance=DagsterInstance.ephemeral(),
    )

    with running_postgres() as pg:
        dagster_home = tmp_path / "dagster"
        dagster_home.mkdir()
        shutil.copy(REPO / "deploy" / "dagster.yaml", dagster_home / "dagster.yaml")
        url = (
            f"postgresql+psycopg2://{pg['username']}@{pg['hostname']}:{pg['port']}/{pg['db_name']}"
        )
        settings = {"DAGSTER_PG_URL": url}
        for key, value in settings.items():
            monkeypatch.setenv(key, value)
        scaled = tmp_path / "scaled"
        env = dict(
            os.environ,
            DAGSTER_HOME=str(dagster_home),
            WIREDESK_HOME=str(scaled),
            WIREDESK_SOURCES=str(REPO / "sources.yaml"),
        )

        # Create the storage schema once, as an operator does, before runs start in parallel.
        DagsterInstance.from_config(str(dagster_home)).dispose()
        for run in [dagster_job("ingest_stages", day, env) for day in DAYS]:  # both at once
            finish(run)
        for day in DAYS:
            finish(dagster_job("link_and_aggregate", day, env))

        instance = DagsterInstance.from_config(str(dagster_home))
        try:
            records = instance.get_runs()
            assert len(records) == 4
            assert all(r.status.value == "SUCCESS" for r in records)
            assert {r.tags["dagster/partition"] for r in records} == set(DAYS)
        finally:
            instance.dispose()

    expected = fingerprint(reference)
    assert [name for name, rows in expected.items() if not rows] == []  # every table compared
    assert fingerprint(scaled) == expected


def test_executor_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREDESK_EXECUTOR", "in_process")
    assert configured_executor().name == "in_process"
    monkeypatch.setenv("WIREDESK_EXECUTOR", "multiprocess")
    assert configured_executor().name == "multi_or_in_process_executor"
    steps = configured_executor().config_schema  # forked from a preloaded server...
    forked = steps.resolve_config({"config": {"multiprocess": {"max_concurrent": 2}}}).value
    assert forked["config"]["multiprocess"]["start_method"] == PRELOADED_FORKSERVER
    assert forked["config"]["multiprocess"]["max_concurrent"] == 2
    spawned = {"multiprocess": {"start_method": {"spawn": {}}}}  # ...unless the run says
    assert steps.resolve_config({"config": spawned}).value["config"]["multiprocess"][
        "start_method"
    ] == {"spawn": {}}
    assert "in_process" in steps.resolve_config({"config": {"in_process": {}}}).value["config"]
    # A run that names no mode runs every step in its own process (with the run's workers).
    from pipelines.definitions import defs

    execution = validate_run_config(defs.get_job_def("daily_ingest"), {})["execution"]
    assert list(execution["multi_or_in_process_executor"]) == ["in_process"]
    for module in STEP_IMPORTS:  # the server skips a module it cannot import: none here
        importlib.import_module(module)
    monkeypatch.setenv("WIREDESK_EXECUTOR", "carrier-pigeon")
    with pytest.raises(ValueError, match="WIREDESK_EXECUTOR"):
        configured_executor()


def test_without_a_fork_server_steps_start_as_dagster_starts_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import multiprocessing

    from pipelines.executors import forked_steps

    assert forked_steps({"multiprocess": {}})["multiprocess"]["start_method"] == (
        PRELOADED_FORKSERVER
    )
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert forked_steps({"multiprocess": {}}) == {"multiprocess": {}}  # as on Windows
