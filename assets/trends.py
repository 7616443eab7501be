"""Cross-day aggregates: trending entities and top quotes, refreshed where inputs changed.

They are unpartitioned assets (they read many days) that store one lake partition per day;
each run recomputes only the days a changed input day reaches, decided from the build log
(wiredesk.aggregates.crossday).
"""

from dagster import (
    AssetExecutionContext,
    AssetsDefinition,
    AutomationCondition,
    MaterializeResult,
    asset,
)

from assets.aggregates import daily_aggregates
from assets.articles import articles
from assets.common import OWNERS, definition_metadata, markdown_table, output_metadata
from assets.quotes import quotes
from pipelines.resources import WiredeskResource
from wiredesk.aggregates import CROSS_DAY_AGGREGATES, refresh_cross_day
from wiredesk.store import table

_DAILY = {a.key.to_user_string(): a for a in daily_aggregates}
UPSTREAM = {
    # The view daily_entity_mentions it reads is computed from article_entities.
    "trending_entities": [
        _DAILY["daily_entity_mentions"],
        _DAILY["article_entities"],
        _DAILY["daily_source_volume"],
    ],
    "top_quotes": [quotes, articles],
}


def cross_day_aggregate(name: str) -> AssetsDefinition:
    @asset(
        # Follows its inputs: recomputed when an upstream partition changes.
        automation_condition=AutomationCondition.eager(),
        name=name,
        group_name="aggregates",
        deps=UPSTREAM[name],
        kinds={"duckdb", "sql", "parquet"},
        owners=OWNERS,
        description=f"{table(name).description} Computed per day by sql/aggregates/{name}.sql; "
        "a run recomputes only the days whose inputs changed and the days that read them.",
        metadata=definition_metadata(name),
    )
    def _cross_day(context: AssetExecutionContext, wiredesk: WiredeskResource) -> MaterializeResult:
        written = refresh_cross_day(wiredesk.home_path(), name, state_dir=wiredesk.state_dir())
        wiredesk.publish()
        rows = [{"day": day.isoformat(), "rows": n} for day, n in sorted(written.items())]
        context.log.info(f"{name}: recomputed {len(rows)} day(s)")
        return MaterializeResult(
            metadata=output_metadata(
                sum(written.values()),
                markdown_table(rows, ["day", "rows"], limit=40),
                days_recomputed=len(rows),
            )
        )

    return _cross_day


cross_day_aggregates = [cross_day_aggregate(name) for name in CROSS_DAY_AGGREGATES]
