"""feed_items and raw_pages: what the sources offer for a day, and its bytes."""

import datetime as dt

from dagster import AssetExecutionContext, MaterializeResult, asset

from assets.checks import check_has_rows, check_null_rate, has_rows, null_rate, ratio_check, spec
from assets.common import OWNERS, definition_metadata, markdown_table, output_metadata
from pipelines.partitions import daily_partitions
from pipelines.resources import WiredeskResource
from wiredesk.stages import collect_feed_items, fetch_pages, now_utc


@asset(
    partitions_def=daily_partitions,
    group_name="ingest",
    kinds={"python", "parquet"},
    owners=OWNERS,
    description="Items announced by every source for the day (feeds, sitemaps, drop folders), "
    "with canonical URLs; source failures go to fetch_log.",
    metadata=definition_metadata("feed_items"),
    check_specs=[has_rows("feed_items"), null_rate("feed_items", "url", 0.0, blocking=True)],
)
def feed_items(context: AssetExecutionContext, wiredesk: WiredeskResource) -> MaterializeResult:
    day = dt.date.fromisoformat(context.partition_key)
    lake = wiredesk.lake()
    lake.write("sources", [s.as_row() for s in wiredesk.sources()])
    with wiredesk.fetcher() as fetcher:
        items_by_day, errors_by_day = collect_feed_items(
            wiredesk.sources(), fetcher, context.run_id, now_utc()
        )
    items = sorted(items_by_day.get(day, []), key=lambda r: r["item_id"])
    errors = errors_by_day.get(day, []) + errors_by_day.get(None, [])
    for error in errors:
        context.log.warning(f"{error['error_class']}: {error['detail']}")
    lake.write("feed_items", items, day)
    lake.write("fetch_log", errors, day, part="feed_items")
    wiredesk.publish()
    preview = markdown_table(items, ["source_id", "title", "published_at"])
    return MaterializeResult(
        metadata=output_metadata(len(items), preview, source_errors=len(errors)),
        check_results=[check_has_rows(items), check_null_rate(items, "url", 0.0)],
    )


@asset(
    partitions_def=daily_partitions,
    group_name="ingest",
    deps=[feed_items],
    kinds={"python", "parquet"},
    owners=OWNERS,
    description="Bytes of every item of the day; every attempt, ok or failed, in fetch_log.",
    metadata=definition_metadata("raw_pages"),
    check_specs=[spec("raw_pages", "fetch_error_rate", "At most 20% of the day's fetches fail.")],
)
def raw_pages(context: AssetExecutionContext, wiredesk: WiredeskResource) -> MaterializeResult:
    day = dt.date.fromisoformat(context.partition_key)
    lake = wiredesk.lake()
    items = lake.read("feed_items", day).to_pylist()
    with wiredesk.fetcher() as fetcher:
        pages, log = fetch_pages(items, fetcher, context.run_id)
    failures = [row for row in log if row["status"] == "error"]
    for row in failures:
        context.log.warning(f"{row['error_class']}: {row['detail']}")
    lake.write("raw_pages", pages, day)
    lake.write("fetch_log", log, day, part="raw_pages")
    wiredesk.publish()
    return MaterializeResult(
        metadata=output_metadata(
            len(pages),
            markdown_table(failures, ["error_class", "detail"]) if failures else None,
            fetch_errors=len(failures),
            bytes=sum(p["bytes"] for p in pages),
        ),
        check_results=[ratio_check("fetch_error_rate", len(failures), len(log), max_rate=0.2)],
    )
