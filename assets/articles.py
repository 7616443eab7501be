"""articles: text and metadata of each story, latest version, near-duplicates clustered."""

import datetime as dt

from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetExecutionContext,
    MaterializeResult,
    asset,
)

from assets.checks import check_has_rows, check_null_rate, has_rows, null_rate, ratio_check, spec
from assets.common import (
    OWNERS,
    day_counts,
    definition_metadata,
    markdown_table,
    output_metadata,
    run_days,
)
from assets.ingest import raw_pages
from pipelines.partitions import daily_partitions
from pipelines.resources import WiredeskResource
from wiredesk.articles import run_articles_days
from wiredesk.routing import language_report
from wiredesk.stages import now_utc


@asset(
    partitions_def=daily_partitions,
    group_name="articles",
    deps=[raw_pages],
    kinds={"python", "parquet"},
    owners=OWNERS,
    description="One row per story (latest version) with extracted text, reconciled date, "
    "dateline, agency, language and syndication cluster; also writes article_versions (every "
    "text of a story, linked) and article_signatures (read back by later days to find copies).",
    metadata=definition_metadata("articles"),
    check_specs=[
        has_rows("articles"),
        null_rate("articles", "text", 0.0, blocking=True),
        null_rate("articles", "title", 0.1),
        null_rate("articles", "published_at", 0.1),
        spec(
            "articles",
            "extraction_failure_rate",
            "At most max_extraction_failure_rate of fetched pages yield no article.",
        ),
        spec(
            "articles",
            "duplicate_rate",
            "At most max_duplicate_rate of the day's articles are exact copies of another.",
        ),
        spec(
            "articles",
            "languages",
            "Share of articles per language; warns when some were left without entity or "
            "quote analysis (a language with no recogniser or quotation rules).",
        ),
    ],
)
def articles(context: AssetExecutionContext, wiredesk: WiredeskResource) -> MaterializeResult:
    lake = wiredesk.lake()
    results = run_articles_days(lake, run_days(context), context.run_id, now_utc())
    rows = [row for result in results.values() for row in result.articles]
    errors = [error for result in results.values() for error in result.errors]
    for error in errors:
        context.log.warning(f"{error['error_class']}: {error['detail']}")
    wiredesk.publish()
    newest = sorted(
        rows,
        key=lambda r: r["published_at"] or dt.datetime.min.replace(tzinfo=dt.UTC),
        reverse=True,
    )
    per_day = {day.isoformat(): len(result.articles) for day, result in results.items()}
    # Exact copies are counted within each day, as a day's run counts them.
    copies = sum(
        len(r.articles) - len({a["content_hash"] for a in r.articles}) for r in results.values()
    )
    return MaterializeResult(
        metadata=output_metadata(
            len(rows),
            markdown_table(newest, ["published_at", "source_id", "title", "word_count"]),
            extraction_errors=len(errors),
            clusters=len({r["cluster_id"] for r in rows}),
            copies=sum(1 for r in rows if r["cluster_id"] != r["article_id"]),
            versions=sum(len(result.versions) for result in results.values()),
            revised=sum(1 for r in rows if r["previous_version_id"]),
            partial=sum(1 for r in rows if r["is_partial"]),
            words=sum(r["word_count"] for r in rows),
            **day_counts(per_day),
        ),
        check_results=[
            check_has_rows(min(per_day.values(), default=0)),
            check_null_rate(rows, "text", 0.0, AssetCheckSeverity.ERROR),
            check_null_rate(rows, "title", 0.1),
            check_null_rate(rows, "published_at", 0.1),
            ratio_check(
                "extraction_failure_rate",
                len(errors),
                sum(result.pages_read for result in results.values()),
                max_rate=wiredesk.max_extraction_failure_rate,
            ),
            ratio_check("duplicate_rate", copies, len(rows), max_rate=wiredesk.max_duplicate_rate),
            language_check(rows),
        ],
    )


def language_check(rows: list[dict]) -> AssetCheckResult:
    """The day's languages, and the articles no entity or quote stage read."""
    report = language_report(rows)
    return AssetCheckResult(
        check_name="languages",
        passed=report["without_entities"] == 0 and report["without_quotes"] == 0,
        severity=AssetCheckSeverity.WARN,
        metadata=report,
    )
