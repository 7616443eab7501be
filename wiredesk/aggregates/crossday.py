"""Cross-day aggregates: stored one partition per day, but a day's rows read other days.

Trends read the trailing weeks; top quotes read every earlier carrier of a quote. Which days
to recompute comes from the build log (``wiredesk.store.BuildLog``), as for every stage: the
input days written after the aggregate last built, plus the days those reach (``affected``:
the next 28 for trends, the later carriers of the same quotes for top quotes), plus driver
days with no output yet, and nothing else. The build is recorded only after every partition
is written, so a run killed half-way redoes the same days next time: partitions are replaced,
never appended.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from wiredesk.aggregates.side_by_side import in_order
from wiredesk.settings import current_settings
from wiredesk.store import (
    AnyPath,
    BuildLog,
    Lake,
    WriteTimes,
    memory_connection,
    read_sql,
)
from wiredesk.store import (
    state_dir as default_state_dir,
)

TREND_WINDOW_DAYS = 28


Affected = Callable[[duckdb.DuckDBPyConnection, set[dt.date], list[dt.date]], set[dt.date]]


@dataclass(frozen=True)
class CrossDayAggregate:
    """An aggregate stored per day whose days read other days' inputs."""

    name: str
    inputs: tuple[str, ...]
    #: Output days come from the days of this input table.
    driver: str
    #: Which output days a set of changed input days makes stale (besides those days).
    affected: Affected

    def params(self, day: dt.date) -> dict:
        if self.name == "trending_entities":
            # Minimum support: one article, or one outlet's coverage, is not a trend.
            trends = current_settings().trends
            return {
                "day": day,
                "min_articles": trends.min_articles,
                "min_sources": trends.min_sources,
            }
        return {"day": day}


def _trend_affected(
    _con: duckdb.DuckDBPyConnection, changed: set[dt.date], days: list[dt.date]
) -> set[dt.date]:
    """A day's trend reads the 28 days before it: a change reaches 28 days forward."""
    window = dt.timedelta(days=TREND_WINDOW_DAYS)
    return {d for d in days for c in changed if c <= d <= c + window}


def _quote_affected(
    con: duckdb.DuckDBPyConnection, changed: set[dt.date], days: list[dt.date]
) -> set[dt.date]:
    """A later day's first outlet of a quote can come from a changed day: the later days
    carrying a quote the changed days carry now, or carried when last computed."""
    if not changed:
        return set()
    rows = con.execute(
        """
        WITH touched AS (
            SELECT quote_hash FROM quotes WHERE day IN (SELECT unnest($changed)::DATE)
            UNION
            SELECT quote_hash FROM top_quotes WHERE day IN (SELECT unnest($changed)::DATE)
        )
        SELECT DISTINCT day FROM quotes
        WHERE quote_hash IN (SELECT quote_hash FROM touched) AND day > $first::DATE
        """,
        {"changed": sorted(changed), "first": min(changed)},
    ).fetchall()
    return {row[0] for row in rows}


CROSS_DAY_AGGREGATES: dict[str, CrossDayAggregate] = {
    a.name: a
    for a in [
        # The view daily_entity_mentions reads article_entities (entities as linked now),
        # and the stored daily_entity_mentions for days that have no article_entities yet.
        CrossDayAggregate(
            "trending_entities",
            ("daily_entity_mentions", "article_entities", "daily_source_volume"),
            "daily_entity_mentions",
            _trend_affected,
        ),
        CrossDayAggregate("top_quotes", ("quotes", "articles"), "quotes", _quote_affected),
    ]
}


def changed_input_days(times: WriteTimes, tables: Iterable[str], built: int | None) -> set[dt.date]:
    """Days of ``tables`` whose partitions were written after ``built`` (every day when the
    aggregate was never built)."""
    changed: set[dt.date] = set()
    for name in tables:
        for day, written in times.days(name).items():
            if day is not None and (built is None or written > built):
                changed.add(day)
    return changed


def stale_days(
    home: AnyPath, name: str, state_dir: Path | None = None
) -> tuple[list[dt.date], set[dt.date]]:
    """Output days to recompute, and the input days written since the last build that make
    them so: those days, the days they reach (``affected``), and driver days with no output."""
    spec = CROSS_DAY_AGGREGATES[name]
    lake = Lake(home)
    log = BuildLog(state_dir or default_state_dir(home))
    changed = changed_input_days(WriteTimes(lake), spec.inputs, log.built_at(name, None))
    days = lake.days(spec.driver)
    present = set(lake.days(name))
    missing = {d for d in days if d not in present}
    # An output day whose driver partition is gone lost its inputs: the days it reached
    # must forget it.
    changed |= present - set(days)
    con = memory_connection(home)
    try:
        affected = spec.affected(con, changed, days)
    finally:
        con.close()
    return sorted((changed | affected | missing) & set(days)), changed


def refresh_cross_day(
    home: AnyPath,
    name: str,
    progress: Callable[[dt.date, int], None] | None = None,
    state_dir: Path | None = None,
) -> dict[dt.date, int]:
    """Recompute the stale days of a cross-day aggregate; returns rows written per day.

    The build is recorded with the time it started, so an input rewritten while it ran is
    newer than the build and counts as changed next time.
    """
    if name not in CROSS_DAY_AGGREGATES:
        raise ValueError(f"unknown cross-day aggregate {name!r}")
    spec = CROSS_DAY_AGGREGATES[name]
    started = time.time_ns()
    state_dir = state_dir or default_state_dir(home)
    lake = Lake(home)
    days, _changed = stale_days(home, name, state_dir)
    written: dict[dt.date, int] = {}
    if days:
        con = memory_connection(home)
        query = read_sql(f"aggregates/{name}.sql")

        def compute(day: dt.date, cursor: duckdb.DuckDBPyConnection) -> pa.Table:
            return cursor.sql(query, params=spec.params(day)).to_arrow_table()

        try:
            for day, data in zip(days, in_order(con, days, compute), strict=True):
                written[day] = lake.write(name, data, day)
                if progress:
                    progress(day, written[day])
        finally:
            con.close()
    log = BuildLog(state_dir)
    log.record([name], [None], started)
    log.save()
    return written
