"""Aggregate tables: per-day ones, and cross-day ones that recompute only what changed.

A daily aggregate is one SQL file in ``sql/aggregates`` run for one day over that day's
partitions, so it is incremental by construction. A cross-day aggregate (trends against the
trailing weeks, quotes carried across days) is also stored one partition per day, but a day's
rows read other days. Its state file records a fingerprint of every input partition it was
computed from; a refresh recomputes the output days whose inputs changed since, plus the days
that read those (the next 28 for trends, the later carriers of the same quotes for top
quotes), and nothing else. The state is saved only after every partition is written, so a run
killed half-way redoes the same days next time: partitions are replaced, never appended.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from wiredesk.store import Lake, memory_connection, read_sql, write_text_atomic

DAILY_AGGREGATES = (
    "daily_source_volume",
    "daily_entity_mentions",
    "daily_speaker_quotes",
    "daily_entity_pairs",
    "article_entities",
    "quote_entities",
    "article_quotes",
)

#: Daily tables that are lookup indexes (by entity key, by article) rather than summaries:
#: every day of the archive is read by the questions they serve ("every article naming X").
LOOKUP_TABLES = ("article_entities", "quote_entities", "article_quotes")

#: Minimum support for a trend: one article, or one outlet's coverage, is not a trend.
TREND_MIN_ARTICLES = int(os.environ.get("WIREDESK_TREND_MIN_ARTICLES", "2"))
TREND_MIN_SOURCES = int(os.environ.get("WIREDESK_TREND_MIN_SOURCES", "2"))
TREND_WINDOW_DAYS = 28

STATE_FILE = "_inputs.json"


#: Aggregates whose total must equal a count of their input rows for the same day:
#: aggregate -> (column summed, SQL counting the input rows of ``$day``).
SUMS_TO_INPUT = {
    "daily_source_volume": ("articles", "SELECT count(*) FROM articles WHERE day = $day"),
    "daily_entity_mentions": (
        "mentions",
        "SELECT count(*) FROM entity_mentions WHERE day = $day",
    ),
    "article_quotes": ("quotes", "SELECT count(*) FROM lake.quotes WHERE day = $day"),
    "article_entities": (
        "mentions",
        "SELECT count(*) FROM lake.entity_mentions AS m "
        "JOIN lake.articles AS a ON a.article_id = m.article_id AND a.day = m.day "
        "WHERE m.day = $day AND a.day = $day AND m.entity_key IS NOT NULL",
    ),
}


def input_total(con: duckdb.DuckDBPyConnection, name: str, day: dt.date) -> int:
    """What ``name``'s summed column must add up to on ``day`` (see ``SUMS_TO_INPUT``)."""
    return con.execute(SUMS_TO_INPUT[name][1], {"day": day}).fetchone()[0]


def compute_daily(
    home: Path, name: str, day: dt.date, con: duckdb.DuckDBPyConnection | None = None
) -> pa.Table:
    """Run one aggregate's SQL over the lake for ``day``, in memory (no file locks).

    ``con`` reuses an open ``memory_connection`` (several aggregates of one day).
    """
    if name not in DAILY_AGGREGATES:
        raise ValueError(f"unknown aggregate {name!r}")
    own = con is None
    con = con or memory_connection(home)
    try:
        return con.sql(read_sql(f"aggregates/{name}.sql"), params={"day": day}).to_arrow_table()
    finally:
        if own:
            con.close()


@dataclass(frozen=True)
class DayAggregate:
    """One day of a daily aggregate, with its sum check when it has one."""

    day: dt.date
    data: pa.Table
    #: (the aggregate's total, the count of its input rows), for ``SUMS_TO_INPUT`` tables.
    sums: tuple[int, int] | None = None


def compute_days(home: Path, name: str, days: Iterable[dt.date]) -> Iterator[DayAggregate]:
    """A daily aggregate for each day of a range: the views are defined once, and each day
    runs on its own cursor (an aggregate's SQL may leave a statement open)."""
    con = memory_connection(home)
    try:
        for day in days:
            cursor = con.cursor()
            try:
                data = compute_daily(home, name, day, cursor)
                sums = None
                if name in SUMS_TO_INPUT:
                    column = SUMS_TO_INPUT[name][0]
                    total = sum(v or 0 for v in data.column(column).to_pylist())
                    sums = (total, input_total(cursor, name, day))
            finally:
                cursor.close()
            yield DayAggregate(day, data, sums)
    finally:
        con.close()


# -- cross-day ------------------------------------------------------------------------------
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
            return {
                "day": day,
                "min_articles": TREND_MIN_ARTICLES,
                "min_sources": TREND_MIN_SOURCES,
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


def _fingerprints(lake: Lake, tables: Iterable[str]) -> dict[str, dict[str, list]]:
    """Per input table and day: name, size and modification time of each file."""
    found: dict[str, dict[str, list]] = {}
    for table in tables:
        per_day: dict[str, list] = {}
        for day in lake.days(table):
            directory = lake.partition_dir(table, day)
            files = []
            for path in sorted(directory.glob("*.parquet")):
                try:
                    stat = path.stat()
                except FileNotFoundError:
                    continue
                files.append([path.name, stat.st_size, stat.st_mtime_ns])
            per_day[day.isoformat()] = files
        found[table] = per_day
    return found


def _state_path(lake: Lake, name: str) -> Path:
    return lake.table_dir(name) / STATE_FILE


def _load_state(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _save_state(path: Path, state: dict) -> None:
    write_text_atomic(path, json.dumps(state, sort_keys=True))  # local or object storage


def stale_days(home: Path, name: str) -> tuple[list[dt.date], dict]:
    """Output days to recompute, and the input fingerprints they will be computed from."""
    spec = CROSS_DAY_AGGREGATES[name]
    lake = Lake(home)
    now = _fingerprints(lake, spec.inputs)
    before = _load_state(_state_path(lake, name))
    days = lake.days(spec.driver)
    changed: set[dt.date] = set()
    for table, per_day in now.items():
        old = before.get(table, {})
        for key in set(per_day) | set(old):
            if per_day.get(key) != old.get(key):
                changed.add(dt.date.fromisoformat(key))
    present = set(lake.days(name))
    missing = {d for d in days if d not in present}
    con = memory_connection(home)
    try:
        affected = spec.affected(con, changed, days)
    finally:
        con.close()
    wanted = (changed | affected | missing) & set(days)
    return sorted(wanted), now


def refresh_cross_day(
    home: Path, name: str, progress: Callable[[dt.date, int], None] | None = None
) -> dict[dt.date, int]:
    """Recompute the stale days of a cross-day aggregate; returns rows written per day."""
    if name not in CROSS_DAY_AGGREGATES:
        raise ValueError(f"unknown cross-day aggregate {name!r}")
    spec = CROSS_DAY_AGGREGATES[name]
    lake = Lake(home)
    days, fingerprints = stale_days(home, name)
    written: dict[dt.date, int] = {}
    if days:
        con = memory_connection(home)
        try:
            query = read_sql(f"aggregates/{name}.sql")
            for day in days:
                data = con.sql(query, params=spec.params(day)).to_arrow_table()
                written[day] = lake.write(name, data, day)
                if progress:
                    progress(day, written[day])
        finally:
            con.close()
    _save_state(_state_path(lake, name), fingerprints)
    return written
