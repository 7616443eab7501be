"""The one job: every stage of the flow for a day partition."""

from __future__ import annotations

from dagster import AssetSelection, define_asset_job

from pipelines.partitions import daily_partitions

daily_ingest_job = define_asset_job(
    name="daily_ingest",
    selection=AssetSelection.all(),
    partitions_def=daily_partitions,
    description="Fetch, extract, find quotes and entities, link them and aggregate one day.",
)
