"""Daily aggregate and lookup tables, one asset per SQL file in sql/aggregates."""

import datetime as dt

from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetExecutionContext,
    AssetsDefinition,
    AutomationCondition,
    MaterializeResult,
    asset,
)

from assets.articles import articles
from assets.checks import check_has_rows, has_rows, spec
from assets.common import OWNERS, definition_metadata, markdown_table, output_metadata
from assets.entities import entities, entity_mentions
from assets.quotes import quotes
from pipelines.partitions import daily_partitions
from pipelines.resources import WiredeskResource
from wiredesk.aggregates import SUMS_TO_INPUT, compute_daily, input_total
from wiredesk.schema import table
from wiredesk.warehouse import memory_connection

UPSTREAM = {
    "daily_source_volume": [articles],
    "daily_entity_mentions": [entity_mentions, entities, articles],
    "daily_speaker_quotes": [quotes, entities],
    "daily_entity_pairs": [entity_mentions, entities],
    # Lookup tables keyed by entity key or article: they store keys, not entity ids (the
    # views map keys through entity_aliases when read), so re-linking does not make them stale.
    "article_entities": [entity_mentions, articles, quotes],
    "quote_entities": [quotes, entity_mentions, articles],
    "article_quotes": [quotes, articles],
}


def daily_aggregate(name: str) -> AssetsDefinition:
    @asset(
        # Follows its inputs: recomputed when an upstream partition changes.
        automation_condition=AutomationCondition.eager(),
        name=name,
        partitions_def=daily_partitions,
        group_name="aggregates",
        deps=UPSTREAM[name],
        kinds={"duckdb", "sql", "parquet"},
        owners=OWNERS,
        description=f"{table(name).description} Computed by sql/aggregates/{name}.sql.",
        metadata=definition_metadata(name),
        check_specs=[has_rows(name)]
        + (
            [
                spec(
                    name,
                    "sums_to_input",
                    "The day's total equals the count of its input rows.",
                    blocking=True,
                )
            ]
            if name in SUMS_TO_INPUT
            else []
        ),
    )
    def _aggregate(context: AssetExecutionContext, wiredesk: WiredeskResource) -> MaterializeResult:
        day = dt.date.fromisoformat(context.partition_key)
        con = memory_connection(wiredesk.home_path())
        try:
            data = compute_daily(wiredesk.home_path(), name, day, con)
            expected = input_total(con, name, day) if name in SUMS_TO_INPUT else None
        finally:
            con.close()
        wiredesk.lake().write(name, data, day)
        wiredesk.publish()
        rows = data.to_pylist()
        results = [check_has_rows(rows)]
        if expected is not None:
            results.append(sums_to_input(rows, SUMS_TO_INPUT[name][0], expected))
        return MaterializeResult(
            metadata=output_metadata(len(rows), markdown_table(rows, data.column_names[:6])),
            check_results=results,
        )

    return _aggregate


def sums_to_input(rows: list[dict], column: str, expected: int) -> AssetCheckResult:
    """An aggregate that does not add up to its input has lost or doubled rows."""
    total = sum(row[column] or 0 for row in rows)
    return AssetCheckResult(
        check_name="sums_to_input",
        passed=total == expected,
        severity=AssetCheckSeverity.ERROR,
        metadata={"aggregate_total": total, "input_rows": expected},
    )


daily_aggregates = [daily_aggregate(name) for name in UPSTREAM]
