import datetime as dt
import os
import shutil
from pathlib import Path

import duckdb
import pytest
from dagster import DagsterInstance, materialize

from tests.conftest import REPO
from wiredesk.aggregates import refresh_cross_day, stale_days
from wiredesk.store.buildlog import BuildLog
from wiredesk.store.lake import Lake
from wiredesk.store.memory import memory_connection
from wiredesk.store.schema import TABLES
from wiredesk.store.snapshot import publish
from wiredesk.store.warehouse import (
    connect_readonly,
    define_views,
    ensure_warehouse,
    publish_warehouse,
    published_at_end,
    table_reference,
    warehouse_path,
)

DAY = dt.date(2026, 11, 16)


def test_empty_lake_gives_typed_empty_views(home: Path) -> None:
    assert ensure_warehouse(home)
    con = connect_readonly(home)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    types = dict(con.execute("DESCRIBE quotes").fetchall()[i][:2] for i in range(3))
    assert types["quote_id"] == "VARCHAR"
    assert con.execute("SELECT count(*) FROM search_articles('anything')").fetchone() == (0,)
    con.close()


def test_rebuilt_only_when_the_lake_changes(home: Path) -> None:
    assert ensure_warehouse(home)
    assert not ensure_warehouse(home)
    Lake(home).write("articles", [{"article_id": "a1", "word_count": 3}], DAY)
    assert ensure_warehouse(home)
    assert not ensure_warehouse(home)


def test_a_run_in_one_process_publishes_once_at_its_end(home: Path) -> None:
    lake = Lake(home)
    with published_at_end():
        lake.write("articles", [{"article_id": "a1", "word_count": 3}], DAY)
        publish_warehouse(home)
        with published_at_end():  # an inner block leaves it to the outer one
            publish_warehouse(home)
        assert not warehouse_path(home).exists()  # nothing written yet
        lake.write("articles", [{"article_id": "a2", "word_count": 4}], DAY, part="more")
    con = connect_readonly(home)  # written once, with what the run wrote last
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    con.close()
    with pytest.raises(RuntimeError), published_at_end():  # a run that fails publishes too
        lake.write("articles", [{"article_id": "a3", "word_count": 5}], DAY, part="last")
        publish_warehouse(home)
        raise RuntimeError("a step failed")
    con = connect_readonly(home)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (3,)
    con.close()
    publish_warehouse(home)  # outside a block: at once
    assert not ensure_warehouse(home)


def _view_sql(home: Path, name: str) -> str:
    con = duckdb.connect(str(home / "wiredesk.duckdb"), read_only=True)
    try:
        return con.execute(
            "SELECT sql FROM duckdb_views() WHERE schema_name = 'lake' AND view_name = ?", [name]
        ).fetchone()[0]
    finally:
        con.close()


def test_files_of_an_older_schema_are_read_by_name_until_replaced(home: Path, monkeypatch) -> None:
    lake = Lake(home)
    lake.write("articles", [{"article_id": "a1", "title": "new"}], DAY)
    ensure_warehouse(home)
    assert "union_by_name" not in _view_sql(home, "articles")  # one schema: no footer pass
    # a file from before `title` existed, as an older version of wiredesk wrote it
    old_day = DAY - dt.timedelta(days=1)
    folder = lake.partition_dir("articles", old_day)
    folder.mkdir(parents=True)
    duckdb.sql("COPY (SELECT 'a0' AS article_id) TO '" + str(folder / "data.parquet") + "'")
    assert ensure_warehouse(home)
    assert "union_by_name" in _view_sql(home, "articles")
    con = connect_readonly(home)
    rows = con.execute("SELECT article_id, title FROM articles ORDER BY 1").fetchall()
    con.close()
    assert rows == [("a0", None), ("a1", "new")]
    # rewritten in today's schema: the replaced link is still readable, so still by name
    lake.write("articles", [{"article_id": "a0", "title": "again"}], old_day)
    ensure_warehouse(home)
    assert "union_by_name" in _view_sql(home, "articles")
    monkeypatch.setenv("WIREDESK_SNAPSHOT_RETENTION_HOURS", "0")
    ensure_warehouse(home)  # the old link expires: one schema again
    assert "union_by_name" not in _view_sql(home, "articles")


def test_views_work_from_another_directory(home: Path, tmp_path: Path, monkeypatch) -> None:
    Lake(home).write("articles", [{"article_id": "a1", "word_count": 3}], DAY)
    ensure_warehouse(home)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    con = duckdb.connect(str(home / "wiredesk.duckdb"), read_only=True)
    assert con.execute("SELECT article_id, day FROM articles").fetchall() == [("a1", DAY)]
    con.close()


def test_open_reader_sees_replaced_and_new_partitions(home: Path) -> None:
    lake = Lake(home)
    lake.write("articles", [{"article_id": "a1"}], DAY)
    ensure_warehouse(home)
    reader = connect_readonly(home)
    lake.write("articles", [{"article_id": "a2"}, {"article_id": "a3"}], DAY)
    lake.write("articles", [{"article_id": "b1"}], DAY + dt.timedelta(days=1))
    assert not ensure_warehouse(home)  # new data never rewrites the analyst's file
    ids = reader.execute("SELECT article_id FROM articles ORDER BY 1").fetchall()
    assert ids == [("a2",), ("a3",), ("b1",)]  # the old copy of the day is not read twice
    reader.close()


def test_published_files_never_change_and_expire_after_retention(home: Path, monkeypatch) -> None:
    lake = Lake(home)
    lake.write("articles", [{"article_id": "a1"}], DAY)
    first = publish(home).of("articles")
    lake.write("articles", [{"article_id": "a2"}], DAY)
    second = publish(home).of("articles")
    assert first != second and Path(first[0]).exists()
    assert duckdb.sql(f"SELECT article_id FROM '{first[0]}'").fetchall() == [("a1",)]
    monkeypatch.setenv("WIREDESK_SNAPSHOT_RETENTION_HOURS", "0")
    publish(home)
    assert not Path(first[0]).exists() and Path(second[0]).exists()


def test_columns_added_to_the_contract_read_as_null_in_old_files(home: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = Lake(home).file_path("daily_source_volume", DAY)
    target.parent.mkdir(parents=True)
    pq.write_table(pa.table({"source_id": ["x"], "articles": [3]}), target)
    con = memory_connection(home)
    row = con.execute("SELECT source_id, articles, agency_copy FROM daily_source_volume").fetchone()
    assert row == ("x", 3, None)


def test_entity_mentions_view_maps_keys_to_entities(home: Path) -> None:
    lake = Lake(home)
    lake.write(
        "entity_mentions",
        [
            {
                "article_id": "a",
                "entity_key": "k1",
                "text": "Brandt",
                "type": "PERSON",
                "name": "Lukas Brandt",
                "roles": [],
            }
        ],
        DAY,
    )
    lake.write("entity_aliases", [{"entity_key": "k1", "entity_id": "E"}])
    con = memory_connection(home)
    assert con.execute("SELECT entity_id FROM entity_mentions").fetchone() == ("E",)


def test_every_view_and_column_is_documented(home: Path) -> None:
    ensure_warehouse(home)
    con = connect_readonly(home)
    views = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal "
        "AND comment IS NULL"
    ).fetchall()
    columns = con.execute(
        "SELECT c.table_name, c.column_name FROM duckdb_columns() AS c "
        "JOIN duckdb_views() AS v ON v.view_name = c.table_name AND v.schema_name = c.schema_name "
        "WHERE c.schema_name = 'main' AND NOT v.internal AND c.comment IS NULL"
    ).fetchall()
    assert views == [] and columns == []
    public = {
        r[0]
        for r in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'"
        ).fetchall()
    }
    assert set(TABLES) <= public
    assert {
        "quotes_with_speakers",
        "quote_entities",
        "article_entities",
        "article_copies",
    } <= public


def test_table_reference_lists_every_view() -> None:
    con = duckdb.connect()
    define_views(con, REPO, publish_nothing())
    text = table_reference(con)
    for name in TABLES:
        assert f"## {name}\n" in text
    assert "| `search_ranked` |" in text
    written = (REPO / "docs" / "tables.md").read_text(encoding="utf-8")
    for name in ("trending_entities", "top_quotes", "quote_entities", "search_terms"):
        assert f"## {name}\n" in written


def publish_nothing():
    from wiredesk.store.snapshot import Publication

    return Publication()


# -- cross-day aggregates -------------------------------------------------------------------
def _day(n: int) -> dt.date:
    return DAY + dt.timedelta(days=n)


def _write_entity_day(lake: Lake, n: int, articles: dict[str, int]) -> None:
    lake.write(
        "daily_entity_mentions",
        [
            {"entity_id": e, "name": e, "type": "ORG", "mentions": a, "articles": a, "sources": 2}
            for e, a in articles.items()
        ],
        _day(n),
    )
    lake.write("daily_source_volume", [{"source_id": "s", "articles": 10}], _day(n))


def test_trends_score_a_rise_and_need_support(home: Path) -> None:
    lake = Lake(home)
    for n in range(8):
        _write_entity_day(lake, n, {"steady": 3, "riser": 1 if n < 7 else 6, "lone": 1})
    refresh_cross_day(home, "trending_entities")
    con = memory_connection(home)
    rows = con.execute(
        "SELECT entity_id, z_7, supported, rank FROM trending_entities WHERE day = $d "
        "ORDER BY entity_id",
        {"d": _day(7)},
    ).fetchall()
    by_id = {r[0]: r for r in rows}
    assert by_id["riser"][1] == pytest.approx(5.0) and by_id["riser"][3] == 1
    assert by_id["steady"][1] == pytest.approx(0.0)
    assert by_id["lone"][2] is False and by_id["lone"][3] is None  # one article is no trend


def test_trends_recompute_only_the_days_a_change_reaches(home: Path) -> None:
    lake = Lake(home)
    for n in range(32):
        _write_entity_day(lake, n, {"a": 2, "b": 3})
    assert len(refresh_cross_day(home, "trending_entities")) == 32
    assert refresh_cross_day(home, "trending_entities") == {}
    _write_entity_day(lake, 2, {"a": 9, "b": 3})
    days, _ = stale_days(home, "trending_entities")
    assert days == [_day(n) for n in range(2, 31)]  # the day and the 28 after it
    assert sorted(refresh_cross_day(home, "trending_entities")) == days


def test_trends_after_a_removed_day_forget_it(home: Path) -> None:
    lake = Lake(home)
    for n in range(4):
        _write_entity_day(lake, n, {"a": 2, "b": 3})
    refresh_cross_day(home, "trending_entities")
    for table in ("daily_entity_mentions", "daily_source_volume"):
        shutil.rmtree(lake.partition_dir(table, _day(1)))
    days, changed = stale_days(home, "trending_entities")
    assert changed == {_day(1)} and days == [_day(2), _day(3)]


def test_an_input_written_after_the_build_began_is_new_to_the_next_build(home: Path) -> None:
    lake = Lake(home)
    for n in range(3):
        _write_entity_day(lake, n, {"a": 2})
    refresh_cross_day(home, "trending_entities")
    log = BuildLog(home / "state")
    built = log.built_at("trending_entities", None)
    assert built is not None
    _write_entity_day(lake, 2, {"a": 5})
    assert stale_days(home, "trending_entities") == ([_day(2)], {_day(2)})


def _write_quote_day(lake: Lake, n: int, quotes: list[tuple[str, str, str]]) -> None:
    """quotes: (article_id, source_id, quote_hash)."""
    articles = sorted({(a, s) for a, s, _ in quotes})
    when = dt.datetime.combine(_day(n), dt.time(9), tzinfo=dt.UTC)
    lake.write(
        "articles",
        [
            {"article_id": a, "source_id": s, "published_at": when + dt.timedelta(minutes=i)}
            for i, (a, s) in enumerate(articles)
        ],
        _day(n),
    )
    lake.write(
        "quotes",
        [
            {
                "quote_id": f"{a}-{h}",
                "article_id": a,
                "kind": "direct",
                "text": h.upper(),
                "speaker": "Ana",
                "quote_hash": h,
            }
            for a, _s, h in quotes
        ],
        _day(n),
    )


def test_top_quotes_keep_the_first_outlet_across_days(home: Path) -> None:
    lake = Lake(home)
    _write_quote_day(lake, 0, [("a1", "wire", "q1")])
    _write_quote_day(lake, 1, [("a2", "wire", "q2")])
    _write_quote_day(lake, 2, [("a3", "post", "q1"), ("a4", "times", "q1"), ("a4", "times", "q3")])
    refresh_cross_day(home, "top_quotes")
    con = memory_connection(home)
    top = con.execute(
        "SELECT quote_hash, copies, outlets, copies_to_date, first_outlet, rank FROM top_quotes "
        "WHERE day = $d ORDER BY rank",
        {"d": _day(2)},
    ).fetchall()
    assert top[0] == ("q1", 2, 2, 3, "wire", 1)
    # A re-run of day 0 reaches day 2 (it carries q1 too) but not day 1.
    _write_quote_day(lake, 0, [("a1", "agency", "q1")])
    days, _ = stale_days(home, "top_quotes")
    assert days == [_day(0), _day(2)]
    refresh_cross_day(home, "top_quotes")
    con = memory_connection(home)
    assert con.execute(
        "SELECT first_outlet FROM top_quotes WHERE day = $d AND quote_hash = 'q1'", {"d": _day(2)}
    ).fetchone() == ("agency",)


def test_cross_day_assets_materialize_through_dagster(home: Path) -> None:
    from assets.trends import cross_day_aggregates
    from pipelines.resources import WiredeskResource

    lake = Lake(home)
    for n in range(3):
        _write_entity_day(lake, n, {"a": 2 + n})
        _write_quote_day(lake, n, [(f"a{n}", "wire", "q")])
    result = materialize(
        cross_day_aggregates,
        resources={"wiredesk": WiredeskResource(home=str(home))},
        instance=DagsterInstance.ephemeral(),
    )
    assert result.success
    con = connect_readonly(home)
    assert con.execute("SELECT count(DISTINCT day) FROM trending_entities").fetchone() == (3,)
    assert con.execute("SELECT count(DISTINCT day) FROM top_quotes").fetchone() == (3,)
    log = BuildLog(home / "state")  # what the next run compares input write times with
    assert log.built_at("top_quotes", None) and log.built_at("trending_entities", None)


def test_publishing_an_unchanged_lake_reuses_the_last_publication(home: Path) -> None:
    from wiredesk.store.snapshot import STATE_FILE, published_root

    lake = Lake(home)
    lake.write("articles", [{"article_id": "a1"}], DAY)
    first = publish(home)
    state = published_root(home) / STATE_FILE
    written = state.stat().st_mtime_ns
    links = sorted(published_root(home).rglob("*.parquet"))
    assert publish(home).files == first.files
    assert state.stat().st_mtime_ns == written  # nothing linked, listed or rewritten
    assert sorted(published_root(home).rglob("*.parquet")) == links
    lake.write("articles", [{"article_id": "a2"}], DAY)  # a change is seen at once
    assert publish(home).of("articles") != first.of("articles")


def test_a_publication_keeps_the_links_of_unchanged_files_and_expires_strays(
    home: Path, monkeypatch
) -> None:
    from wiredesk.store.snapshot import published_root

    lake = Lake(home)
    lake.write("articles", [{"article_id": "a1"}], DAY)
    lake.write("quotes", [{"quote_id": "q1", "article_id": "a1"}], DAY)
    first = publish(home)
    kept = Path(first.of("quotes")[0])
    inode = kept.stat().st_ino
    # A link no publication recorded (a publication that stopped before saving its state).
    stray = kept.with_name("quotes.00000000000000000001-1-1.parquet")
    os.link(kept, stray)
    lake.write("articles", [{"article_id": "a2"}], DAY)
    second = publish(home)
    assert second.of("quotes") == first.of("quotes") and kept.stat().st_ino == inode
    assert second.of("articles") != first.of("articles")
    assert str(stray) in second.retained_of("quotes")  # read by no view, kept a while
    monkeypatch.setenv("WIREDESK_SNAPSHOT_RETENTION_HOURS", "0")
    lake.write("articles", [{"article_id": "a3"}], DAY)
    publish(home)
    assert not stray.exists() and kept.exists()
    assert sorted(p.name for p in (published_root(home) / "quotes").rglob("*.parquet")) == [
        kept.name
    ]


def test_memory_connection_reuses_a_publication_it_is_given(home: Path) -> None:
    lake = Lake(home)
    lake.write("articles", [{"article_id": "a1"}], DAY)
    publication = publish(home)
    lake.write("articles", [{"article_id": "b1"}], DAY + dt.timedelta(days=1))
    con = memory_connection(home, publication)  # the views list that publication's files
    assert con.execute("SELECT article_id FROM articles").fetchall() == [("a1",)]
    assert memory_connection(home).execute("SELECT count(*) FROM articles").fetchone() == (2,)


def test_a_pipeline_connection_reads_the_files_published_when_it_opened(home: Path) -> None:
    lake = Lake(home)
    lake.write("articles", [{"article_id": "a1"}], DAY)
    step = memory_connection(home)
    lake.write("articles", [{"article_id": "a2"}, {"article_id": "a3"}], DAY)
    publish(home)  # another step replaces the partition; the old link is retained
    assert step.execute("SELECT article_id FROM articles").fetchall() == [("a1",)]
    step.close()
    later = memory_connection(home)
    # only the current file: the retained link is not read (nor counted twice)
    assert later.execute("SELECT count(*) FROM articles").fetchall() == [(2,)]
    (sql,) = later.execute(
        "SELECT sql FROM duckdb_views() WHERE schema_name = 'lake' AND view_name = 'articles'"
    ).fetchone()
    assert "glob(" not in sql and sql.count(".parquet'") == 1
    later.close()


def test_pipeline_connections_of_a_process_share_views_that_follow_the_lake(home: Path) -> None:
    lake = Lake(home)
    lake.write("articles", [{"article_id": "a1"}], DAY)
    first = memory_connection(home)
    views = "SELECT count(*) FROM duckdb_views() WHERE NOT internal"
    defined = first.execute(views).fetchone()
    lake.write("articles", [{"article_id": "b1"}], DAY + dt.timedelta(days=1))
    second = memory_connection(home)  # one database: its views follow the new publication
    assert second.execute(views).fetchone() == defined
    assert second.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    assert first.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    first.close()  # a cursor: closing it leaves the others working
    assert second.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    second.close()


def test_a_new_column_in_the_lake_redefines_the_shared_views(home: Path) -> None:
    lake = Lake(home)
    lake.write("articles", [{"article_id": "a1"}], DAY)
    con = memory_connection(home)
    assert con.execute("SELECT title FROM articles").fetchall() == [(None,)]
    lake.write("articles", [{"article_id": "a1", "title": "Budget passed"}], DAY)
    later = memory_connection(home)
    assert later.execute("SELECT title FROM articles").fetchall() == [("Budget passed",)]
    con.close()
    later.close()
