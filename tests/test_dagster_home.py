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
