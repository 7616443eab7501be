"""The one job: every stage of the flow for a day partition."""

from __future__ import annotations

import warnings

from dagster import AssetSelection, define_asset_job

from pipelines.partitions import daily_partitions

#: A job that mixes the aggregates (a range in one run) with the per-day ingest stages is
#: backfilled a day per run, which is what those stages want; Dagster warns about the mix.
warnings.filterwarnings("ignore", message="Asset job .* varying BackfillPolicies")

daily_ingest_job = define_asset_job(
    name="daily_ingest",
    selection=AssetSelection.all(),
    partitions_def=daily_partitions,
    description="Fetch, extract, find quotes and entities, link them and aggregate one day.",
)

#: The per-day stages alone: safe to run for many days in parallel (each writes its own day).
ingest_stages_job = define_asset_job(
    name="ingest_stages",
    selection=AssetSelection.assets(
        "feed_items", "raw_pages", "articles", "entity_mentions", "quotes"
    ),
    partitions_def=daily_partitions,
    description="Fetch, extract, quotes and entity mentions for one day; no cross-day work.",
)

#: Cross-day linking, then the day's aggregates: run after the days it covers are ingested.
link_and_aggregate_job = define_asset_job(
    name="link_and_aggregate",
    selection=AssetSelection.assets("entities", "syndication")
    | AssetSelection.groups("aggregates"),
    partitions_def=daily_partitions,
    description="Link entities across all days, then recompute the day's aggregate tables.",
)

#: A feed poll: only feed_items, for today's partition (what the poll schedule runs).
poll_feeds_job = define_asset_job(
    name="poll_feeds",
    selection=AssetSelection.assets("feed_items"),
    partitions_def=daily_partitions,
    description="Read the feeds that are due and record new items; nothing downstream.",
)

#: Everything after feed_items for one day: started when a poll found new items.
process_new_items_job = define_asset_job(
    name="process_new_items",
    selection=AssetSelection.assets("feed_items").downstream(include_self=False),
    partitions_def=daily_partitions,
    description="Fetch, extract, quotes, entities and aggregates for a day with new items.",
)
