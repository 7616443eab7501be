"""Daily aggregate tables, each one SQL file in ``sql/aggregates`` run for one day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa

from wiredesk.warehouse import memory_connection, read_sql

DAILY_AGGREGATES = (
    "daily_source_volume",
    "daily_entity_mentions",
    "daily_speaker_quotes",
    "daily_entity_pairs",
)


def compute_daily(home: Path, name: str, day: dt.date) -> pa.Table:
    """Run one aggregate's SQL over the lake for ``day``, in memory (no file locks)."""
    if name not in DAILY_AGGREGATES:
        raise ValueError(f"unknown aggregate {name!r}")
    con = memory_connection(home)
    try:
        return con.sql(read_sql(f"aggregates/{name}.sql"), params={"day": day}).to_arrow_table()
    finally:
        con.close()
