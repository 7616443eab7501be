"""feed_items and raw_pages: what the sources offer for a day, and its bytes."""

import datetime as dt
from collections import Counter

from dagster import (
    AssetExecutionContext,
    Backoff,
    FreshnessPolicy,
    Jitter,
    MaterializeResult,
    MetadataValue,
    RetryPolicy,
    asset,
)

from assets.checks import (
    check_each_day_has_rows,
    check_null_rate,
    has_rows,
    null_rate,
    spec,
    worst_source_check,
)
from assets.common import (
    OWNERS,
    day_counts,
    definition_metadata,
    markdown_table,
    output_metadata,
    run_days,
)
from pipelines.partitions import daily_partitions
from pipelines.resources import WiredeskResource
from wiredesk.settings import current_settings
from wiredesk.sources import POLLED_KINDS, PollState, due_sources
from wiredesk.stages import (
    collect_feed_items,
    now_utc,
    run_raw_pages_days,
    store_feed_items_days,
)

#: Run tag saying what started a run; "poll" runs read only the sources that are due.
TRIGGER_TAG = "wiredesk/trigger"

#: Network-facing steps retry a failed step (the fetch layer already retries each URL).
NETWORK_RETRY = RetryPolicy(
    max_retries=current_settings().fetch.step_retries,
    delay=30,
    backoff=Backoff.EXPONENTIAL,
    jitter=Jitter.PLUS_MINUS,
)

#: Feeds are polled every few minutes: warn after an hour without a poll, fail after a day.
FEED_FRESHNESS = FreshnessPolicy.time_window(
    warn_window=dt.timedelta(hours=current_settings().checks.freshness_warn_hours),
    fail_window=dt.timedelta(hours=current_settings().checks.freshness_fail_hours),
)


def class_counts(log: list[dict]) -> dict[str, int]:
    """Rows per outcome: ``ok``, ``not_modified``, or the error class of each failure."""
    counts = Counter(
        row["error_class"] or row["status"] if row["status"] != "ok" else "ok" for row in log
    )
    return dict(sorted(counts.items()))


def log_metadata(log: list[dict]) -> dict:
    counts = class_counts(log)
    table = [{"class": name, "rows": count} for name, count in counts.items()]
    return {
        "fetch_log_classes": MetadataValue.json(counts),
        "fetch_log_summary": MetadataValue.md(markdown_table(table, ["class", "rows"], limit=50)),
    }


@asset(
    partitions_def=daily_partitions,
    group_name="ingest",
    kinds={"python", "parquet"},
    owners=OWNERS,
    description="Items announced by every source for the day (feeds, sitemaps, URL lists, drop "
    "folders), with canonical URLs, de-duplicated across runs; every feed fetch and every "
    "source failure goes to fetch_log.",
    metadata=definition_metadata("feed_items"),
    retry_policy=NETWORK_RETRY,
    freshness_policy=FEED_FRESHNESS,
    check_specs=[has_rows("feed_items"), null_rate("feed_items", "url", 0.0, blocking=True)],
)
def feed_items(context: AssetExecutionContext, wiredesk: WiredeskResource) -> MaterializeResult:
    days = run_days(context)
    lake = wiredesk.lake()
    sources = wiredesk.sources()
    lake.write("sources", [s.as_row() for s in sources])
    polls = PollState(wiredesk.local_path())
    started = now_utc()
    is_poll = context.run.tags.get(TRIGGER_TAG) == "poll"
    if is_poll:
        # A scheduled poll reads only the feeds whose own interval has passed.
        read = due_sources(sources, polls.load(), started)
        context.log.info(f"polling {len(read)} of {len(sources)} sources")
    else:
        read = sources
    fetch_settings = wiredesk.fetch_settings()
    context.log.info(f"fetch settings: {fetch_settings.summary()}")
    notice = fetch_settings.contact_notice(s.location for s in read if s.enabled)
    if notice:  # once per run: feed_items is every run's first fetching step
        context.log.warning(notice)
    with wiredesk.fetcher() as fetcher, wiredesk.ledger() as ledger:
        items_by_day, log_by_day = collect_feed_items(
            read,
            fetcher,
            context.run_id,
            now_utc(),
            ledger=ledger,
            days=days,
            settings=wiredesk.discovery(),
        )
    polls.record([s.source_id for s in read if s.kind in POLLED_KINDS], started)
    part = f"feed_items-poll-{context.run_id}" if is_poll else "feed_items"
    per_day: dict[str, int] = {}
    all_items: list[dict] = []
    all_log: list[dict] = []
    unchanged_days = 0
    for day, items, log, unchanged in store_feed_items_days(
        wiredesk.lake(), days, items_by_day, log_by_day, part
    ):
        per_day[day.isoformat()] = len(items)
        unchanged_days += unchanged
        all_items += items
        all_log += log
    wiredesk.publish()
    failures = [row for row in all_log if row["status"] == "error"]
    for row in failures:
        context.log.warning(f"{row['error_class']}: {row['detail']}")
    preview = markdown_table(all_items, ["source_id", "title", "published_at"])
    return MaterializeResult(
        metadata=output_metadata(
            len(all_items),
            preview,
            source_errors=len(failures),
            partition_unchanged=unchanged_days == len(days),
            **day_counts(per_day),
            **log_metadata(all_log),
        ),
        check_results=[
            check_each_day_has_rows(per_day),
            check_null_rate(all_items, "url", 0.0),
        ],
    )


@asset(
    partitions_def=daily_partitions,
    group_name="ingest",
    deps=[feed_items],
    kinds={"python", "parquet"},
    owners=OWNERS,
    description="Bytes of every item of the day, fetched politely and safely; every attempt, "
    "ok or failed, in fetch_log.",
    metadata=definition_metadata("raw_pages"),
    retry_policy=NETWORK_RETRY,
    freshness_policy=FEED_FRESHNESS,
    check_specs=[
        spec(
            "raw_pages",
            "fetch_error_rate",
            "No source has more than max_fetch_error_rate (default 20%) of its fetches fail.",
        )
    ],
)
def raw_pages(context: AssetExecutionContext, wiredesk: WiredeskResource) -> MaterializeResult:
    per_day: dict[str, int] = {}
    fetched: Counter[str] = Counter()
    failures: list[dict] = []
    all_log: list[dict] = []
    total_bytes = 0
    with wiredesk.fetcher() as fetcher:
        for day, items, pages, log in run_raw_pages_days(
            wiredesk.lake(), run_days(context), fetcher, context.run_id
        ):
            per_day[day.isoformat()] = len(pages)
            total_bytes += sum(p["bytes"] for p in pages)
            fetched.update(item["source_id"] for item in items)
            failures += [row for row in log if row["status"] == "error"]
            all_log += log
    wiredesk.publish()
    for row in failures:
        context.log.warning(f"{row['error_class']}: {row['detail']}")
    return MaterializeResult(
        metadata=output_metadata(
            sum(per_day.values()),
            markdown_table(failures, ["error_class", "detail"]) if failures else None,
            fetch_errors=len(failures),
            bytes=total_bytes,
            **day_counts(per_day),
            **log_metadata(all_log),
        ),
        check_results=[
            worst_source_check(
                "fetch_error_rate",
                fetched,
                Counter(row["source_id"] for row in failures),
                wiredesk.max_fetch_error_rate,
            )
        ],
    )
