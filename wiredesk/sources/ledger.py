"""What earlier runs already announced, so every run adds only what is new.

Items are de-duplicated across runs by id (source + guid or canonical URL + version) and by
canonical web URL across sources. Drop-folder files are remembered by path, size,
modification time and content hash: an unchanged file is not read again, and a file moved
or copied to another path is recognised by its hash and not ingested twice.

A day's ``feed_items`` partition is everything the ledger holds for that day, so a re-run
rewrites the same rows, and a feed that answers 304 changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wiredesk.sources.items import FileRecord

_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    item_id TEXT PRIMARY KEY, source_id TEXT NOT NULL, canonical_url TEXT, guid TEXT,
    day TEXT NOT NULL, row TEXT NOT NULL, first_seen REAL NOT NULL);
CREATE INDEX IF NOT EXISTS items_by_url ON items (canonical_url);
CREATE INDEX IF NOT EXISTS items_by_day ON items (day);
CREATE TABLE IF NOT EXISTS drop_files (
    path TEXT PRIMARY KEY, source_id TEXT NOT NULL, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL, item_id TEXT,
    error_class TEXT, detail TEXT, day TEXT);
CREATE INDEX IF NOT EXISTS drop_files_by_hash ON drop_files (sha256);
"""
_TIMESTAMPS = ("published_at", "discovered_at")


@dataclass(frozen=True)
class KnownFile:
    path: str
    size: int
    mtime_ns: int
    sha256: str
    item_id: str | None
    error_class: str | None
    detail: str | None
    day: dt.date | None


class Ledger:
    """SQLite under ``$WIREDESK_HOME/state``; safe for several processes."""

    def __init__(self, state_dir: Path) -> None:
        self.path = Path(state_dir) / "ledger.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._con = sqlite3.connect(str(self.path), timeout=60.0, check_same_thread=False)
        self._con.execute("PRAGMA journal_mode=WAL")
        self._con.executescript(_SCHEMA)
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- items ---------------------------------------------------------------------------
    def is_known(self, item_id: str, canonical_url: str | None) -> bool:
        with self._lock:
            return self._known(item_id, canonical_url)

    def _known(self, item_id: str, canonical_url: str | None) -> bool:
        if self._con.execute("SELECT 1 FROM items WHERE item_id = ?", (item_id,)).fetchone():
            return True
        if canonical_url and canonical_url.startswith(("http://", "https://")):
            hit = self._con.execute(
                "SELECT 1 FROM items WHERE canonical_url = ?", (canonical_url,)
            ).fetchone()
            return hit is not None
        return False

    def admit(self, rows: Iterable[dict[str, Any]], day_of: Any) -> list[dict[str, Any]]:
        """Store the rows not seen before (one transaction); returns those admitted.

        ``day_of(row)`` gives a row's partition day. ``discovered_at`` is kept from the first
        sighting, so re-runs produce identical rows. The write lock is taken before the
        first check: two processes admitting the same items at once (two days ingested in
        parallel) must not both find an item new.
        """
        admitted = []
        with self._lock, self._con:
            self._con.execute("BEGIN IMMEDIATE")
            for row in rows:
                if self._known(row["item_id"], row.get("canonical_url")):
                    continue
                day = day_of(row)
                self._con.execute(
                    "INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        row["item_id"],
                        row["source_id"],
                        row.get("canonical_url"),
                        row.get("guid"),
                        day.isoformat(),
                        json.dumps(_encode(row)),
                        time.time(),
                    ),
                )
                admitted.append(row)
        return admitted

    def items_for_day(self, day: dt.date) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._con.execute(
                "SELECT row FROM items WHERE day = ? ORDER BY item_id", (day.isoformat(),)
            ).fetchall()
        return [_decode(json.loads(r[0])) for r in rows]

    def days(self) -> list[dt.date]:
        with self._lock:
            rows = self._con.execute("SELECT DISTINCT day FROM items ORDER BY day").fetchall()
        return [dt.date.fromisoformat(r[0]) for r in rows]

    # -- drop-folder files ---------------------------------------------------------------
    def known_files_under(self, folder: str) -> dict[str, KnownFile]:
        """Every file read before below ``folder``, by path: one query for a whole scan."""
        prefix = folder.rstrip("/") + "/"
        with self._lock:
            rows = self._con.execute(
                "SELECT * FROM drop_files WHERE path >= ? AND path < ?",
                (prefix, prefix[:-1] + chr(ord("/") + 1)),
            ).fetchall()
        return {row[0]: _known_file(row) for row in rows}

    def file_with_hash(self, sha256: str) -> KnownFile | None:
        with self._lock:
            row = self._con.execute(
                "SELECT * FROM drop_files WHERE sha256 = ? LIMIT 1", (sha256,)
            ).fetchone()
        return _known_file(row)

    def record_files(
        self,
        records: Iterable[
            tuple[str, FileRecord, str | None, str | None, str | None, dt.date | None]
        ],
    ) -> None:
        """(source_id, file, item_id, error_class, detail, day) for files read this run."""
        with self._lock, self._con:
            for source_id, record, item_id, error_class, detail, day in records:
                self._con.execute(
                    "INSERT OR REPLACE INTO drop_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        record.path,
                        source_id,
                        record.size,
                        record.mtime_ns,
                        record.sha256,
                        item_id,
                        error_class,
                        detail,
                        day.isoformat() if day else None,
                    ),
                )


def _known_file(row: tuple | None) -> KnownFile | None:
    if row is None:
        return None
    day = dt.date.fromisoformat(row[8]) if row[8] else None
    return KnownFile(row[0], row[2], row[3], row[4], row[5], row[6], row[7], day)


def _encode(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in _TIMESTAMPS:
        if isinstance(out.get(key), dt.datetime):
            out[key] = out[key].isoformat()
    return out


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    for key in _TIMESTAMPS:
        if isinstance(row.get(key), str):
            row[key] = dt.datetime.fromisoformat(row[key])
    return row
