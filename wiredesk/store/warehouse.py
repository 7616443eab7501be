"""The analyst's database: documented views over the published lake, swapped atomically.

``wiredesk.duckdb`` never holds rows the pipeline writes, so no writer ever needs a lock on
it: analysts keep it open read-only while runs write Parquet files. Views list the files of
one publication (see ``wiredesk.store.snapshot``), which never change content, so a query never
meets a half-replaced partition and an open connection keeps a consistent snapshot. After a
run publishes, the file is rewritten (temporary name, then rename): new connections see the
new data, open ones keep theirs until they reconnect.

A remote home (``s3://bucket/prefix``, see ``wiredesk.store.storage``) keeps the lake on object
storage and this file on local disk (DuckDB opens database files through the operating system
only): ``home.local``, by default ``./.wiredesk/<bucket>/<prefix>``. Its views read
``s3://`` paths, which DuckDB reaches through the fsspec filesystem that every connection made
here registers (``connect_readonly``, ``memory_connection``); a DuckDB with the httpfs
extension and credentials reads them natively.

Every view and column carries a ``COMMENT ON`` taken from the table contract or from its
``sql/views`` file; ``python -m wiredesk.store.warehouse docs`` renders them as docs/tables.md.
"""

from __future__ import annotations

import functools
import graphlib
import json
import os
import re
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from wiredesk.settings import current_settings
from wiredesk.store.home import local_home
from wiredesk.store.lake import GENERATION
from wiredesk.store.schema import SCHEMA_VERSION, TABLES, Table
from wiredesk.store.snapshot import (
    Publication,
    publish_lock,
    publish_locked,
    published_root,
)
from wiredesk.store.storage import AnyPath, fs_and_path, is_remote, register

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"
WAREHOUSE_FILE = "wiredesk.duckdb"


def sql_dir() -> Path:
    """The project's ``sql/`` folder (overridable for installed copies)."""
    configured = current_settings().storage.sql_dir
    return Path(configured) if configured else SQL_DIR


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
    return _arrow_to_duck(arrow_type, mapping)


def _arrow_to_duck(arrow_type, mapping: dict) -> str:  # noqa: ANN001 - a pyarrow DataType
    import pyarrow as pa

    if pa.types.is_timestamp(arrow_type):
        return "TIMESTAMPTZ" if arrow_type.tz else "TIMESTAMP"  # a zone-less wall clock
    if pa.types.is_list(arrow_type):
        return _arrow_to_duck(arrow_type.value_type, mapping) + "[]"
    return mapping[arrow_type]


@functools.lru_cache(maxsize=65536)
def _file_columns(path: str) -> frozenset[str]:
    """Columns of one published file (published files never change, so this is cached)."""
    filesystem, inside = fs_and_path(path)
    return frozenset(pq.read_schema(inside, filesystem=filesystem).names)


#: A published link's name is ``<part>.<20-digit mtime>-<inode>-<size>.parquet`` (a remote
#: object's ``<part>.<20-digit write time>-<token>-<size>.parquet``); removing the suffix gives
#: the partition part it belongs to.
_GENERATION = GENERATION


def published_glob(home: AnyPath, spec: Table) -> str:
    root = published_root(home) / spec.name
    return str(root / "*" / "*.parquet") if spec.partitioned else str(root / "*.parquet")


def present_columns(files: list[str], retained: list[str] = ()) -> tuple[list[str], bool]:
    """Columns the current files have (sorted), so the views know which to read as nulls,
    and whether they and the replaced links still retained (a view's glob lists those too)
    all have the same ones."""
    if not files:
        return [], True
    current = {_file_columns(f) for f in files}
    every = set(current)
    for link in retained:
        try:
            every.add(_file_columns(link))
        except FileNotFoundError:
            continue  # expired since the publication listed it
    return sorted(set().union(*current)), len(every) == 1


def lake_select(
    home: AnyPath,
    spec: Table,
    present: list[str],
    uniform: bool = False,
    pinned: list[str] | None = None,
) -> str:
    """SELECT over the newest published link of every partition part of a table.

    The view is a glob, so it sees new partitions without being rewritten; ``glob()`` lists
    names without opening files, and the newest name per part is the current file, so a
    re-published part is read once. Columns the files do not have yet read as typed nulls;
    a table without files is a typed empty SELECT.

    Files of one schema (``uniform``, the usual case) are read without ``union_by_name``:
    matching columns by name across files makes DuckDB open every file's footer each time it
    binds the view, about a second per table at a year of days, on every connection and
    query. Files written before a column was added need it, and keep it until rewritten.

    ``pinned``: read exactly these files (a publication's current ones) instead. A pipeline
    step's connection sees the lake as it was published when it opened, binds its views
    without listing folders, and never reads the replaced links kept for running queries.
    """
    if not present:
        typed = ", ".join(
            f'CAST(NULL AS {_duck_type(spec, c.name)}) AS "{c.name}"' for c in spec.columns
        )
        return f"SELECT {typed} WHERE false"
    options = []
    if spec.partitioned:
        options.append("hive_partitioning = true, hive_types = {'day': DATE}")
    if not uniform:
        options.append("union_by_name = true")
    have = {"day", *present}
    columns = ", ".join(
        f'"{c.name}"'
        if c.name in have
        else f'CAST(NULL AS {_duck_type(spec, c.name)}) AS "{c.name}"'
        for c in spec.columns
    )
    if pinned is not None:
        files = "[" + ", ".join(_quote(str(f)) for f in pinned) + "]"
        return f"SELECT {columns} FROM read_parquet({', '.join([files, *options])})"
    pattern = _quote(published_glob(home, spec))
    newest = (
        f"SELECT max(file) FROM glob({pattern}) GROUP BY regexp_replace(file, '{_GENERATION}', '')"
    )
    scan = ", ".join([pattern, *options, "filename = true"])
    return f"SELECT {columns} FROM read_parquet({scan}) WHERE filename IN ({newest})"


def view_files() -> list[Path]:
    """Public views that refine the raw lake views, each after the views it reads."""
    files = {path.stem: path for path in sorted((sql_dir() / "views").glob("*.sql"))}
    needs = {
        name: sorted(
            set(re.findall(r"\bmain\.(\w+)", path.read_text(encoding="utf-8")))
            & set(files) - {name}
        )
        for name, path in files.items()
    }
    try:
        order = graphlib.TopologicalSorter(needs).static_order()
        return [files[name] for name in order]
    except graphlib.CycleError as exc:
        raise ValueError(f"sql/views: circular view definitions {exc.args[1]}") from None


def view_reads() -> dict[Path, set[str]]:
    """What each public view file reads: ``lake.<table>`` and ``main.<view>`` names, in the
    order ``view_files`` gives."""
    return {
        path: set(re.findall(r"\b((?:lake|main)\.\w+)", path.read_text(encoding="utf-8")))
        for path in view_files()
    }


def macro_files() -> list[Path]:
    """Table and scalar macros analysts call (full-text search), applied after the views."""
    return sorted((sql_dir() / "macros").glob("*.sql"))


def _comment_columns(
    con: duckdb.DuckDBPyConnection, spec: Table, columns: list[str], only_missing: bool
) -> None:
    missing: set[str] = set()
    if only_missing:
        missing = {
            name
            for name, comment in con.execute(
                "SELECT column_name, comment FROM duckdb_columns() "
                "WHERE schema_name = 'main' AND table_name = ?",
                [spec.name],
            ).fetchall()
            if not comment
        }
    for column in spec.columns:
        if column.name not in columns or (only_missing and column.name not in missing):
            continue
        con.execute(
            f'COMMENT ON COLUMN main."{spec.name}"."{column.name}" IS {_quote(column.description)}'
        )


def lake_view_key(publication: Publication, spec: Table) -> tuple:
    """What a pinned raw view of ``spec`` is built from: its files and their columns."""
    files = publication.of(spec.name)
    present, uniform = present_columns(files, [])
    return tuple(files), tuple(present), uniform


def define_lake_view(
    con: duckdb.DuckDBPyConnection,
    home: AnyPath,
    spec: Table,
    publication: Publication,
    pinned: bool = False,
) -> None:
    """The raw view ``lake.<table>`` over the publication's files (see ``lake_select``)."""
    retained = [] if pinned else publication.retained_of(spec.name)
    present, uniform = present_columns(publication.of(spec.name), retained)
    files = publication.of(spec.name) if pinned else None
    select = lake_select(home, spec, present, uniform, files)
    con.execute(f'CREATE OR REPLACE VIEW lake."{spec.name}" AS {select}')


def define_views(
    con: duckdb.DuckDBPyConnection,
    home: AnyPath,
    publication: Publication,
    documented: bool = True,
    pinned: bool = False,
) -> None:
    """Schema ``lake`` with one raw view per table, then the public views and macros.

    ``documented`` adds the COMMENT ON texts (the analyst's file; pipeline reads skip them).
    ``pinned`` reads the publication's files by name (see ``lake_select``).
    """
    con.execute("BEGIN TRANSACTION")
    con.execute("CREATE SCHEMA IF NOT EXISTS lake")
    overridden = {path.stem for path in view_files()}
    for spec in TABLES.values():
        define_lake_view(con, home, spec, publication, pinned)
        if spec.name not in overridden:
            con.execute(
                f'CREATE OR REPLACE VIEW main."{spec.name}" AS SELECT * FROM lake."{spec.name}"'
            )
            if documented:
                con.execute(f'COMMENT ON VIEW main."{spec.name}" IS {_quote(spec.description)}')
                _comment_columns(con, spec, [c.name for c in spec.columns], only_missing=False)
    for path in view_files():
        con.execute(path.read_text(encoding="utf-8"))
    if documented:
        for spec in TABLES.values():
            if spec.name in overridden:
                _comment_columns(con, spec, [c.name for c in spec.columns], only_missing=True)
    for path in macro_files():
        con.execute(path.read_text(encoding="utf-8"))
    con.execute("COMMIT")


def signature(home: AnyPath, publication: Publication) -> dict:
    """What the view definitions depend on; the file is rewritten only when this changes
    (a schema or SQL change, a table's first file, a column the files gained), never for
    new data, so an analyst's open connection keeps working and sees new rows."""
    texts = {path.name: path.read_text(encoding="utf-8") for path in view_files() + macro_files()}
    columns = {
        t: list(present_columns(publication.of(t), publication.retained_of(t))) for t in TABLES
    }
    return {
        "schema_version": SCHEMA_VERSION,
        "root": str(published_root(home)),
        "columns": columns,
        "sql": texts,
    }


def warehouse_path(home: AnyPath) -> Path:
    """The analyst's file: in the home, or in the local home of a remote one."""
    return local_home(home) / WAREHOUSE_FILE


def ensure_warehouse(home: AnyPath, force: bool = False) -> bool:
    """Publish the lake and make ``wiredesk.duckdb`` match it; True when rewritten."""
    if not is_remote(home):
        home = Path(home)
        home.mkdir(parents=True, exist_ok=True)
    target = warehouse_path(home)
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    marker = target.with_name(target.name + ".signature.json")
    with publish_lock(home):
        publication = publish_locked(home)
        wanted = signature(home, publication)
        if not force and target.exists() and marker.exists():
            try:
                if json.loads(marker.read_text(encoding="utf-8")) == wanted:
                    return False
            except (OSError, ValueError):
                pass
        _cleanup_temporaries(folder, target.name)
        temporary = folder / f".{target.name}.{uuid.uuid4().hex}.tmp"
        try:
            con = duckdb.connect(str(temporary))
            try:
                register(con, home, snapshot=True)
                define_views(con, home, publication)
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


#: The homes whose analyst's file waits for the end of the open ``published_at_end`` block
#: (by path), or None outside one.
_waiting: dict[str, AnyPath] | None = None


def publish_warehouse(home: AnyPath) -> None:
    """``ensure_warehouse`` now, or when the open ``published_at_end`` block ends."""
    if _waiting is None:
        ensure_warehouse(home)
    else:
        _waiting.setdefault(str(home), home)


@contextmanager
def published_at_end(*homes: AnyPath) -> Iterator[None]:
    """Within the block ``publish_warehouse`` only notes the home; each noted home's file,
    and each of ``homes``, is brought up to date once when the block ends, even after a
    failure (what a failed step wrote before it failed is published too). For runs whose
    steps share one process (``wiredesk ingest``, a Dagster run in the run's process): each
    step's publication rewrote the file for each table's first files, a few tenths of a
    second a step on a new home, while nothing in the run reads it."""
    global _waiting
    if _waiting is not None:
        for home in homes:  # an outer block publishes
            _waiting.setdefault(str(home), home)
        yield
        return
    _waiting = {str(home): home for home in homes}
    try:
        yield
    finally:
        waiting, _waiting = _waiting, None
        for home in waiting.values():
            ensure_warehouse(home)


def _cleanup_temporaries(folder: Path, name: str) -> None:
    """Remove temporary warehouse files a killed run left behind (we hold the lock)."""
    for leftover in folder.glob(f".{name}.*.tmp*"):
        leftover.unlink(missing_ok=True)


def connect_readonly(home: AnyPath) -> duckdb.DuckDBPyConnection:
    """What an analyst gets: the warehouse file, read-only (able to read a remote lake)."""
    path = warehouse_path(home)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no warehouse yet; run `wiredesk ingest` or `make demo`")
    con = duckdb.connect(str(path), read_only=True)
    register(con, home)
    return con


# -- table reference -----------------------------------------------------------------------
def table_reference(con: duckdb.DuckDBPyConnection) -> str:
    """Markdown reference of every public view and macro, from their COMMENT ON texts."""
    lines = [
        "# Table reference",
        "",
        "Every view in the analyst's warehouse (`wiredesk.duckdb`, schema `main`), with the",
        "comments the warehouse carries (`SELECT * FROM duckdb_columns()` shows the same).",
        "Generated by `python -m wiredesk.store.warehouse docs > docs/tables.md`.",
        "",
    ]
    views = con.execute(
        "SELECT view_name, comment FROM duckdb_views() "
        "WHERE schema_name = 'main' AND NOT internal ORDER BY view_name"
    ).fetchall()
    lines += ["| view | what it holds |", "|---|---|"]
    lines += [f"| [`{name}`](#{name}) | {_cell(comment)} |" for name, comment in views]
    for name, comment in views:
        lines += ["", f"## {name}", "", _cell(comment), "", "| column | type | meaning |"]
        lines.append("|---|---|---|")
        columns = con.execute(
            "SELECT column_name, data_type, comment FROM duckdb_columns() "
            "WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index",
            [name],
        ).fetchall()
        lines += [f"| `{c}` | {t} | {_cell(m)} |" for c, t, m in columns]
    macros = con.execute(
        "SELECT DISTINCT function_name, macro_definition, parameters FROM duckdb_functions() "
        "WHERE schema_name = 'main' AND function_type IN ('macro', 'table_macro') "
        "AND NOT internal ORDER BY function_name"
    ).fetchall()
    if macros:
        lines += ["", "## Macros", "", "| macro | parameters |", "|---|---|"]
        lines += [f"| `{n}` | {', '.join(p or [])} |" for n, _d, p in macros]
    return "\n".join(lines) + "\n"


def _cell(text: str | None) -> str:
    return " ".join((text or "").split()).replace("|", "\\|")


def _main(argv: list[str]) -> int:
    if argv[:1] != ["docs"]:
        print("usage: python -m wiredesk.store.warehouse docs", file=sys.stderr)
        return 2
    con = duckdb.connect(":memory:")
    define_views(con, Path("."), Publication())
    sys.stdout.write(table_reference(con))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
