"""The code location: every asset, check, job, schedule, sensor and resource."""

from __future__ import annotations

from dagster import Definitions

from assets.aggregates import daily_aggregates
from assets.articles import articles
from assets.entities import entities, entity_mentions
from assets.ingest import feed_items, raw_pages
from assets.quotes import quotes
from pipelines.checks import cross_partition_checks
from pipelines.jobs import daily_ingest_job
from pipelines.resources import default_wiredesk_resource
from pipelines.schedules import daily_ingest_schedule
from pipelines.sensors import drop_folder_sensor

all_assets = [feed_items, raw_pages, articles, entity_mentions, quotes, entities, *daily_aggregates]

defs = Definitions(
    assets=all_assets,
    asset_checks=cross_partition_checks,
    jobs=[daily_ingest_job],
    schedules=[daily_ingest_schedule],
    sensors=[drop_folder_sensor],
    resources={"wiredesk": default_wiredesk_resource()},
)
