"""Daily aggregate and lookup tables, one asset per SQL file in sql/aggregates."""

from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetExecutionContext,
    AssetsDefinition,
    AutomationCondition,
    BackfillPolicy,
    MaterializeResult,
    MetadataValue,
    asset,
)

from assets.articles import articles
from assets.checks import check_each_day_has_rows, has_rows, spec
from assets.common import OWNERS, definition_metadata, markdown_table, output_metadata, run_days
from assets.entities import entities, entity_mentions
from assets.quotes import quotes
from pipelines.partitions import daily_partitions
from pipelines.resources import WiredeskResource
from wiredesk.aggregates import SUMS_TO_INPUT, compute_days
from wiredesk.store import table

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
        # A backfill over a range is one run: a day costs about a second, a run more.
        backfill_policy=BackfillPolicy.single_run(),
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
        lake = wiredesk.lake()
        per_day: dict[str, int] = {}
        totals: dict[str, tuple[int, int]] = {}
        days = run_days(context)
        for result in compute_days(wiredesk.home_path(), name, days):
            lake.write(name, result.data, result.day)
            data = result.data
            per_day[result.day.isoformat()] = data.num_rows
            if result.sums is not None:
                totals[result.day.isoformat()] = result.sums
        wiredesk.publish()
        # Every day of the run must have rows: the check sees the emptiest day of a range.
        results = [check_each_day_has_rows(per_day)]
        if name in SUMS_TO_INPUT:
            results.append(sums_to_input(totals))
        return MaterializeResult(
            metadata=output_metadata(
                sum(per_day.values()),
                markdown_table(data.slice(0, 10).to_pylist(), data.column_names[:6]),
                rows_per_day=MetadataValue.json(per_day),
            ),
            check_results=results,
        )

    return _aggregate


def sums_to_input(totals: dict[str, tuple[int, int]]) -> AssetCheckResult:
    """An aggregate that does not add up to its input has lost or doubled rows.

    ``totals``: per day, (the aggregate's total, the count of its input rows)."""
    wrong = {day: pair for day, pair in sorted(totals.items()) if pair[0] != pair[1]}
    aggregate, expected = (sum(pair[i] for pair in totals.values()) for i in (0, 1))
    return AssetCheckResult(
        check_name="sums_to_input",
        passed=not wrong,
        severity=AssetCheckSeverity.ERROR,
        metadata={
            "aggregate_total": aggregate,
            "input_rows": expected,
            "days_off": ", ".join(f"{d} ({a} vs {e})" for d, (a, e) in wrong.items()),
        },
    )


daily_aggregates = [daily_aggregate(name) for name in UPSTREAM]
