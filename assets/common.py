"""What every asset attaches: row counts, the table schema and a markdown preview."""

import warnings
from collections.abc import Sequence
from typing import Any

import pyarrow as pa
from dagster import BetaWarning, MarkdownMetadataValue, TableColumn, TableSchema

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
