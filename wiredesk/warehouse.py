"""The analyst's database: views over the lake, rebuilt atomically only when needed.

``wiredesk.duckdb`` never holds rows the pipeline writes, so no writer ever needs a lock
on it: analysts keep it open read-only while runs replace Parquet files underneath. The
file is rewritten (to a temporary name, then renamed) only when the view definitions
change: a new schema version, or a table that got its first rows.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import duckdb

from wiredesk.lake import Lake
from wiredesk.schema import SCHEMA_VERSION, TABLES, Table

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
WAREHOUSE_FILE = "wiredesk.duckdb"


def sql_dir() -> Path:
    """The project's ``sql/`` folder (overridable for installed copies)."""
    return Path(os.environ.get("WIREDESK_SQL_DIR", SQL_DIR))


def read_sql(relative: str) -> str:
    return (sql_dir() / relative).read_text(encoding="utf-8")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _duck_type(spec: Table, name: str) -> str:
    import pyarrow as pa

    arrow_type = spec.column(name).type
    mapping = {
        pa.string(): "VARCHAR",
        pa.int64(): "BIGINT",
        pa.float64(): "DOUBLE",
        pa.bool_(): "BOOLEAN",
        pa.date32(): "DATE",
        pa.binary(): "BLOB",
        pa.list_(pa.string()): "VARCHAR[]",
    }
    if pa.types.is_timestamp(arrow_type):
        return "TIMESTAMPTZ"
    return mapping[arrow_type]


def lake_select(lake: Lake, spec: Table) -> str:
    """SELECT over a table's Parquet files, or a typed empty SELECT when it has none."""
    if lake.has_files(spec.name):
        columns = ", ".join(f'"{c.name}"' for c in spec.columns)
        if spec.partitioned:
            return (
                f"SELECT {columns} FROM read_parquet({_quote(lake.glob(spec.name))}, "
                "hive_partitioning = true, hive_types = {'day': DATE}, union_by_name = true)"
            )
        return (
            f"SELECT {columns} FROM read_parquet({_quote(lake.glob(spec.name))}, "
            "union_by_name = true)"
        )
    typed = ", ".join(
        f'CAST(NULL AS {_duck_type(spec, c.name)}) AS "{c.name}"' for c in spec.columns
    )
    return f"SELECT {typed} WHERE false"


def view_files() -> list[Path]:
    """Public views that refine the raw lake views, applied in name order."""
    return sorted((sql_dir() / "views").glob("*.sql"))


def define_views(con: duckdb.DuckDBPyConnection, lake: Lake) -> None:
    """Create schema ``lake`` with one raw view per table, then the public views."""
    con.execute("CREATE SCHEMA IF NOT EXISTS lake")
    overridden = {path.stem for path in view_files()}
    for spec in TABLES.values():
        con.execute(f'CREATE OR REPLACE VIEW lake."{spec.name}" AS {lake_select(lake, spec)}')
        if spec.name not in overridden:
            con.execute(
                f'CREATE OR REPLACE VIEW main."{spec.name}" AS SELECT * FROM lake."{spec.name}"'
            )
    for path in view_files():
        con.execute(path.read_text(encoding="utf-8"))
    for spec in TABLES.values():
        con.execute(f'COMMENT ON VIEW main."{spec.name}" IS {_quote(spec.description)}')


def signature(lake: Lake) -> dict:
    """What the views depend on; the file is rebuilt when this changes."""
    views = {path.name: path.read_text(encoding="utf-8") for path in view_files()}
    return {
        "schema_version": SCHEMA_VERSION,
        "lake": str(lake.root),
        "tables_with_files": sorted(name for name in TABLES if lake.has_files(name)),
        "views": views,
    }


def warehouse_path(home: Path) -> Path:
    return Path(home) / WAREHOUSE_FILE


def ensure_warehouse(home: Path, force: bool = False) -> bool:
    """Make ``wiredesk.duckdb`` match the lake; True when the file was (re)written."""
    home = Path(home)
    lake = Lake(home)
    target = warehouse_path(home)
    marker = target.with_name(target.name + ".signature.json")
    wanted = signature(lake)
    if not force and target.exists() and marker.exists():
        try:
            if json.loads(marker.read_text(encoding="utf-8")) == wanted:
                return False
        except (OSError, ValueError):
            pass
    home.mkdir(parents=True, exist_ok=True)
    temporary = home / f".{target.name}.{uuid.uuid4().hex}.tmp"
    try:
        con = duckdb.connect(str(temporary))
        try:
            define_views(con, lake)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
        Path(str(temporary) + ".wal").unlink(missing_ok=True)
    marker_tmp = marker.with_name(f".{marker.name}.{uuid.uuid4().hex}.tmp")
    marker_tmp.write_text(json.dumps(wanted, indent=1), encoding="utf-8")
    os.replace(marker_tmp, marker)
    return True


def memory_connection(home: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the same views: for pipeline reads, never locking a file."""
    con = duckdb.connect(":memory:")
    define_views(con, Lake(Path(home)))
    return con


def connect_readonly(home: Path) -> duckdb.DuckDBPyConnection:
    """What an analyst gets: the warehouse file, read-only."""
    path = warehouse_path(Path(home))
    if not path.exists():
        raise FileNotFoundError(f"{path}: no warehouse yet; run `wiredesk ingest` or `make demo`")
    return duckdb.connect(str(path), read_only=True)
