"""Entity lookups and entity-keyed daily tables: current ids after re-linking, pruned reads.

A tiny lake is written by hand: two days, articles naming "Dr Vell" under two keys (its full
name and a bare surname) that a first linking keeps apart and a second one merges, and one
story revised on the second day. The daily tables are computed once, under the first linking;
after the second, every view must show the merged entity without recomputing a single
partition, and lookups must show only the revised story's latest row.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from wiredesk.aggregates.daily import DAILY_AGGREGATES, compute_daily
from wiredesk.aggregates.search_index import build_index, index_summary, search
from wiredesk.articles.revisions import superseded_rows
from wiredesk.store.lake import Lake
from wiredesk.store.memory import memory_connection
from wiredesk.store.schema import table
from wiredesk.store.warehouse import connect_readonly, ensure_warehouse

DAY1, DAY2 = dt.date(2026, 3, 2), dt.date(2026, 3, 3)
FULL, SHORT, TOWN = "k-vell-full", "k-vell-short", "k-osk"


def _article(article_id: str, source: str, day: dt.date, hour: int, version: int = 1) -> dict:
    return {
        "article_id": article_id,
        "version": version,
        "source_id": source,
        "title": f"Story {article_id}",
        "published_at": dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC),
        "text": "Mira Vell said the bridge in Osk will open. Vell added more.",
        "word_count": 11,
        "cluster_id": article_id,
    }


def _mention(article_id: str, key: str, name: str, start: int, type_: str = "PERSON") -> dict:
    return {
        "article_id": article_id,
        "entity_key": key,
        "text": name,
        "type": type_,
        "name": name,
        "start_char": start,
        "end_char": start + len(name),
    }


def _quote(quote_id: str, article_id: str, key: str, speaker: str) -> dict:
    return {
        "quote_id": quote_id,
        "article_id": article_id,
        "kind": "direct",
        "text": "the bridge in Osk will open",
        "speaker": speaker,
        "speaker_entity_key": key,
        "start_char": 15,
        "end_char": 45,
        "quote_hash": "h-bridge",
    }


def _link(lake: Lake, merged: bool) -> None:
    vell = [
        {"entity_id": FULL, "name": "Mira Vell", "type": "PERSON", "aliases": ["Mira Vell"]},
        {"entity_id": TOWN, "name": "Osk", "type": "GPE", "aliases": ["Osk"]},
    ]
    aliases = [
        {"entity_key": FULL, "entity_id": FULL},
        {"entity_key": TOWN, "entity_id": TOWN},
    ]
    if merged:
        vell[0]["aliases"] = ["Mira Vell", "Vell"]
        aliases.append({"entity_key": SHORT, "entity_id": FULL})
    else:
        vell.append({"entity_id": SHORT, "name": "Vell", "type": "PERSON", "aliases": ["Vell"]})
        aliases.append({"entity_key": SHORT, "entity_id": SHORT})
    lake.write("entities", vell)
    lake.write("entity_aliases", aliases)


@pytest.fixture
def lake_home(home: Path) -> Path:
    lake = Lake(home)
    days = {
        DAY1: [("a1", "north", 9, FULL, "Mira Vell"), ("a2", "south", 11, SHORT, "Vell")],
        DAY2: [("a3", "north", 8, SHORT, "Vell"), ("a4", "east", 10, FULL, "Mira Vell")],
    }
    for day, rows in days.items():
        lake.write("articles", [_article(a, s, day, h) for a, s, h, _k, _n in rows], day)
        mentions = []
        for article_id, _s, _h, key, name in rows:
            mentions.append(_mention(article_id, key, name, 0))
            mentions.append(_mention(article_id, TOWN, "Osk", 29, "GPE"))
            # the article names its speaker twice: once fully, once by surname
            mentions.append(_mention(article_id, SHORT, "Vell", 46))
        lake.write("entity_mentions", mentions, day)
        quotes = [_quote(f"q-{a}", a, k, n) for a, _s, _h, k, n in rows]
        lake.write("quotes", quotes, day)
    # a1 revised on day 2: the new version no longer names Osk, and replaces day 1's row
    revised = lake.read("articles", DAY2).to_pylist()
    revised.append(_article("a1", "north", DAY2, 12, version=2))
    lake.write("articles", revised, DAY2)
    day2_mentions = lake.read("entity_mentions", DAY2).to_pylist()
    day2_mentions.append(_mention("a1", FULL, "Mira Vell", 0))
    lake.write("entity_mentions", day2_mentions, DAY2)
    lake.write("superseded_articles", superseded_rows(lake.read("articles").to_pylist()))
    _link(lake, merged=False)
    for day in days:
        con = memory_connection(home)
        for name in DAILY_AGGREGATES:
            lake.write(name, compute_daily(home, name, day, con), day)
        lake.write("search_index", build_index(home, day, con), day)
        con.close()
    _link(lake, merged=True)  # re-linking after the daily tables were computed
    ensure_warehouse(home)
    return home


def test_lookups_follow_the_current_linking(lake_home: Path) -> None:
    con = connect_readonly(lake_home)
    try:
        keys = {r[0] for r in con.execute("SELECT entity_key FROM entity_keys('vell')").fetchall()}
        assert keys == {FULL, SHORT}
        naming = con.execute(
            "SELECT article_id, entity_id, mentions FROM articles_naming('Mira Vell') "
            "ORDER BY article_id"
        ).fetchall()
        # a2-a4 name her under both keys: one row each, mentions added up; a1 is its revision
        assert naming == [("a1", FULL, 1), ("a2", FULL, 2), ("a3", FULL, 2), ("a4", FULL, 2)]
        said = con.execute(
            "SELECT quote_id, speaker, speaker_entity_id FROM quotes_naming('Osk') ORDER BY 1"
        ).fetchall()
        assert said == [(f"q-a{i}", "Mira Vell", FULL) for i in range(2, 5)]
        assert con.execute("SELECT count(*) FROM articles_naming('Nobody')").fetchone()[0] == 0
        # a1's day-1 row was replaced by its revision, which does not name Osk
        osk = con.execute(
            "SELECT article_id, day FROM articles_naming('Osk') ORDER BY 1"
        ).fetchall()
        assert osk == [("a2", DAY1), ("a3", DAY2), ("a4", DAY2)]
        view = con.execute(
            "SELECT article_id FROM article_entities WHERE entity = 'Osk' ORDER BY 1"
        ).fetchall()
        assert view == [("a2",), ("a3",), ("a4",)]
    finally:
        con.close()


def test_daily_views_show_current_ids_without_recomputing(lake_home: Path) -> None:
    con = connect_readonly(lake_home)
    try:
        mentions = con.execute(
            "SELECT day, name, mentions, articles, sources FROM daily_entity_mentions "
            "WHERE entity_id = ? ORDER BY day",
            [FULL],
        ).fetchall()
        # two keys, one entity: articles and sources stay distinct counts (a1 counts on day 2)
        assert mentions == [(DAY1, "Mira Vell", 2, 1, 1), (DAY2, "Mira Vell", 5, 3, 2)]
        speakers = con.execute(
            "SELECT speaker, sum(quotes), max(unique_quotes), sum(articles) "
            "FROM daily_speaker_quotes GROUP BY speaker"
        ).fetchall()
        assert speakers == [("Mira Vell", 3, 1, 3)]
        per_entity = con.execute(
            "SELECT entity, count(*) FROM article_entities GROUP BY entity ORDER BY entity"
        ).fetchall()
        assert per_entity == [("Mira Vell", 4), ("Osk", 3)]
        pairs = con.execute(
            "SELECT day, name_a, name_b, articles FROM daily_entity_pairs ORDER BY day"
        ).fetchall()
        # computed when "Vell" was an entity of its own; shown under the merged entity now
        assert pairs == [(DAY2, "Osk", "Mira Vell", 2)]
    finally:
        con.close()


def test_entity_indexes_are_sorted_in_small_row_groups(lake_home: Path) -> None:
    lake = Lake(lake_home)
    for name in ("article_entities", "quote_entities"):
        data = lake.read(name, DAY1)
        keys = data.column("entity_key").to_pylist()
        assert keys == sorted(keys), name
        assert table(name).row_group_rows
        meta = pq.read_metadata(lake.file_path(name, DAY1))
        assert meta.row_group(0).num_rows <= table(name).row_group_rows


def test_search_statistics_are_summed_per_day(lake_home: Path) -> None:
    con = connect_readonly(lake_home)
    try:
        stats = dict(
            con.execute(
                "SELECT kind, sum(documents) FROM search_stats WHERE term IS NULL GROUP BY kind"
            ).fetchall()
        )
        assert stats == {"article": 5, "quote": 4}  # every row indexed, revisions too
        df = con.execute(
            "SELECT sum(documents) FROM search_stats WHERE kind = 'article' AND term = 'bridge'"
        ).fetchone()[0]
        assert df == 5
        top = con.execute(
            "SELECT doc_id FROM search_top('bridge Osk', 'article', 2) ORDER BY score DESC"
        ).fetchall()
        assert len(top) >= 2
    finally:
        con.close()


def test_search_pages_are_full_and_show_latest_versions(lake_home: Path) -> None:
    con = connect_readonly(lake_home)
    try:
        hits = search(con, "bridge Osk", limit=4)
        # five indexed rows, one of them a1's replaced first version: four hits, a1 once
        assert sorted((h.doc_id, h.day) for h in hits) == [
            ("a1", DAY2),
            ("a2", DAY1),
            ("a3", DAY2),
            ("a4", DAY2),
        ]
    finally:
        con.close()


def test_search_index_is_sorted_by_term_with_each_terms_statistics_first(
    lake_home: Path,
) -> None:
    rows = Lake(lake_home).read("search_index", DAY2).to_pylist()
    for kind in ("article", "quote"):
        order = [
            (r["term"] is None, r["term"] or "", r["doc"] is not None, r["doc"] or 0)
            for r in rows
            if r["kind"] == kind
        ]
        # the day's statistics row (term ''), then each term's statistics row and postings,
        # then the document rows (term null)
        assert order == sorted(order)
        assert order[0] == (False, "", False, 0)
        assert order[-1][0] and order[-1][2]
        assert sum(1 for r in rows if r["kind"] == kind and r["term"] == "") == 1


def test_quotes_by_finds_a_speaker_under_every_key(lake_home: Path) -> None:
    con = connect_readonly(lake_home)
    try:
        said = con.execute(
            "SELECT quote_id, speaker, speaker_entity_id, source_id FROM quotes_by('Mira Vell') "
            "ORDER BY quote_id"
        ).fetchall()
        # a2 and a3 quote her as "Vell" (the key merged later); a1's first version is replaced
        assert said == [
            ("q-a2", "Mira Vell", FULL, "south"),
            ("q-a3", "Mira Vell", FULL, "north"),
            ("q-a4", "Mira Vell", FULL, "east"),
        ]
        assert con.execute("SELECT count(*) FROM quotes_by('Osk')").fetchone()[0] == 0
    finally:
        con.close()


def test_quotes_are_stored_sorted_by_speaker(home: Path) -> None:
    lake = Lake(home)
    keys = ["k-b", None, "k-a", "k-b"]
    lake.write(
        "quotes", [{"quote_id": f"q{i}", "speaker_entity_key": k} for i, k in enumerate(keys)], DAY1
    )
    stored = lake.read("quotes", DAY1).column("speaker_entity_key").to_pylist()
    assert stored == ["k-a", "k-b", "k-b", None]  # unattributed quotes last


def test_index_summary_counts_documents_and_postings_not_statistics(lake_home: Path) -> None:
    summary = index_summary(Lake(lake_home).read("search_index", DAY2))
    # day 2: a3, a4 and a1's revision; the quotes of a3 and a4
    assert {k: summary[k] for k in ("documents", "articles", "quotes")} == {
        "documents": 5,
        "articles": 3,
        "quotes": 2,
    }
    assert summary["postings"] > summary["documents"]
