"""Checks that look across partitions (the per-partition ones run inside each asset)."""

from dagster import AssetCheckResult, AssetCheckSeverity, asset_check

from assets.entities import entities
from pipelines.resources import WiredeskResource


@asset_check(asset=entities, description="Every entity has a name, a type and an article.")
def entities_are_complete(wiredesk: WiredeskResource) -> AssetCheckResult:
    rows = wiredesk.lake().read("entities").to_pylist()
    bad = [
        r["entity_id"]
        for r in rows
        if not r["name"] or not r["type"] or (r["article_count"] or 0) < 1
    ]
    return AssetCheckResult(
        passed=not bad,
        severity=AssetCheckSeverity.ERROR,
        metadata={"entities": len(rows), "incomplete": len(bad)},
    )


@asset_check(asset=entities, description="Every per-article entity key maps to one entity.")
def aliases_resolve(wiredesk: WiredeskResource) -> AssetCheckResult:
    lake = wiredesk.lake()
    keys = set(lake.read("entity_mentions").column("entity_key").to_pylist())
    mapped = set(lake.read("entity_aliases").column("entity_key").to_pylist())
    missing = keys - mapped
    return AssetCheckResult(
        passed=not missing,
        severity=AssetCheckSeverity.ERROR,
        metadata={"keys": len(keys), "unmapped": len(missing)},
    )


cross_partition_checks = [entities_are_complete, aliases_resolve]
