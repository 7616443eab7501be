"""The Dagster instance ``wiredesk`` makes in a new ``$DAGSTER_HOME``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pipelines.runner import dagster_instance


def test_a_new_dagster_home_keeps_its_sqlite_stores_writing_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    instance = dagster_instance()
    try:
        assert instance.get_runs() == []
    finally:
        instance.dispose()
    stores = [tmp_path / "history" / "runs.db", tmp_path / "schedules" / "schedules.db"]
    for store in stores:
        con = sqlite3.connect(store)
        try:
            assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",), store
        finally:
            con.close()


def test_the_event_log_asks_the_file_for_a_table_once_and_forgets_on_wipe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage

    asked: list[str] = []
    plain = SqliteEventLogStorage.has_table

    def counted(self: SqliteEventLogStorage, table_name: str) -> bool:
        asked.append(table_name)
        return plain(self, table_name)

    monkeypatch.setattr(SqliteEventLogStorage, "has_table", counted)
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    instance = dagster_instance()
    try:
        storage = instance.event_log_storage
        asked.clear()
        assert storage.has_table("asset_event_tags") and storage.has_table("asset_event_tags")
        assert not storage.has_table("no_such_table") and not storage.has_table("no_such_table")
        assert asked == ["asset_event_tags", "no_such_table", "no_such_table"]  # a no is not kept
        before = len(asked)
        storage.wipe()
        assert storage.has_table("asset_event_tags")
        assert "asset_event_tags" in asked[before:]  # asked the file again after the wipe
    finally:
        instance.dispose()
