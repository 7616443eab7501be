"""search_index: the day's full-text index of articles and quotes (see wiredesk.search)."""

import datetime as dt

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
from assets.common import OWNERS, definition_metadata, output_metadata
from assets.quotes import quotes
from pipelines.partitions import daily_partitions
from pipelines.resources import WiredeskResource
from wiredesk.schema import table
from wiredesk.search import build_index


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
)
def search_index(context: AssetExecutionContext, wiredesk: WiredeskResource) -> MaterializeResult:
    lake = wiredesk.lake()
    per_day: dict[str, int] = {}
    for key in context.partition_keys:  # one day, or a backfilled range in one run
        data = build_index(wiredesk.home_path(), dt.date.fromisoformat(key))
        lake.write("search_index", data, key)
        per_day[key] = data.num_rows
    wiredesk.publish()
    documents = data.filter(data.column("term").is_null())
    kinds = documents.column("kind").to_pylist()
    return MaterializeResult(
        metadata=output_metadata(  # documents: the last day's (rows_per_day: every day's)
            sum(per_day.values()),
            rows_per_day=MetadataValue.json(per_day),
            documents=documents.num_rows,
            articles=kinds.count("article"),
            quotes=kinds.count("quote"),
            postings=data.num_rows - documents.num_rows,
        ),
        check_results=[check_has_rows(kinds)],
    )
