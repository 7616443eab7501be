"""What the brief shows, read from the warehouse's aggregate tables for one day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import duckdb

VOLUME_DAYS = 30
TOP_ENTITIES = 10
RISERS = 10
PAIR_ENTITIES = 8


@dataclass
class BriefData:
    day: dt.date
    days: list[dt.date]
    #: source_id -> articles per day, aligned with ``days``.
    volume: dict[str, list[int]]
    top_entities: list[dict[str, Any]]
    risers: list[dict[str, Any]]
    quote: dict[str, Any] | None
    pair_names: list[str]
    #: (i, j) -> articles naming both of pair_names[i] and pair_names[j].
    pairs: dict[tuple[int, int], int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    #: (publisher's own day, articles) of the partition's articles: the partition is a UTC
    #: day, and a Tokyo morning or a New York evening story is dated another day locally.
    local_days: list[tuple[dt.date, int]] = field(default_factory=list)


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def gather(
    con: duckdb.DuckDBPyConnection, day: dt.date, include_sources: bool = False
) -> BriefData:
    """Everything the page needs for ``day`` (the last 30 days for the volume chart).

    The archive's own agencies and outlets ("Northwire" in every byline) are named in
    nearly every story they file, so the entity lists leave them out unless
    ``include_sources``.
    """
    first = day - dt.timedelta(days=VOLUME_DAYS - 1)
    days = [first + dt.timedelta(days=i) for i in range(VOLUME_DAYS)]
    volume: dict[str, list[int]] = {}
    for source, when, articles in con.execute(
        "SELECT source_id, day, articles FROM daily_source_volume "
        "WHERE day BETWEEN $first AND $day ORDER BY source_id, day",
        {"first": first, "day": day},
    ).fetchall():
        volume.setdefault(source, [0] * VOLUME_DAYS)[(when - first).days] = articles
    top = _dicts(
        con.execute(
            "SELECT entity_id, name, type, articles, sources, mentions FROM daily_entity_mentions "
            "WHERE day = $day AND type IN ('PERSON', 'ORG', 'GPE', 'LOC') "
            "AND ($sources OR NOT is_source) "
            "ORDER BY articles DESC, mentions DESC, name LIMIT $n",
            {"day": day, "n": TOP_ENTITIES, "sources": include_sources},
        )
    )
    risers = _dicts(
        con.execute(
            "SELECT name, type, articles, sources, mean_7, z_7, z_28 FROM trending_entities "
            "WHERE day = $day AND supported AND ($sources OR entity_id NOT IN "
            "(SELECT entity_id FROM entities WHERE is_source)) "  # as linked now
            "ORDER BY z_7 DESC, articles DESC, entity_id LIMIT $n",
            {"day": day, "n": RISERS, "sources": include_sources},
        )
    )
    quotes = _dicts(
        con.execute(
            "SELECT text, speaker, copies, outlets, outlet_list, first_outlet, first_seen_at, "
            "first_article_id "
            "FROM top_quotes WHERE day = $day AND speaker IS NOT NULL AND kind = 'direct' "
            "ORDER BY rank LIMIT 1",
            {"day": day},
        )
    )
    ids = [row["entity_id"] for row in top[:PAIR_ENTITIES]]
    pairs: dict[tuple[int, int], int] = {}
    for a, b, articles in con.execute(
        "SELECT entity_a, entity_b, articles FROM daily_entity_pairs WHERE day = $day "
        "AND list_contains($ids, entity_a) AND list_contains($ids, entity_b)",
        {"day": day, "ids": ids},
    ).fetchall():
        i, j = sorted((ids.index(a), ids.index(b)))
        pairs[(i, j)] = articles
    totals = dict(
        zip(
            ("articles", "sources", "quotes"),
            con.execute(
                "SELECT (SELECT count(*) FROM articles WHERE day = $day), "
                "(SELECT count(DISTINCT source_id) FROM articles WHERE day = $day), "
                "(SELECT count(*) FROM quotes WHERE day = $day)",
                {"day": day},
            ).fetchone(),
            strict=True,
        )
    )
    local_days = con.execute(
        "SELECT published_day, count(*) FROM articles WHERE day = $day "
        "AND published_day IS NOT NULL GROUP BY published_day ORDER BY published_day",
        {"day": day},
    ).fetchall()
    if quotes:
        quotes[0].update(_first_copy_clock(con, quotes[0]))
    return BriefData(
        day=day,
        days=days,
        volume=volume,
        top_entities=top,
        risers=risers,
        quote=quotes[0] if quotes else None,
        pair_names=[row["name"] for row in top[:PAIR_ENTITIES]],
        pairs=pairs,
        totals=totals,
        local_days=[(when, count) for when, count in local_days],
    )


def _first_copy_clock(con: duckdb.DuckDBPyConnection, quote: dict[str, Any]) -> dict[str, Any]:
    """The earliest copy's publication time on its outlet's clock (its partition is the UTC
    day of ``first_seen_at``, give or take the day a drop folder filed it under)."""
    first = quote.get("first_seen_at")
    if not first or not quote.get("first_article_id"):
        return {}
    utc_day = first.astimezone(dt.UTC).date()
    row = con.execute(
        "SELECT published_local, utc_offset_minutes FROM articles "
        "WHERE day BETWEEN $low AND $high AND article_id = $id LIMIT 1",
        {
            "low": utc_day - dt.timedelta(days=1),
            "high": utc_day + dt.timedelta(days=1),
            "id": quote["first_article_id"],
        },
    ).fetchone()
    return {"first_local": row[0], "first_offset": row[1]} if row else {}
