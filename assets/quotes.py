"""quotes: every quotation of the day with its speaker."""

from collections import Counter

from dagster import AssetExecutionContext, MaterializeResult, asset

from assets.articles import articles
from assets.checks import check_has_rows, has_rows, ratio_check, spec
from assets.common import (
    OWNERS,
    day_counts,
    definition_metadata,
    markdown_table,
    output_metadata,
    run_days,
)
from assets.entities import entity_mentions
from pipelines.partitions import daily_partitions
from pipelines.resources import WiredeskResource
from wiredesk.stages import build_quotes_days


@asset(
    partitions_def=daily_partitions,
    group_name="quotes",
    deps=[articles, entity_mentions],
    kinds={"python", "parquet"},
    owners=OWNERS,
    description="Direct, partial and indirect quotations with their speakers, resolved within "
    "the article (names, surnames, roles, pronouns).",
    metadata=definition_metadata("quotes"),
    check_specs=[
        has_rows("quotes"),
        spec(
            "quotes",
            "speaker_resolved_share",
            "At least 50% of direct quotes have a resolved speaker.",
        ),
    ],
)
def quotes(context: AssetExecutionContext, wiredesk: WiredeskResource) -> MaterializeResult:
    lake = wiredesk.lake()
    columns = ["article_id", "text", "language"]
    days = run_days(context)
    articles_by_day = {day: lake.read("articles", day).select(columns).to_pylist() for day in days}
    mentions_by_day = {day: lake.read("entity_mentions", day).to_pylist() for day in days}
    rows_by_day = build_quotes_days(articles_by_day, mentions_by_day)
    for day, day_rows in rows_by_day.items():
        lake.write("quotes", day_rows, day)
    wiredesk.publish()
    rows = [row for day_rows in rows_by_day.values() for row in day_rows]
    direct = [r for r in rows if r["kind"] != "indirect"]
    carried = Counter(r["quote_hash"] for r in direct)
    first = {}
    for row in direct:
        first.setdefault(row["quote_hash"], row)
    top = [dict(first[h], copies=n) for h, n in carried.most_common(5)]
    per_day = {day.isoformat(): len(day_rows) for day, day_rows in rows_by_day.items()}
    return MaterializeResult(
        metadata=output_metadata(
            len(rows),
            markdown_table(top, ["speaker", "text", "copies"], limit=5),
            by_kind=dict(Counter(r["kind"] for r in rows)),
            **day_counts(per_day),
        ),
        check_results=[
            check_has_rows(min(per_day.values(), default=0)),
            ratio_check(
                "speaker_resolved_share",
                sum(1 for r in direct if r["speaker"]),
                len(direct),
                min_rate=wiredesk.min_speaker_share,
            ),
        ],
    )
