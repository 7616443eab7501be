"""In-memory DuckDB connections with the warehouse's views, for the pipeline's own reads.

Defining the views binds each of them (about 60 statements, 0.1–0.2 s), and one
``wiredesk ingest`` opens such a connection for every aggregate, cross-day table and
summary. So a process keeps one in-memory database per home and hands out cursors on it:
when the lake was published again since, only the raw views of the tables whose files
changed are replaced, with the public views that read a table whose columns changed (DuckDB
keeps a view's column types); the other public views name the raw ones and follow. Parquet
footers read by one cursor are cached for all.

A cursor reads the publication of the newest ``memory_connection`` call in its process:
one opened earlier sees a table that was written and published since in its new state.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from wiredesk.store.schema import TABLES
from wiredesk.store.snapshot import Publication, publish
from wiredesk.store.storage import AnyPath, is_remote, register
from wiredesk.store.warehouse import (
    define_lake_view,
    define_views,
    lake_view_key,
    view_files,
    view_reads,
)


@dataclass
class _SharedDatabase:
    """The in-memory database of one home in one process, and what its raw views read."""

    home: str
    pid: int
    con: duckdb.DuckDBPyConnection
    views: dict[str, tuple] = field(default_factory=dict)


_shared: _SharedDatabase | None = None
_lock = threading.Lock()


def memory_connection(
    home: AnyPath, publication: Publication | None = None
) -> duckdb.DuckDBPyConnection:
    """A cursor on an in-memory DuckDB with the warehouse's views over a publication: for
    pipeline reads, never locking a file and never reading a file a writer is replacing
    (the views name the publication's files). Close it when done.

    ``publication`` reuses one the caller already made (one asset run publishes once, then
    opens as many connections as it needs); without it the lake is published first, which
    costs a directory scan when nothing changed (see ``wiredesk.store.snapshot``).
    """
    home = home if is_remote(home) else Path(home)
    publication = publication or publish(home)
    with _lock:
        shared = _database(home)
        try:
            _bring_up_to_date(shared, home, publication)
        except Exception:
            _forget(shared)  # the next call starts a new database
            raise
        return shared.con.cursor()


def _database(home: AnyPath) -> _SharedDatabase:
    """This process's database for ``home``; a new one for another home or after a fork."""
    global _shared
    if _shared is None or _shared.home != str(home) or _shared.pid != os.getpid():
        if _shared is not None and _shared.pid == os.getpid():
            _forget(_shared)  # cursors handed out keep the old database open
        con = duckdb.connect(":memory:")
        register(con, home, snapshot=True)
        _shared = _SharedDatabase(str(home), os.getpid(), con)
    return _shared


def _forget(shared: _SharedDatabase) -> None:
    global _shared
    if _shared is shared:
        _shared = None
    shared.con.close()


def _bring_up_to_date(shared: _SharedDatabase, home: AnyPath, publication: Publication) -> None:
    """Replace the raw views whose files changed, and the views that read a table whose
    columns changed (all views on first use)."""
    wanted = {name: lake_view_key(publication, spec) for name, spec in TABLES.items()}
    changed = [name for name in TABLES if shared.views.get(name) != wanted[name]]
    if not changed:
        return
    if not shared.views:
        define_views(shared.con, home, publication, documented=False, pinned=True)
    else:
        moved = [name for name in changed if shared.views[name][1:] != wanted[name][1:]]
        shared.con.execute("BEGIN TRANSACTION")
        for name in changed:
            define_lake_view(shared.con, home, TABLES[name], publication, pinned=True)
        _redefine_readers(shared.con, moved)
        shared.con.execute("COMMIT")
    shared.views = wanted


def _redefine_readers(con: duckdb.DuckDBPyConnection, tables: list[str]) -> None:
    """Define again every view that reads, directly or through others, a raw view whose
    columns changed: DuckDB keeps a view's column types from when it was defined."""
    if not tables:
        return
    overridden = {path.stem for path in view_files()}
    stale = {f"lake.{name}" for name in tables}
    for name in tables:
        if name not in overridden:
            con.execute(f'CREATE OR REPLACE VIEW main."{name}" AS SELECT * FROM lake."{name}"')
            stale.add(f"main.{name}")
    for path, reads in view_reads().items():
        if reads & stale:
            con.execute(path.read_text(encoding="utf-8"))
            stale.add(f"main.{path.stem}")
