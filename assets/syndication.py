"""syndication: one story however many outlets carry it, across every day at once."""

from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetExecutionContext,
    AutomationCondition,
    MaterializeResult,
    asset,
)

from assets.articles import articles
from assets.checks import spec
from assets.common import OWNERS, definition_metadata, markdown_table, output_metadata
from pipelines.resources import WiredeskResource
from wiredesk.syndication import update_syndication


@asset(
    # Follows its inputs: recomputed when an upstream partition changes.
    automation_condition=AutomationCondition.eager(),
    group_name="articles",
    deps=[articles],
    kinds={"python", "parquet"},
    owners=OWNERS,
    description="Members of every near-duplicate cluster across all days: outlet, lag behind "
    "the original (earliest copy), similarity and words changed. Clustered over every day, "
    "so it does not depend on the order days were ingested in; only the articles new or "
    "changed since the last run (and those matched to them) are searched again, from the "
    "state it keeps under state/. Also lists the article rows a later revision replaced "
    "(superseded_articles).",
    metadata=definition_metadata("syndication"),
    check_specs=[
        spec(
            "syndication",
            "cluster_ids_agree",
            "articles.cluster_id of every day matches the clusters recomputed over all days "
            "(a mismatch means a day was ingested before an earlier one: re-run the days listed).",
        )
    ],
)
def syndication(context: AssetExecutionContext, wiredesk: WiredeskResource) -> MaterializeResult:
    result, stale_days = update_syndication(wiredesk.lake(), wiredesk.state_dir(), wiredesk.publish)
    rows, disagreements = result.rows, result.disagreements
    copies = [r for r in rows if not r["is_original"]]
    return MaterializeResult(
        metadata=output_metadata(
            len(rows),
            markdown_table(copies, ["outlet", "title", "lag_minutes", "changed_share"]),
            clusters=len({r["cluster_id"] for r in rows}),
            copies=len(copies),
        ),
        check_results=[
            AssetCheckResult(
                check_name="cluster_ids_agree",
                passed=not disagreements,
                severity=AssetCheckSeverity.WARN,
                metadata={"articles": len(disagreements), "days_to_rerun": ", ".join(stale_days)},
            )
        ],
    )
