import datetime as dt
from pathlib import Path

import duckdb

from wiredesk.lake import Lake
from wiredesk.warehouse import connect_readonly, ensure_warehouse, memory_connection

DAY = dt.date(2026, 11, 16)


def test_empty_lake_gives_typed_empty_views(home: Path) -> None:
    assert ensure_warehouse(home)
    con = connect_readonly(home)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    types = dict(con.execute("DESCRIBE quotes").fetchall()[i][:2] for i in range(3))
    assert types["quote_id"] == "VARCHAR"
    con.close()


def test_rebuilt_only_when_tables_appear(home: Path) -> None:
    assert ensure_warehouse(home)
    assert not ensure_warehouse(home)
    Lake(home).write("articles", [{"article_id": "a1", "word_count": 3}], DAY)
    assert ensure_warehouse(home)
    assert not ensure_warehouse(home)


def test_views_work_from_another_directory(home: Path, tmp_path: Path, monkeypatch) -> None:
    Lake(home).write("articles", [{"article_id": "a1", "word_count": 3}], DAY)
    ensure_warehouse(home)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    con = duckdb.connect(str(home / "wiredesk.duckdb"), read_only=True)
    assert con.execute("SELECT article_id, day FROM articles").fetchall() == [("a1", DAY)]
    con.close()


def test_open_reader_sees_replaced_partition(home: Path) -> None:
    lake = Lake(home)
    lake.write("articles", [{"article_id": "a1"}], DAY)
    ensure_warehouse(home)
    reader = connect_readonly(home)
    lake.write("articles", [{"article_id": "a2"}, {"article_id": "a3"}], DAY)
    ensure_warehouse(home)
    assert reader.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    reader.close()


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
