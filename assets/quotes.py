"""quotes: every quotation of the day with its speaker."""

import datetime as dt
from collections import Counter

from dagster import AssetExecutionContext, MaterializeResult, asset

from assets.articles import articles
from assets.checks import check_has_rows, has_rows, ratio_check, spec
from assets.common import OWNERS, definition_metadata, markdown_table, output_metadata
from assets.entities import entity_mentions
from pipelines.partitions import daily_partitions
from pipelines.resources import WiredeskResource
from wiredesk.stages import build_quotes


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
    day = dt.date.fromisoformat(context.partition_key)
    lake = wiredesk.lake()
    article_rows = lake.read("articles", day).select(["article_id", "text", "language"]).to_pylist()
    mention_rows = lake.read("entity_mentions", day).to_pylist()
    rows = build_quotes(article_rows, mention_rows)
    lake.write("quotes", rows, day)
    wiredesk.publish()
    direct = [r for r in rows if r["kind"] != "indirect"]
    carried = Counter(r["quote_hash"] for r in direct)
    first = {}
    for row in direct:
        first.setdefault(row["quote_hash"], row)
    top = [dict(first[h], copies=n) for h, n in carried.most_common(5)]
    return MaterializeResult(
        metadata=output_metadata(
            len(rows),
            markdown_table(top, ["speaker", "text", "copies"], limit=5),
            by_kind=dict(Counter(r["kind"] for r in rows)),
        ),
        check_results=[
            check_has_rows(len(rows)),
            ratio_check(
                "speaker_resolved_share",
                sum(1 for r in direct if r["speaker"]),
                len(direct),
                min_rate=wiredesk.min_speaker_share,
            ),
        ],
    )
