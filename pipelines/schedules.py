"""Run the day's ingest shortly after each UTC day closes."""

from __future__ import annotations

from dagster import build_schedule_from_partitioned_job

from pipelines.jobs import daily_ingest_job

daily_ingest_schedule = build_schedule_from_partitioned_job(
    daily_ingest_job,
    hour_of_day=0,
    minute_of_hour=30,
    description="Materialises yesterday's partition at 00:30 UTC.",
)
