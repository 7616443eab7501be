"""Row-count and null-rate checks evaluated inside the asset, on the partition just written."""

from collections.abc import Sequence
from typing import Any

from dagster import AssetCheckResult, AssetCheckSeverity, AssetCheckSpec


def spec(asset: str, name: str, description: str, blocking: bool = False) -> AssetCheckSpec:
    return AssetCheckSpec(name=name, asset=asset, description=description, blocking=blocking)


def has_rows(asset: str) -> AssetCheckSpec:
    return spec(asset, "has_rows", "The partition is not empty (warns on a quiet day).")


def check_has_rows(rows: Sequence[Any]) -> AssetCheckResult:
    return AssetCheckResult(
        check_name="has_rows",
        passed=len(rows) > 0,
        severity=AssetCheckSeverity.WARN,
        metadata={"rows": len(rows)},
    )


def null_rate(asset: str, column: str, max_rate: float, blocking: bool = False) -> AssetCheckSpec:
    return spec(
        asset,
        f"{column}_null_rate",
        f"Share of rows with no {column} is at most {max_rate:.0%}.",
        blocking,
    )


def check_null_rate(
    rows: Sequence[dict],
    column: str,
    max_rate: float,
    severity: AssetCheckSeverity = AssetCheckSeverity.WARN,
) -> AssetCheckResult:
    missing = sum(1 for row in rows if row.get(column) in (None, "", []))
    rate = missing / len(rows) if rows else 0.0
    return AssetCheckResult(
        check_name=f"{column}_null_rate",
        passed=rate <= max_rate,
        severity=severity,
        metadata={"null_rate": round(rate, 4), "max_rate": max_rate, "rows": len(rows)},
    )


def ratio_check(
    name: str,
    numerator: int,
    denominator: int,
    max_rate: float | None = None,
    min_rate: float | None = None,
) -> AssetCheckResult:
    rate = numerator / denominator if denominator else 0.0
    passed = (max_rate is None or rate <= max_rate) and (
        min_rate is None or rate >= min_rate or denominator == 0
    )
    return AssetCheckResult(
        check_name=name,
        passed=passed,
        severity=AssetCheckSeverity.WARN,
        metadata={"rate": round(rate, 4), "numerator": numerator, "denominator": denominator},
    )
