"""articles: text and metadata of each story, latest version, near-duplicates clustered."""

from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetExecutionContext,
    MaterializeResult,
    asset,
)

from assets.checks import (
    check_each_day_has_rows,
    has_rows,
    null_rate,
    null_rate_result,
    ratio_check,
    spec,
)
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
from wiredesk.articles import ArticlesSummary, run_articles_days
from wiredesk.routing import language_report


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
    summary = ArticlesSummary()
    for day, result in run_articles_days(lake, run_days(context), context.run_id):
        for error in result.errors:
            context.log.warning(f"{error['error_class']}: {error['detail']}")
        summary.add(
            day, result.articles, len(result.errors), result.pages_read, len(result.versions)
        )
    wiredesk.publish()
    return MaterializeResult(
        metadata=output_metadata(
            summary.rows,
            markdown_table(summary.newest(), ["published_at", "source_id", "title", "word_count"]),
            extraction_errors=summary.errors,
            clusters=len(summary.clusters),
            copies=summary.copies,
            versions=summary.versions,
            revised=summary.revised,
            partial=summary.partial,
            words=summary.words,
            **day_counts(summary.rows_per_day),
        ),
        check_results=[
            check_each_day_has_rows(summary.rows_per_day),
            null_rate_result(
                "text", summary.missing["text"], summary.rows, 0.0, AssetCheckSeverity.ERROR
            ),
            null_rate_result("title", summary.missing["title"], summary.rows, 0.1),
            null_rate_result("published_at", summary.missing["published_at"], summary.rows, 0.1),
            ratio_check(
                "extraction_failure_rate",
                summary.errors,
                summary.pages_read,
                max_rate=wiredesk.max_extraction_failure_rate,
            ),
            ratio_check(
                "duplicate_rate",
                summary.exact_copies,
                summary.rows,
                max_rate=wiredesk.max_duplicate_rate,
            ),
            language_check(summary.languages),
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
