"""Which executor runs a job's steps: ``workers.executor`` when the code loads.

``multiprocess`` (default: in-process for ``materialize``, a process per step otherwise, each
forked from a server that imported the definitions once: see ``forked_steps``),
``in_process``, ``k8s`` (every step a Kubernetes job; needs the ``scale`` extra) or
``celery`` (steps sent to Celery workers; needs the ``scale`` extra).
"""

from __future__ import annotations

import multiprocessing
from typing import Any

from dagster import ExecutorDefinition, in_process_executor, multi_or_in_process_executor

from wiredesk.settings import current_settings

EXECUTORS = ("multiprocess", "in_process", "k8s", "celery")
#: What a step's process imports besides the definitions: the instance's storage classes
#: (SQLite, this project's event log, PostgreSQL) with SQLAlchemy and Alembic, which Dagster
#: imports only as each step process creates its instance (about half a second a step), and
#: the Parquet dataset reader every step's first read of the lake imports (0.2–0.4 s).
#: A module a later Dagster no longer has is skipped by the server, not an error.
STEP_IMPORTS = [
    "dagster._core.instance.factory",
    "dagster._core.storage.sqlite_storage",
    "dagster._core.storage.event_log.sqlite",
    "dagster._core.storage.runs.sqlite",
    "dagster._core.storage.schedules.sqlite",
    "dagster._core.storage.local_compute_log_manager",
    "dagster._core.storage.migration.utils",
    "dagster._core.secrets.env_file",
    "alembic.runtime.migration",
    "pipelines.event_log",
    "dagster_postgres",
    "pyarrow.dataset",
]
#: How the multiprocess executor starts a step's process unless the run config says: forked
#: from a server that has imported the definitions (Dagster, DuckDB, the assets) and
#: ``STEP_IMPORTS`` once, where Dagster's default spawns a new interpreter that imports them
#: all again for every step.
PRELOADED_FORKSERVER = {"forkserver": {"preload_modules": ["pipelines.definitions", *STEP_IMPORTS]}}


def forked_steps(config: dict[str, Any]) -> dict[str, Any]:
    """The executor's run config with ``PRELOADED_FORKSERVER`` as the multiprocess mode's
    start method when the run config names none (an explicit ``spawn`` is kept)."""
    if "multiprocess" not in config or "forkserver" not in multiprocessing.get_all_start_methods():
        return config  # (Windows has no fork server: Dagster's default there)
    multiprocess = dict(config["multiprocess"] or {})
    multiprocess.setdefault("start_method", PRELOADED_FORKSERVER)
    return {**config, "multiprocess": multiprocess}


def configured_executor() -> ExecutorDefinition:
    name = current_settings().workers.executor
    if name == "multiprocess":
        return multi_or_in_process_executor.configured(
            forked_steps, config_schema=multi_or_in_process_executor.config_schema
        )
    if name == "in_process":
        return in_process_executor
    if name == "k8s":
        from dagster_k8s import k8s_job_executor

        return k8s_job_executor
    if name == "celery":
        from dagster_celery import celery_executor

        return celery_executor
    raise ValueError(f"WIREDESK_EXECUTOR={name!r}: expected one of {', '.join(EXECUTORS)}")
