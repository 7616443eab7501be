"""Run the day's ingest shortly after each UTC day closes."""

import datetime as dt

from dagster import (
    DefaultScheduleStatus,
    RunRequest,
    ScheduleEvaluationContext,
    build_schedule_from_partitioned_job,
    schedule,
)

from assets.ingest import TRIGGER_TAG
from pipelines.jobs import daily_ingest_job, poll_feeds_job
from pipelines.resources import config_tags
from wiredesk.settings import current_settings

daily_ingest_schedule = build_schedule_from_partitioned_job(
    daily_ingest_job,
    hour_of_day=0,
    minute_of_hour=30,
    description="Materialises yesterday's partition at 00:30 UTC.",
)

#: How often the poll schedule fires (``schedule.poll_cron``); each source still waits for
#: its own poll_minutes.
POLL_CRON = current_settings().schedule.poll_cron


@schedule(
    job=poll_feeds_job,
    cron_schedule=POLL_CRON,
    execution_timezone="UTC",
    default_status=DefaultScheduleStatus.STOPPED,
    description="Polls the feeds that are due (per-source poll_minutes, default 15) into "
    "today's feed_items partition.",
)
def feed_poll_schedule(context: ScheduleEvaluationContext) -> RunRequest:
    when = context.scheduled_execution_time or dt.datetime.now(dt.UTC)
    return RunRequest(
        partition_key=when.astimezone(dt.UTC).date().isoformat(),
        tags={TRIGGER_TAG: "poll", **config_tags()},
    )
