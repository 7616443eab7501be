"""Which executor runs a job's steps: ``workers.executor`` when the code loads.

``multiprocess`` (default: in-process for ``materialize``, a process per step otherwise),
``in_process``, ``k8s`` (every step a Kubernetes job; needs the ``scale`` extra) or
``celery`` (steps sent to Celery workers; needs the ``scale`` extra).
"""

from __future__ import annotations

from dagster import ExecutorDefinition, in_process_executor, multi_or_in_process_executor

from wiredesk.settings import current_settings

EXECUTORS = ("multiprocess", "in_process", "k8s", "celery")


def configured_executor() -> ExecutorDefinition:
    name = current_settings().workers.executor
    if name == "multiprocess":
        return multi_or_in_process_executor
    if name == "in_process":
        return in_process_executor
    if name == "k8s":
        from dagster_k8s import k8s_job_executor

        return k8s_job_executor
    if name == "celery":
        from dagster_celery import celery_executor

        return celery_executor
    raise ValueError(f"WIREDESK_EXECUTOR={name!r}: expected one of {', '.join(EXECUTORS)}")
