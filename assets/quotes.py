"""quotes: every quotation of the day with its speaker."""

from collections import Counter

from dagster import AssetExecutionContext, MaterializeResult, asset

from assets.articles import articles
from assets.checks import check_each_day_has_rows, has_rows, ratio_check, spec
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
from wiredesk.stages import run_quotes_days


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
    per_day: dict[str, int] = {}
    kinds: Counter[str] = Counter()
    carried: Counter[str] = Counter()
    first: dict[str, dict] = {}  # each quote's first row, as the preview shows it
    direct = with_speaker = 0
    for day, rows in run_quotes_days(wiredesk.lake(), run_days(context)):
        per_day[day.isoformat()] = len(rows)
        kinds.update(r["kind"] for r in rows)
        for row in rows:
            if row["kind"] == "indirect":
                continue
            direct += 1
            with_speaker += bool(row["speaker"])
            carried[row["quote_hash"]] += 1
            first.setdefault(row["quote_hash"], {"speaker": row["speaker"], "text": row["text"]})
    wiredesk.publish()
    top = [dict(first[h], copies=n) for h, n in carried.most_common(5)]
    return MaterializeResult(
        metadata=output_metadata(
            sum(per_day.values()),
            markdown_table(top, ["speaker", "text", "copies"], limit=5),
            by_kind=dict(kinds),
            **day_counts(per_day),
        ),
        check_results=[
            check_each_day_has_rows(per_day),
            ratio_check(
                "speaker_resolved_share",
                with_speaker,
                direct,
                min_rate=wiredesk.min_speaker_share,
            ),
        ],
    )
