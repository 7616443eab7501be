"""The code location: every asset, check, job, schedule, sensor and resource."""

from __future__ import annotations

from dagster import Definitions

from assets.aggregates import daily_aggregates
from assets.articles import articles
from assets.entities import entities, entity_mentions
from assets.ingest import feed_items, raw_pages
from assets.quotes import quotes
from assets.search import search_index
from assets.syndication import syndication
from assets.trends import cross_day_aggregates
from pipelines.checks import cross_partition_checks
from pipelines.executors import configured_executor
from pipelines.jobs import (
    daily_ingest_job,
    ingest_stages_job,
    link_and_aggregate_job,
    poll_feeds_job,
    process_new_items_job,
)
from pipelines.resources import default_wiredesk_resource
from pipelines.schedules import daily_ingest_schedule, feed_poll_schedule
from pipelines.sensors import drop_folder_sensor, new_items_sensor, record_run_failure

all_assets = [
    *[feed_items, raw_pages, articles, entity_mentions, quotes, entities, *daily_aggregates],
    *[search_index, *cross_day_aggregates, syndication],
]

defs = Definitions(
    assets=all_assets,
    asset_checks=cross_partition_checks,
    jobs=[
        daily_ingest_job,
        ingest_stages_job,
        link_and_aggregate_job,
        poll_feeds_job,
        process_new_items_job,
    ],
    schedules=[daily_ingest_schedule, feed_poll_schedule],
    sensors=[drop_folder_sensor, new_items_sensor, record_run_failure],
    resources={"wiredesk": default_wiredesk_resource()},
    executor=configured_executor(),
)
