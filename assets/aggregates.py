"""Daily aggregate tables, one asset per SQL file in sql/aggregates."""

import datetime as dt

from dagster import AssetExecutionContext, AssetsDefinition, MaterializeResult, asset

from assets.articles import articles
from assets.checks import check_has_rows, has_rows
from assets.common import OWNERS, definition_metadata, markdown_table, output_metadata
from assets.entities import entities, entity_mentions
from assets.quotes import quotes
from pipelines.partitions import daily_partitions
from pipelines.resources import WiredeskResource
from wiredesk.aggregates import compute_daily
from wiredesk.schema import table

UPSTREAM = {
    "daily_source_volume": [articles],
    "daily_entity_mentions": [entity_mentions, entities, articles],
    "daily_speaker_quotes": [quotes, entities],
    "daily_entity_pairs": [entity_mentions, entities],
}


def daily_aggregate(name: str) -> AssetsDefinition:
    @asset(
        name=name,
        partitions_def=daily_partitions,
        group_name="aggregates",
        deps=UPSTREAM[name],
        kinds={"duckdb", "sql", "parquet"},
        owners=OWNERS,
        description=f"{table(name).description} Computed by sql/aggregates/{name}.sql.",
        metadata=definition_metadata(name),
        check_specs=[has_rows(name)],
    )
    def _aggregate(context: AssetExecutionContext, wiredesk: WiredeskResource) -> MaterializeResult:
        day = dt.date.fromisoformat(context.partition_key)
        data = compute_daily(wiredesk.home_path(), name, day)
        lake = wiredesk.lake()
        lake.write(name, data, day)
        wiredesk.publish()
        rows = data.to_pylist()
        return MaterializeResult(
            metadata=output_metadata(len(rows), markdown_table(rows, data.column_names[:6])),
            check_results=[check_has_rows(rows)],
        )

    return _aggregate


daily_aggregates = [daily_aggregate(name) for name in UPSTREAM]
