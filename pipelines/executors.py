"""Which executor runs a job's steps: ``workers.executor`` when the code loads.

``multiprocess`` (default: Dagster's executor with two modes, every step in the run's process
unless the run config names ``multiprocess``, then a process per step, each forked from a
server that imported the definitions once: see ``EITHER_MODE`` and ``forked_steps``),
``in_process``, ``k8s`` (every step a Kubernetes job; needs the ``scale`` extra) or
``celery`` (steps sent to Celery workers; needs the ``scale`` extra). A run whose steps all
run in its own process has one set of stage workers for the whole run, as ``wiredesk
ingest`` has (``with_run_workers``).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from typing import Any

from dagster import (
    Executor,
    ExecutorDefinition,
    Field,
    InitExecutorContext,
    in_process_executor,
    multi_or_in_process_executor,
)

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


class RunWideWorkers(Executor):
    """An executor that runs every step in the run's process, with the stage workers open for
    the whole run (``wiredesk.workers.stage_workers``): the articles step's workers find
    each article's mentions and quotes as they extract it, and the entity and quote steps
    after take those, as in a ``wiredesk ingest`` run, instead of each step starting workers
    of its own and working the articles out again. The analyst's file is brought up to date
    once, when the run ends (``wiredesk.store.published_at_end``), as that run's is."""

    def __init__(self, inner: Executor) -> None:
        self.inner = inner

    @property
    def retries(self):  # noqa: ANN201 - Dagster's RetryMode
        return self.inner.retries

    @property
    def step_dependency_config(self):  # noqa: ANN201 - Dagster's StepDependencyConfig
        return self.inner.step_dependency_config

    def execute(self, plan_context: Any, execution_plan: Any) -> Iterator[Any]:
        from wiredesk.run_workers import run_wide_workers

        with run_wide_workers(execution_plan.step_keys_to_execute) as count:
            plan_context.log.info(f"{RUN_WORKERS_NOTE}: {count} (workers.processes)")
            yield from self.inner.execute(plan_context, execution_plan)


#: What a run with ``RunWideWorkers`` says in its log, before its first step.
RUN_WORKERS_NOTE = "Stage worker processes for the whole run"


def with_run_workers(definition: ExecutorDefinition) -> ExecutorDefinition:
    """``definition`` with ``RunWideWorkers`` around the executor it makes whenever that runs
    the steps in the run's process (its multiprocess mode is left as it is)."""
    create: Callable[[InitExecutorContext], Executor] = definition.executor_creation_fn

    def creation(context: InitExecutorContext) -> Executor:
        made = create(context)
        in_run_process = "multiprocess" not in (context.executor_config or {})
        return RunWideWorkers(made) if in_run_process else made

    return ExecutorDefinition(
        name=definition.name,
        config_schema=definition.config_schema,
        requirements=definition.get_requirements,
        executor_creation_fn=creation,
        description=definition.description,
    )


#: The multiprocess executor's config, its mode when a run names none being ``in_process``
#: (Dagster's is ``multiprocess``): on one machine the run's own process with stage workers
#: for the whole run (``RunWideWorkers``) does a day in about half the time a process per
#: step takes (``python -m benchmarks.dagster_job``).
EITHER_MODE = Field(
    multi_or_in_process_executor.config_schema.config_type,
    default_value={"in_process": {}},
    description="`multiprocess`: each step a process of its own, forked from a preloaded "
    "server; `in_process` (default): every step in the run's process, with stage workers "
    "for the whole run.",
)


def configured_executor() -> ExecutorDefinition:
    name = current_settings().workers.executor
    if name == "multiprocess":
        return with_run_workers(multi_or_in_process_executor).configured(
            forked_steps, config_schema=EITHER_MODE
        )
    if name == "in_process":
        return with_run_workers(in_process_executor)
    if name == "k8s":
        from dagster_k8s import k8s_job_executor

        return k8s_job_executor
    if name == "celery":
        from dagster_celery import celery_executor

        return celery_executor
    raise ValueError(f"WIREDESK_EXECUTOR={name!r}: expected one of {', '.join(EXECUTORS)}")
