"""WIREDESK_HOME on object storage, against a real S3-compatible server on loopback (moto)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from dagster import DagsterInstance

from pipelines.runner import available_days, ingest_days
from tests.conftest import REPO
from wiredesk.store.home import home_dir, local_home
from wiredesk.store.lake import Lake
from wiredesk.store.memory import memory_connection
from wiredesk.store.snapshot import publish
from wiredesk.store.storage import filesystem
from wiredesk.store.warehouse import (
    connect_readonly,
    ensure_warehouse,
    warehouse_path,
)

DAY = dt.date(2026, 11, 16)
SOURCES = REPO / "sources.yaml"
BUCKET = "wiredesk-test"
COMPARED = [
    "sources",
    "feed_items",
    "raw_pages",
    "articles",
    "article_versions",
    "article_signatures",
    "entity_mentions",
    "quotes",
    "entities",
    "entity_aliases",
    "fetch_log",
    "syndication",
    "daily_source_volume",
    "daily_entity_mentions",
    "daily_speaker_quotes",
    "daily_entity_pairs",
    "search_index",
    "trending_entities",
    "top_quotes",
    "quotes_with_speakers",
]


@pytest.fixture(scope="module")
def s3_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A moto S3 server on a free loopback port, and the standard AWS settings pointing at it."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    nowhere = str(tmp_path_factory.mktemp("aws") / "none")
    env = {
        "AWS_ENDPOINT_URL": f"http://{host}:{port}",
        "AWS_ACCESS_KEY_ID": "wiredesk",
        "AWS_SECRET_ACCESS_KEY": "wiredesk-secret",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": nowhere,
        "AWS_SHARED_CREDENTIALS_FILE": nowhere,
        "WIREDESK_LOCAL_HOME": str(tmp_path_factory.mktemp("local-home")),
    }
    with pytest.MonkeyPatch.context() as patch:
        for key, value in env.items():
            patch.setenv(key, value)
        filesystem("s3").mkdir(BUCKET)
        try:
            yield env
        finally:
            server.stop()


@pytest.fixture
def s3_home(s3_env, request, monkeypatch) -> str:
    for key, value in s3_env.items():  # the autouse fixture reset the environment per test
        monkeypatch.setenv(key, value)
    monkeypatch.setenv(
        "WIREDESK_LOCAL_HOME", str(Path(s3_env["WIREDESK_LOCAL_HOME"]) / request.node.name)
    )
    return f"s3://{BUCKET}/{request.node.name}"


def _keys(home: str, table: str) -> list[str]:
    lake = Lake(home)
    return sorted(lake.objects(table))


def test_remote_home_is_an_object_store_path_and_keeps_local_files_local(s3_home) -> None:
    home = home_dir(s3_home)
    assert str(home) == s3_home
    assert str(home_dir(s3_home + "/")) == s3_home
    assert not str(local_home(s3_home)).startswith("s3:")
    assert warehouse_path(s3_home).parent == local_home(s3_home)


def test_writes_are_immutable_objects_and_reads_take_the_newest(s3_home) -> None:
    lake = Lake(s3_home)
    lake.write("feed_items", [{"item_id": "a"}, {"item_id": "b"}], DAY)
    lake.write("feed_items", [{"item_id": "c"}], DAY)
    lake.write("fetch_log", [{"url": "u1"}], DAY, part="feed_items")
    lake.write("fetch_log", [{"url": "u2"}], DAY, part="raw_pages")
    lake.write("fetch_log", [], DAY, part="feed_items")
    lake.write("articles", [], "2026-11-17")
    lake.write("entities", [{"entity_id": "E1"}])
    assert lake.read("feed_items", DAY).column("item_id").to_pylist() == ["c"]
    assert lake.read("feed_items").column("day").to_pylist() == [DAY]
    assert lake.read("fetch_log", DAY).column("url").to_pylist() == ["u2"]
    assert lake.read("fetch_log", DAY, part="feed_items").num_rows == 0
    assert lake.read("entities").column("entity_id").to_pylist() == ["E1"]
    assert lake.days("articles") == [dt.date(2026, 11, 17)] and lake.days("quotes") == []
    assert lake.has_files("entities") and not lake.has_files("quotes")
    assert len(_keys(s3_home, "feed_items")) == 2  # the superseded object stays for readers


def test_views_read_the_newest_object_and_superseded_ones_expire(s3_home, monkeypatch) -> None:
    lake = Lake(s3_home)
    lake.write("articles", [{"article_id": "a1"}], DAY)
    first = publish(s3_home).of("articles")
    assert ensure_warehouse(s3_home)
    reader = connect_readonly(s3_home)
    assert reader.execute("SELECT article_id FROM articles").fetchall() == [("a1",)]
    lake.write("articles", [{"article_id": "a2"}, {"article_id": "a3"}], DAY)
    lake.write("articles", [{"article_id": "b1"}], DAY + dt.timedelta(days=1))
    assert not ensure_warehouse(s3_home)  # new data never rewrites the analyst's file
    ids = reader.execute("SELECT article_id FROM articles ORDER BY 1").fetchall()
    assert ids == [("a2",), ("a3",), ("b1",)]  # the open connection sees new objects
    second = publish(s3_home).of("articles")
    assert first[0] not in second and len(second) == 2
    assert len(_keys(s3_home, "articles")) == 3  # within retention the old object stays
    monkeypatch.setenv("WIREDESK_SNAPSHOT_RETENTION_HOURS", "0")
    publish(s3_home)
    assert ["s3://" + key for key in _keys(s3_home, "articles")] == second
    con = memory_connection(s3_home)
    assert con.execute("SELECT count(*), min(day) FROM articles").fetchone() == (3, DAY)
    con.close()
    reader.close()


def test_a_plain_duckdb_connection_reads_the_lake_through_the_registered_filesystem(
    s3_home,
) -> None:
    Lake(s3_home).write("quotes", [{"quote_id": "q"}], DAY)
    ensure_warehouse(s3_home)
    con = duckdb.connect(str(warehouse_path(s3_home)), read_only=True)
    with pytest.raises(duckdb.Error):  # without the filesystem the s3:// views cannot resolve
        con.execute("SELECT count(*) FROM lake.quotes").fetchone()
    con.close()
    assert connect_readonly(s3_home).execute("SELECT quote_id FROM quotes").fetchall() == [("q",)]


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COMPARED}


def test_dagster_ingest_into_s3_answers_like_a_local_home(s3_home, tmp_path) -> None:
    days = available_days(SOURCES)[:1]  # one day: every asset, cross-day ones included
    local = tmp_path / "local"
    ingest_days(days, home=str(local), sources=str(SOURCES), instance=DagsterInstance.ephemeral())
    ingest_days(days, home=s3_home, sources=str(SOURCES), instance=DagsterInstance.ephemeral())
    expected = counts(connect_readonly(local))
    remote = connect_readonly(s3_home)
    assert counts(remote) == expected
    assert expected["articles"] > 0 and expected["quotes"] > 0 and expected["top_quotes"] > 0
    same = "SELECT article_id, title, day FROM articles ORDER BY 1"
    assert remote.execute(same).fetchall() == connect_readonly(local).execute(same).fetchall()
    # The lake is on the server and nothing of it is on local disk; state and file are local.
    keys = filesystem("s3").find(f"{BUCKET}/{s3_home.rsplit('/', 1)[1]}/lake")
    assert any("/articles/day=" in key for key in keys)
    assert (local_home(s3_home) / "state" / "ledger.sqlite").exists()
    assert not (local_home(s3_home) / "lake").exists()


def test_write_times_on_object_storage_come_from_the_object_names(s3_home) -> None:
    from wiredesk.store.buildlog import WriteTimes

    lake = Lake(s3_home)
    day = dt.date(2026, 11, 16)
    lake.write("feed_items", [], day)
    first = WriteTimes(lake).of("feed_items", day)
    lake.write("feed_items", [], day)  # a rewrite is a newer object
    times = WriteTimes(lake)
    assert first is not None and times.of("feed_items", day) > first
    assert times.of("feed_items", None) == times.of("feed_items", day)
    assert times.of("raw_pages", day) is None


def test_lookup_tables_keep_small_row_groups_on_object_storage(s3_home) -> None:
    lake = Lake(s3_home)
    rows = [{"entity_key": f"k{i:05d}", "article_id": f"a{i}"} for i in range(5000)]
    lake.write("article_entities", rows, DAY)
    (key,) = _keys(s3_home, "article_entities")
    with filesystem("s3").open(key, "rb") as handle:
        meta = pq.read_metadata(handle)
    assert meta.num_rows == 5000
    assert max(meta.row_group(i).num_rows for i in range(meta.num_row_groups)) <= 2048
