"""What every asset attaches: row counts, the table schema and a markdown preview."""

import datetime as dt
import warnings
from collections.abc import Sequence
from typing import Any

import pyarrow as pa
from dagster import (
    AssetExecutionContext,
    BetaWarning,
    MarkdownMetadataValue,
    MetadataValue,
    TableColumn,
    TableSchema,
)

from wiredesk.store import table

OWNERS = ["team:wiredesk"]

#: Dagster marks ``backfill_policy`` beta; wiredesk relies on it only for range runs of the
#: daily aggregates, and the warning would print on every command.
warnings.filterwarnings("ignore", message=".*backfill_policy.*", category=BetaWarning)


def column_schema(name: str) -> TableSchema:
    spec = table(name)
    return TableSchema(
        columns=[TableColumn(c.name, str(c.type), description=c.description) for c in spec.columns]
    )


def definition_metadata(name: str) -> dict[str, Any]:
    return {"dagster/column_schema": column_schema(name), "lake_table": name}


def markdown_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], limit: int = 10) -> str:
    """A small markdown table for the UI (cells shortened, pipes escaped)."""
    if not rows:
        return "_no rows_"

    def cell(value: Any) -> str:
        text = "" if value is None else str(value)
        text = " ".join(text.split()).replace("|", "\\|")
        return text if len(text) <= 90 else text[:87] + "..."

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in list(rows)[:limit]:
        lines.append("| " + " | ".join(cell(row.get(c)) for c in columns) + " |")
    return "\n".join(lines)


def output_metadata(row_count: int, preview: str | None = None, **extra: Any) -> dict[str, Any]:
    metadata: dict[str, Any] = {"dagster/row_count": row_count}
    if preview is not None:
        metadata["preview"] = MarkdownMetadataValue(preview)
    metadata.update(extra)
    return metadata


def rows_of(data: pa.Table) -> list[dict[str, Any]]:
    return data.to_pylist()


def run_days(context: AssetExecutionContext) -> list[dt.date]:
    """The days a run materialises: its one partition, or every day of its range (every
    daily asset takes a range: ``wiredesk ingest`` builds consecutive days in one run)."""
    return [dt.date.fromisoformat(key) for key in context.partition_keys]


def day_counts(per_day: dict[str, int]) -> dict[str, Any]:
    """Rows per day, shown when a run covered more than one day."""
    return {"rows_per_day": MetadataValue.json(per_day)} if len(per_day) > 1 else {}
