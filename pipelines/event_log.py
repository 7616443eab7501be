"""Dagster's SQLite event log, with its database connections kept open.

Dagster's own ``SqliteEventLogStorage`` builds a new engine, opens the file and commits to
disk for every event it stores, several times per event: on a 2-core machine that cost more
than the steps it recorded (about 10 ms per connection, five connections per event). This
one keeps an engine per database file for the recent runs and lets SQLite write ahead
(``journal_mode=WAL``, ``synchronous=NORMAL``: a commit waits for the log, not for the
disk), which other processes reading the history, such as the web UI, read as before. It
also remembers which of its tables exist, which Dagster otherwise asks the file for, on a new
connection, before storing most events.
``wiredesk`` writes it into a new ``$DAGSTER_HOME/dagster.yaml``.
"""

from __future__ import annotations

import atexit
import weakref
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from dagster._core.storage.event_log.sqlite.sqlite_event_log import (
    SQLITE_BUSY_TIMEOUT_SECONDS,
    SqliteEventLogStorage,
)
from sqlalchemy import Connection, Engine, create_engine, event

from pipelines.sqlite_wal import write_ahead

#: Database files whose engines stay open: the index and the runs being written or read.
KEPT_OPEN = 8


class KeptOpenSqliteEventLogStorage(SqliteEventLogStorage):
    """``SqliteEventLogStorage`` reusing an engine per database file (see the module)."""

    def __init__(self, base_dir: str, inst_data: Any = None) -> None:
        self._engines: OrderedDict[str, Engine] = OrderedDict()
        self._tables_seen: set[str] = set()
        super().__init__(base_dir, inst_data)
        # Closing the connections at exit lets SQLite fold its write-ahead log back in.
        atexit.register(_close_all, weakref.ref(self))

    @classmethod
    def from_config_value(cls, inst_data: Any, config_value: Any) -> KeptOpenSqliteEventLogStorage:
        return cls(inst_data=inst_data, **config_value)

    def _engine(self, shard: str) -> Engine:
        engine = self._engines.get(shard)
        if engine is not None:
            self._engines.move_to_end(shard)
            return engine
        engine = create_engine(
            self.conn_string_for_shard(shard),
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS},
        )
        event.listen(engine, "connect", write_ahead)
        if shard not in self._initialized_dbs:
            self._initdb(engine)
            self._initialized_dbs.add(shard)
        self._engines[shard] = engine
        while len(self._engines) > KEPT_OPEN:
            _, oldest = self._engines.popitem(last=False)
            oldest.dispose()
        return engine

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Connection]:
        with self._db_lock:
            with self._engine(shard).connect() as connection, connection.begin():
                yield connection

    def has_table(self, table_name: str) -> bool:
        """Whether the index database has ``table_name``. Dagster asks before it stores most
        events, and its own answer opens a new engine and a new connection every time; a
        table once there stays there (until ``wipe``), so a yes is remembered."""
        if table_name in self._tables_seen:
            return True
        present = super().has_table(table_name)
        if present:
            self._tables_seen.add(table_name)
        return present

    def close_engines(self) -> None:
        with self._db_lock:
            while self._engines:
                _, engine = self._engines.popitem()
                engine.dispose()

    def wipe(self) -> None:
        self.close_engines()  # the files are deleted: no connection may hold them
        self._tables_seen.clear()
        super().wipe()

    def dispose(self) -> None:
        self.close_engines()
        super().dispose()


def _close_all(storage: weakref.ref[KeptOpenSqliteEventLogStorage]) -> None:
    alive = storage()
    if alive is not None:
        alive.close_engines()
