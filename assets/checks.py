"""Row-count and null-rate checks evaluated inside the asset, on the partition just written."""

from collections.abc import Mapping, Sequence

from dagster import AssetCheckResult, AssetCheckSeverity, AssetCheckSpec


def spec(asset: str, name: str, description: str, blocking: bool = False) -> AssetCheckSpec:
    return AssetCheckSpec(name=name, asset=asset, description=description, blocking=blocking)


def has_rows(asset: str) -> AssetCheckSpec:
    return spec(asset, "has_rows", "The partition is not empty (warns on a quiet day).")


def check_has_rows(rows: int, **metadata: object) -> AssetCheckResult:
    """``rows``: how many the partition holds (a count, so no caller builds a list for it)."""
    return AssetCheckResult(
        check_name="has_rows",
        passed=rows > 0,
        severity=AssetCheckSeverity.WARN,
        metadata={"rows": rows, **metadata},
    )


def check_each_day_has_rows(rows_per_day: Mapping[str, int]) -> AssetCheckResult:
    """``has_rows`` over a run of one day or a range: every day must have rows, and the
    result names the emptiest day."""
    if len(rows_per_day) <= 1:
        return check_has_rows(sum(rows_per_day.values()))
    day = min(rows_per_day, key=lambda d: (rows_per_day[d], d))
    return check_has_rows(rows_per_day[day], emptiest_day=day)


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
    missing = sum(1 for row in rows if is_null(row.get(column)))
    return null_rate_result(column, missing, len(rows), max_rate, severity)


def is_null(value: object) -> bool:
    return value in (None, "", [])


def null_rate_result(
    column: str,
    missing: int,
    rows: int,
    max_rate: float,
    severity: AssetCheckSeverity = AssetCheckSeverity.WARN,
) -> AssetCheckResult:
    """The null-rate check from counts (a range of days is counted as it goes)."""
    rate = missing / rows if rows else 0.0
    return AssetCheckResult(
        check_name=f"{column}_null_rate",
        passed=rate <= max_rate,
        severity=severity,
        metadata={"null_rate": round(rate, 4), "max_rate": max_rate, "rows": rows},
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


def worst_source_check(
    name: str, totals: dict[str, int], failed: dict[str, int], max_rate: float
) -> AssetCheckResult:
    """Passes when no single source fails more than ``max_rate`` of its attempts."""
    rates = {source: failed.get(source, 0) / total for source, total in totals.items() if total}
    worst = max(rates, key=rates.get, default=None)
    return AssetCheckResult(
        check_name=name,
        passed=worst is None or rates[worst] <= max_rate,
        severity=AssetCheckSeverity.WARN,
        metadata={
            "max_rate": max_rate,
            "worst_source": worst or "",
            "worst_rate": round(rates[worst], 4) if worst else 0.0,
            "rates": {k: round(v, 4) for k, v in sorted(rates.items())},
        },
    )


def mentions_per_article_check(mentions: int, articles: int, maximum: float) -> AssetCheckResult:
    """A recogniser gone wrong shows as no mentions at all, or as hundreds per article."""
    mean = mentions / articles if articles else 0.0
    return AssetCheckResult(
        check_name="mentions_per_article",
        passed=articles == 0 or 1.0 <= mean <= maximum,
        severity=AssetCheckSeverity.WARN,
        metadata={"mean": round(mean, 2), "maximum": maximum, "articles": articles},
    )
