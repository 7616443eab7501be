"""Dagster's other SQLite stores (run history, schedules) writing ahead, as its event log does.

On a new ``$DAGSTER_HOME`` Dagster creates its run and schedule databases one statement at a
time, each committed to disk: about 1.5 s of waiting for the disk before the first run of a
``wiredesk ingest`` can start, and a few disk waits more for every run it records later.
With ``journal_mode=WAL`` and ``synchronous=NORMAL`` a commit waits for the write-ahead log,
not for the disk; other processes (the web UI) read the files as before.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

_installed = False


def write_ahead(dbapi_connection: Any, _record: Any = None) -> None:
    """Switch one new SQLite connection to write-ahead logging (other databases untouched)."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def sqlite_writes_ahead() -> None:
    """Every SQLite engine this process opens from now on writes ahead (once per process)."""
    global _installed
    if not _installed:
        event.listen(Engine, "connect", write_ahead)
        _installed = True
