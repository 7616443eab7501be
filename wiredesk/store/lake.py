"""The lake: one folder of Parquet files per table, one sub-folder per day.

Writers never share a file with readers: each (table, day, part) is one Parquet file,
written under a temporary name and renamed into place, so a reader sees the old file
or the new one, never half of one. A re-run replaces the file whole.

On object storage (a remote home, see ``wiredesk.store.storage``) there is no rename, and an object
must never change under a running query either. There each write is a new, immutable object
named ``<part>.<stamp>.parquet``; the stamp leads with the write time in nanoseconds (20
digits, so names sort by age), then a random token and the size. The current file of a part
is its newest object; ``wiredesk.store.snapshot`` deletes superseded ones after the retention
window. A PUT is atomic, so a reader lists either the old newest object or the new one.
A writer lists the part first and stamps past its newest object, so a clock that is behind
(another machine's, or this one's after a step back) never hides a write; the asset graph
never has two writers of one part at once.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from wiredesk.store.schema import Table, table
from wiredesk.store.storage import IMMUTABLE_SUFFIX, AnyPath, as_path, is_remote

DEFAULT_PART = "data"

#: What follows the part in an immutable file's name: ``.<20-digit ns>-<hex>-<hex>.parquet``
#: (published links, and every object of a remote lake). Removing it gives the part.
GENERATION = IMMUTABLE_SUFFIX
_GENERATION = re.compile(GENERATION)


def part_of(name: str) -> str:
    """The partition part an immutable file's name belongs to (``data.<stamp>.parquet``)."""
    return _GENERATION.sub("", name)


def object_name(part: str, size: int, after: str | None = None) -> str:
    """A new immutable name for ``part`` that sorts after ``after`` (the part's newest name
    so far), even if this machine's clock is behind the one that wrote it."""
    stamp = time.time_ns()
    if after:
        stamp = max(stamp, int(after[len(part) + 1 : len(part) + 21]) + 1)
    return f"{part}.{stamp:020d}-{uuid.uuid4().hex[:16]}-{size:x}.parquet"


def newest_per_part(names: Iterable[str]) -> dict[str, str]:
    """Part -> its newest immutable file name, among ``names`` (other names are ignored)."""
    newest: dict[str, str] = {}
    for name in names:
        if not _GENERATION.search(name):
            continue
        part = part_of(name)
        if name > newest.get(part, ""):
            newest[part] = name
    return newest


class Lake:
    """Parquet partitions under ``<home>/lake``."""

    def __init__(self, home: AnyPath | str) -> None:
        self.remote = is_remote(home)
        self.home: AnyPath = as_path(home) if self.remote else Path(home)
        self.root = self.home / "lake"

    # -- paths ---------------------------------------------------------------------------
    def table_dir(self, name: str) -> AnyPath:
        return self.root / name

    def partition_dir(self, name: str, day: dt.date | str) -> AnyPath:
        return self.table_dir(name) / f"day={_day(day)}"

    def file_path(self, name: str, day: dt.date | str | None, part: str = DEFAULT_PART) -> AnyPath:
        """Where a part's file lives in a local lake (a remote lake adds a write stamp)."""
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
        if self.remote:
            return bool(self.current_files(name))
        directory = self.table_dir(name)
        if not directory.exists():
            return False
        pattern = "*/*.parquet" if table(name).partitioned else "*.parquet"
        return any(directory.glob(pattern))

    def days(self, name: str) -> list[dt.date]:
        """Days that have a partition of this table."""
        if self.remote:
            return sorted({_day_of(path) for path in self.current_files(name)})
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
        if spec.sort_by:
            data = data.sort_by([(column, "ascending") for column in spec.sort_by])
        target = self.file_path(name, day, part)
        if self.remote:
            buffer = pa.BufferOutputStream()
            pq.write_table(data, buffer, **spec.parquet_options)
            payload = buffer.getvalue().to_pybytes()
            folder = target.parent.path.rstrip("/")
            names = [
                file_name
                for key in self.objects(name, day)
                for parent, _, file_name in [key.rpartition("/")]
                if parent == folder
            ]
            newest = newest_per_part(names).get(part)  # one listing per write: see object_name
            target.with_name(object_name(part, len(payload), newest)).write_bytes(payload)
            return data.num_rows
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
        try:
            pq.write_table(data, temporary, **spec.parquet_options)
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
        if self.remote:
            wanted = part or (None if spec.partitioned else DEFAULT_PART)
            files = [
                path
                for path in self.current_files(name, day)
                if wanted is None or part_of(path.name) == wanted
            ]
        elif spec.partitioned and day is not None:
            directory = self.partition_dir(name, day)
            files = sorted(directory.glob(f"{part or '*'}.parquet"))
        elif spec.partitioned:
            files = sorted(self.table_dir(name).glob(f"day=*/{part or '*'}.parquet"))
        else:
            files = sorted(self.table_dir(name).glob(f"{part or DEFAULT_PART}.parquet"))
        tables = []
        for path in files:
            if self.remote:
                with path.open("rb") as handle:
                    data = pq.read_table(handle, schema=spec.arrow_schema)
            else:
                data = pq.read_table(path, schema=spec.arrow_schema)
            if spec.partitioned:
                file_day = _day_of(path)
                data = data.append_column("day", pa.array([file_day] * data.num_rows, pa.date32()))
            tables.append(data)
        if not tables:
            return empty_table(spec)
        return pa.concat_tables(tables)

    # -- a remote lake's listing -----------------------------------------------------------
    def objects(self, name: str | None = None, day: dt.date | str | None = None) -> dict[str, dict]:
        """Every Parquet object of a remote table (or of one day, or of the whole lake when
        ``name`` is None), key -> fsspec info; one paginated listing."""
        if name is None:
            directory = self.root
        elif day is not None:
            directory = self.partition_dir(name, day)
        else:
            directory = self.table_dir(name)
        prefix = directory.path.rstrip("/") + "/"
        return {
            key: info
            for key, info in directory.fs.find(prefix, detail=True).items()
            if key.endswith(".parquet") and key.startswith(prefix)
        }

    def current_files(
        self, name: str, day: dt.date | str | None = None, objects: Mapping | None = None
    ) -> list[AnyPath]:
        """The newest object of every part of a remote table (or of one day), sorted;
        ``objects`` is a listing already made by ``objects()``."""
        by_folder: dict[str, list[str]] = {}
        table_key = self.table_dir(name).path.rstrip("/") + "/"
        for key in self.objects(name, day) if objects is None else objects:
            if not key.startswith(table_key):
                continue
            folder, _, file_name = key.rpartition("/")
            by_folder.setdefault(folder, []).append(file_name)
        current = []
        for folder, names in by_folder.items():
            relative = folder[len(table_key) :].strip("/")
            if relative.startswith("day=") != table(name).partitioned or "/" in relative:
                continue
            directory = self.table_dir(name) / relative if relative else self.table_dir(name)
            current += [directory / newest for newest in newest_per_part(names).values()]
        return sorted(current, key=str)


def _day_of(path: AnyPath) -> dt.date:
    return dt.date.fromisoformat(path.parent.name[4:])


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
