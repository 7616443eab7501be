"""entity_mentions per day, and entities: one row per real-world entity across days."""

from collections import Counter

from dagster import AssetExecutionContext, AutomationCondition, MaterializeResult, asset

from assets.articles import articles
from assets.checks import (
    check_each_day_has_rows,
    check_has_rows,
    has_rows,
    mentions_per_article_check,
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
from pipelines.partitions import daily_partitions
from pipelines.resources import WiredeskResource
from wiredesk.entities import (
    EntitiesFileError,
    entities_file,
    link_entities,
    load_curated,
    source_names,
)
from wiredesk.routing import runs_entities
from wiredesk.stages import run_mentions_days


@asset(
    partitions_def=daily_partitions,
    group_name="entities",
    deps=[articles],
    kinds={"python", "spacy", "parquet"},
    owners=OWNERS,
    description="Every person, organisation and place named in the day's articles, with the "
    "fullest name the article uses and roles.",
    metadata=definition_metadata("entity_mentions"),
    check_specs=[
        has_rows("entity_mentions"),
        spec(
            "entity_mentions", "articles_with_entities", "At least 80% of articles name an entity."
        ),
        spec(
            "entity_mentions",
            "mentions_per_article",
            "Mean mentions per article is between 1 and max_mentions_per_article.",
        ),
    ],
)
def entity_mentions(
    context: AssetExecutionContext, wiredesk: WiredeskResource
) -> MaterializeResult:
    names: Counter[tuple[str, str]] = Counter()
    per_day: dict[str, int] = {}
    articles = with_entities = readable = 0
    for day, day_articles, rows in run_mentions_days(wiredesk.lake(), run_days(context)):
        per_day[day.isoformat()] = len(rows)
        names.update((r["name"], r["type"]) for r in rows if r["name"])
        articles += len(day_articles)
        readable += sum(1 for a in day_articles if runs_entities(a["language"]))
        with_entities += len({r["article_id"] for r in rows})
    wiredesk.publish()
    top = [{"name": n, "type": t, "mentions": c} for (n, t), c in names.most_common(10)]
    mentions = sum(per_day.values())
    return MaterializeResult(
        metadata=output_metadata(
            mentions, markdown_table(top, ["name", "type", "mentions"]), **day_counts(per_day)
        ),
        check_results=[
            check_each_day_has_rows(per_day),
            ratio_check("articles_with_entities", with_entities, readable, min_rate=0.8),
            mentions_per_article_check(mentions, articles, wiredesk.max_mentions_per_article),
        ],
    )


@asset(
    # Follows its inputs: recomputed when an upstream partition changes.
    automation_condition=AutomationCondition.eager(),
    group_name="entities",
    deps=[entity_mentions],
    kinds={"python", "parquet"},
    owners=OWNERS,
    description="One row per real-world entity across all days, with aliases and roles; "
    "entity_aliases maps every per-article key to it.",
    metadata=definition_metadata("entities"),
    # Reads every day and rewrites the whole table: one at a time across runs.
    pool="wiredesk_cross_day",
    check_specs=[has_rows("entities")],
)
def entities(context: AssetExecutionContext, wiredesk: WiredeskResource) -> MaterializeResult:
    lake = wiredesk.lake()
    mentions = lake.read("entity_mentions")
    alias_file = entities_file(wiredesk.sources_file)
    try:
        curated = load_curated(alias_file)
    except EntitiesFileError as exc:  # the analyst's file is broken: say so, link without it
        context.log.error(str(exc))
        curated = []
    agencies = source_names(wiredesk.home_path())
    entity_table, aliases = link_entities(mentions, curated=curated, source_names=agencies)
    lake.write("entities", entity_table.to_dict("records"))
    lake.write("entity_aliases", aliases.to_dict("records"))
    wiredesk.publish()
    rows = entity_table.sort_values(["article_count", "name"], ascending=[False, True])
    preview = markdown_table(rows.to_dict("records"), ["name", "type", "article_count", "aliases"])
    return MaterializeResult(
        metadata=output_metadata(
            len(entity_table), preview, aliases=len(aliases), curated_entries=len(curated)
        ),
        check_results=[check_has_rows(len(entity_table))],
    )
