"""search_index: the day's full-text index of articles and quotes (see wiredesk.search)."""

import datetime as dt

from dagster import AssetExecutionContext, AutomationCondition, MaterializeResult, asset

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
)
def search_index(context: AssetExecutionContext, wiredesk: WiredeskResource) -> MaterializeResult:
    day = dt.date.fromisoformat(context.partition_key)
    data = build_index(wiredesk.home_path(), day)
    wiredesk.lake().write("search_index", data, day)
    wiredesk.publish()
    documents = data.filter(data.column("term").is_null())
    kinds = documents.column("kind").to_pylist()
    return MaterializeResult(
        metadata=output_metadata(
            data.num_rows,
            documents=documents.num_rows,
            articles=kinds.count("article"),
            quotes=kinds.count("quote"),
            postings=data.num_rows - documents.num_rows,
        ),
        check_results=[check_has_rows(kinds)],
    )
