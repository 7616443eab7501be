"""The lake: one folder of Parquet files per table, one sub-folder per day.

Writers never share a file with readers: each (table, day, part) is one Parquet file,
written under a temporary name and renamed into place, so a reader sees the old file
or the new one, never half of one. A re-run replaces the file whole.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from wiredesk.schema import Table, table

DEFAULT_PART = "data"


class Lake:
    """Parquet partitions under ``<home>/lake``."""

    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        self.root = self.home / "lake"

    # -- paths ---------------------------------------------------------------------------
    def table_dir(self, name: str) -> Path:
        return self.root / name

    def partition_dir(self, name: str, day: dt.date | str) -> Path:
        return self.table_dir(name) / f"day={_day(day)}"

    def file_path(self, name: str, day: dt.date | str | None, part: str = DEFAULT_PART) -> Path:
        spec = table(name)
        if spec.partitioned:
            if day is None:
                raise ValueError(f"table {name} is partitioned by day: a day is needed")
            return self.partition_dir(name, day) / f"{part}.parquet"
        return self.table_dir(name) / f"{part}.parquet"

    def glob(self, name: str) -> str:
        """Absolute glob of every file of a table, for ``read_parquet``."""
        if table(name).partitioned:
            return str(self.table_dir(name) / "*" / "*.parquet")
        return str(self.table_dir(name) / "*.parquet")

    def has_files(self, name: str) -> bool:
        directory = self.table_dir(name)
        if not directory.exists():
            return False
        pattern = "*/*.parquet" if table(name).partitioned else "*.parquet"
        return any(directory.glob(pattern))

    def days(self, name: str) -> list[dt.date]:
        """Days that have a partition of this table."""
        directory = self.table_dir(name)
        if not directory.exists():
            return []
        found = []
        for child in directory.iterdir():
            if child.is_dir() and child.name.startswith("day=") and any(child.glob("*.parquet")):
                found.append(dt.date.fromisoformat(child.name[4:]))
        return sorted(found)

    # -- writing -------------------------------------------------------------------------
    def write(
        self,
        name: str,
        rows: Iterable[Mapping[str, Any]] | pa.Table,
        day: dt.date | str | None = None,
        part: str = DEFAULT_PART,
    ) -> int:
        """Replace one partition part with ``rows``; returns the row count written."""
        spec = table(name)
        data = to_arrow(spec, rows)
        target = self.file_path(name, day, part)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
        try:
            pq.write_table(data, temporary, compression="zstd")
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)
        return data.num_rows

    # -- reading -------------------------------------------------------------------------
    def read(
        self, name: str, day: dt.date | str | None = None, part: str | None = None
    ) -> pa.Table:
        """One partition (all parts, or one), or the whole unpartitioned table."""
        spec = table(name)
        if spec.partitioned and day is not None:
            directory = self.partition_dir(name, day)
            files = sorted(directory.glob(f"{part or '*'}.parquet"))
        elif spec.partitioned:
            files = sorted(self.table_dir(name).glob(f"day=*/{part or '*'}.parquet"))
        else:
            files = sorted(self.table_dir(name).glob(f"{part or DEFAULT_PART}.parquet"))
        tables = []
        for path in files:
            data = pq.read_table(path, schema=spec.arrow_schema)
            if spec.partitioned:
                file_day = dt.date.fromisoformat(path.parent.name[4:])
                data = data.append_column("day", pa.array([file_day] * data.num_rows, pa.date32()))
            tables.append(data)
        if not tables:
            return empty_table(spec)
        return pa.concat_tables(tables)


def _day(day: dt.date | str) -> str:
    return day.isoformat() if isinstance(day, dt.date) else dt.date.fromisoformat(day).isoformat()


def empty_table(spec: Table) -> pa.Table:
    schema = spec.arrow_schema
    if spec.partitioned:
        schema = schema.append(pa.field("day", pa.date32()))
    return schema.empty_table()


def to_arrow(spec: Table, rows: Iterable[Mapping[str, Any]] | pa.Table) -> pa.Table:
    """Cast rows to the table's schema: missing columns are null, unknown ones an error."""
    schema = spec.arrow_schema
    if isinstance(rows, pa.Table):
        extra = set(rows.column_names) - set(schema.names) - {"day"}
        if extra:
            raise ValueError(f"{spec.name}: unknown columns {sorted(extra)}")
        columns = [
            rows.column(f.name).cast(f.type)
            if f.name in rows.column_names
            else pa.nulls(rows.num_rows, f.type)
            for f in schema
        ]
        return pa.Table.from_arrays(columns, schema=schema)
    records = list(rows)
    for record in records:
        extra = set(record) - set(schema.names) - {"day"}
        if extra:
            raise ValueError(f"{spec.name}: unknown columns {sorted(extra)}")
    return pa.Table.from_pylist(
        [{f.name: r.get(f.name) for f in schema} for r in records], schema=schema
    )
