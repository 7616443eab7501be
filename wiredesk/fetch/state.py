"""What the fetcher remembers between runs: conditional-GET validators and robots.txt.

Kept in a small SQLite file under ``$WIREDESK_HOME/state`` (never the analysts' DuckDB
file), which tolerates the several processes a Dagster run may use at once.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS validators (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, stored_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS robots (
    origin TEXT PRIMARY KEY, outcome TEXT NOT NULL, body BLOB, detail TEXT,
    fetched_at REAL NOT NULL);
"""


@dataclass(frozen=True)
class Validators:
    etag: str | None = None
    last_modified: str | None = None

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)

    def headers(self) -> dict[str, str]:
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(frozen=True)
class StoredRobots:
    outcome: str  # "rules", "allow_all" or "unavailable"
    body: bytes
    detail: str
    fetched_at: float


def connect_state(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(str(path), timeout=30.0, check_same_thread=False)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    return con


class FetchState:
    """Validators per URL and robots.txt per origin; thread-safe."""

    def __init__(self, state_dir: Path) -> None:
        self.path = Path(state_dir) / "fetch.sqlite"
        self._con = connect_state(self.path)
        self._con.executescript(_SCHEMA)
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def validators(self, url: str) -> Validators:
        with self._lock:
            row = self._con.execute(
                "SELECT etag, last_modified FROM validators WHERE url = ?", (url,)
            ).fetchone()
        return Validators(*row) if row else Validators()

    def store_validators(self, url: str, validators: Validators) -> None:
        """Called once what the response announced is safely recorded, never before."""
        with self._lock, self._con:
            if validators:
                self._con.execute(
                    "INSERT OR REPLACE INTO validators VALUES (?, ?, ?, ?)",
                    (url, validators.etag, validators.last_modified, time.time()),
                )
            else:
                self._con.execute("DELETE FROM validators WHERE url = ?", (url,))

    def robots(self, origin: str) -> StoredRobots | None:
        with self._lock:
            row = self._con.execute(
                "SELECT outcome, body, detail, fetched_at FROM robots WHERE origin = ?", (origin,)
            ).fetchone()
        return StoredRobots(row[0], row[1] or b"", row[2] or "", row[3]) if row else None

    def store_robots(self, origin: str, robots: StoredRobots) -> None:
        with self._lock, self._con:
            self._con.execute(
                "INSERT OR REPLACE INTO robots VALUES (?, ?, ?, ?, ?)",
                (origin, robots.outcome, robots.body, robots.detail, robots.fetched_at),
            )
