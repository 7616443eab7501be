"""Aggregates over a range: days computed side by side come back in order, each the same as
that day computed alone."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from wiredesk.aggregates import crossday, daily, side_by_side
from wiredesk.store import Lake, memory_connection, read_sql


@pytest.fixture
def lake_copy(sample_warehouse: Path, tmp_path: Path) -> Path:
    return shutil.copytree(sample_warehouse, tmp_path / "copy")


@pytest.mark.parametrize("name", ["daily_source_volume", "article_entities", "daily_entity_pairs"])
def test_days_side_by_side_match_each_day_alone_in_order(lake_copy: Path, name: str) -> None:
    days = sorted(p.name.removeprefix("day=") for p in (lake_copy / "lake" / "articles").iterdir())
    days = [dt.date.fromisoformat(day) for day in days]
    assert len(days) > side_by_side.AT_ONCE > 1
    together = list(daily.compute_days(lake_copy, name, days))
    assert [result.day for result in together] == days
    for result in together:
        alone = daily.compute_daily(lake_copy, name, result.day)
        assert result.data.equals(alone)
        if result.sums is not None:
            assert result.sums[0] == result.sums[1]
    assert sum(result.data.num_rows for result in together) > 0


def test_cross_day_days_side_by_side_match_each_day_alone(lake_copy: Path, tmp_path: Path) -> None:
    name = "trending_entities"
    written = crossday.refresh_cross_day(lake_copy, name, state_dir=tmp_path / "state")
    assert len(written) > side_by_side.AT_ONCE and sum(written.values()) > 0
    spec = crossday.CROSS_DAY_AGGREGATES[name]
    con = memory_connection(lake_copy)
    try:
        for day, rows in sorted(written.items()):
            alone = con.sql(read_sql(f"aggregates/{name}.sql"), params=spec.params(day))
            stored = Lake(lake_copy).read(name, day)
            assert stored.num_rows == rows
            assert stored.select(alone.columns).equals(alone.to_arrow_table())
    finally:
        con.close()
