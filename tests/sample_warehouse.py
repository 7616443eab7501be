"""The embedded sample as a warehouse, built once per test session with the stage functions.

The Dagster path (tests/test_pipeline.py) takes a minute; the warehouse tests need the same
tables, so they run the same plain functions the assets wrap, without the orchestration.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO
from wiredesk.aggregates.crossday import CROSS_DAY_AGGREGATES, refresh_cross_day
from wiredesk.aggregates.daily import DAILY_AGGREGATES, compute_daily
from wiredesk.aggregates.search_index import build_index
from wiredesk.entities.link import link_entities
from wiredesk.fetch import Fetcher
from wiredesk.sources.config import load_sources
from wiredesk.stages import (
    build_articles,
    build_mentions,
    build_quotes,
    collect_feed_items,
    fetch_pages,
)
from wiredesk.store.lake import Lake
from wiredesk.store.warehouse import ensure_warehouse, memory_connection

SOURCES = REPO / "sources.yaml"


def build_sample(home: Path) -> Path:
    """Ingest the sample into ``home`` and publish the warehouse; returns ``home``."""
    lake = Lake(home)
    sources = load_sources(SOURCES)
    lake.write("sources", [s.as_row() for s in sources])
    with Fetcher() as fetcher:
        items, errors = collect_feed_items(sources, fetcher, "test")
        for day in sorted(items):
            pages, log = fetch_pages(items[day], fetcher, "test")
            articles, failures = build_articles(pages, items[day], "test")
            mentions = build_mentions(articles)
            lake.write("feed_items", items[day], day)
            lake.write("fetch_log", errors.get(day, []), day, part="feed_items")
            lake.write("fetch_log", log, day, part="raw_pages")
            lake.write("fetch_log", failures, day, part="articles")
            lake.write("articles", articles, day)
            lake.write("entity_mentions", mentions, day)
            lake.write("quotes", build_quotes(articles, mentions), day)
    entities, aliases = link_entities(lake.read("entity_mentions").to_pandas())
    lake.write("entities", entities.to_dict("records"))
    lake.write("entity_aliases", aliases.to_dict("records"))
    for day in lake.days("articles"):
        con = memory_connection(home)
        for name in DAILY_AGGREGATES:
            lake.write(name, compute_daily(home, name, day, con), day)
        lake.write("search_index", build_index(home, day, con), day)
        con.close()
    for name in CROSS_DAY_AGGREGATES:
        refresh_cross_day(home, name)
    ensure_warehouse(home)
    return home
