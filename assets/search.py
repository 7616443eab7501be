"""search_index: the day's full-text index of articles and quotes (wiredesk.aggregates)."""

from dagster import (
    AssetExecutionContext,
    AutomationCondition,
    BackfillPolicy,
    MaterializeResult,
    MetadataValue,
    asset,
)

from assets.articles import articles
from assets.checks import check_has_rows, has_rows
from assets.common import OWNERS, definition_metadata, output_metadata, run_days
from assets.quotes import quotes
from pipelines.partitions import daily_partitions
from pipelines.resources import WiredeskResource
from wiredesk.aggregates import build_indexes, index_summary
from wiredesk.store import table


@asset(
    # Follows its inputs: recomputed when an upstream partition changes.
    automation_condition=AutomationCondition.eager(),
    partitions_def=daily_partitions,
    group_name="aggregates",
    deps=[articles, quotes],
    kinds={"duckdb", "sql", "parquet"},
    owners=OWNERS,
    description=f"{table('search_index').description} Built by sql/search/index.sql; "
    "queried with the BM25 macros of sql/macros/search.sql and `wiredesk search`.",
    metadata=definition_metadata("search_index"),
    check_specs=[has_rows("search_index")],
    # A backfill over a range is one run (metadata and checks describe its last day).
    backfill_policy=BackfillPolicy.single_run(),
    # Raised when the index's rows or layout change: days indexed before are rebuilt.
    code_version="2",
)
def search_index(context: AssetExecutionContext, wiredesk: WiredeskResource) -> MaterializeResult:
    lake = wiredesk.lake()
    per_day: dict[str, int] = {}
    days = run_days(context)
    for day, data in build_indexes(wiredesk.home_path(), days):
        lake.write("search_index", data, day)
        per_day[day.isoformat()] = data.num_rows
    wiredesk.publish()
    summary = index_summary(data)  # the last day's (rows_per_day: every day's)
    return MaterializeResult(
        metadata=output_metadata(
            sum(per_day.values()), rows_per_day=MetadataValue.json(per_day), **summary
        ),
        check_results=[check_has_rows(summary["documents"])],
    )
