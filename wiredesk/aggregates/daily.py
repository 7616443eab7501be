"""Daily aggregate tables: one SQL file in ``sql/aggregates`` run for one day over that
day's partitions, so each is incremental by construction (the build log decides which days
a run rebuilds, as for every daily stage). Cross-day aggregates are in ``crossday``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from wiredesk.aggregates.side_by_side import in_order
from wiredesk.store import memory_connection, read_sql

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


def _one_day(
    home: Path, name: str, day: dt.date, cursor: duckdb.DuckDBPyConnection
) -> DayAggregate:
    data = compute_daily(home, name, day, cursor)
    sums = None
    if name in SUMS_TO_INPUT:
        column = SUMS_TO_INPUT[name][0]
        total = sum(v or 0 for v in data.column(column).to_pylist())
        sums = (total, input_total(cursor, name, day))
    return DayAggregate(day, data, sums)


def compute_days(home: Path, name: str, days: Iterable[dt.date]) -> Iterator[DayAggregate]:
    """A daily aggregate for each day of a range, in order: the views are defined once, and
    each day runs on its own cursor (an aggregate's SQL may leave a statement open), two
    days at a time (``side_by_side``)."""
    con = memory_connection(home)
    try:
        yield from in_order(con, days, lambda day, cursor: _one_day(home, name, day, cursor))
    finally:
        con.close()
