import datetime as dt
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from wiredesk.store.lake import Lake
from wiredesk.store.schema import table

DAY = dt.date(2026, 11, 16)


def test_write_then_read_partition_round_trips_and_adds_day(home: Path) -> None:
    lake = Lake(home)
    written = lake.write("feed_items", [{"item_id": "a", "source_id": "s", "version": 1}], DAY)
    assert written == 1
    data = lake.read("feed_items", DAY).to_pylist()
    assert data[0]["item_id"] == "a"
    assert data[0]["day"] == DAY
    assert data[0]["title"] is None  # missing columns are null, typed


def test_rewrite_replaces_the_partition_whole(home: Path) -> None:
    lake = Lake(home)
    lake.write("feed_items", [{"item_id": "a"}, {"item_id": "b"}], DAY)
    lake.write("feed_items", [{"item_id": "c"}], DAY)
    assert lake.read("feed_items", DAY).column("item_id").to_pylist() == ["c"]
    files = list(lake.partition_dir("feed_items", DAY).iterdir())
    assert [f.name for f in files] == ["data.parquet"]  # no temporary files left behind


def test_parts_of_one_partition_are_independent(home: Path) -> None:
    lake = Lake(home)
    lake.write("fetch_log", [{"url": "u1", "stage": "feed_items"}], DAY, part="feed_items")
    lake.write("fetch_log", [{"url": "u2", "stage": "raw_pages"}], DAY, part="raw_pages")
    lake.write("fetch_log", [], DAY, part="feed_items")
    assert lake.read("fetch_log", DAY).column("url").to_pylist() == ["u2"]


def test_unknown_columns_are_refused(home: Path) -> None:
    with pytest.raises(ValueError, match="unknown columns"):
        Lake(home).write("feed_items", [{"item_id": "a", "colour": "red"}], DAY)


def test_partitioned_table_needs_a_day(home: Path) -> None:
    with pytest.raises(ValueError, match="partitioned"):
        Lake(home).write("feed_items", [{"item_id": "a"}])


def test_days_lists_written_partitions(home: Path) -> None:
    lake = Lake(home)
    lake.write("articles", [], "2026-11-17")
    lake.write("articles", [], DAY)
    assert lake.days("articles") == [DAY, dt.date(2026, 11, 17)]


def test_immutable_names_sort_by_write_time_and_map_back_to_their_part() -> None:
    from wiredesk.store.lake import newest_per_part, object_name, part_of

    older = object_name("feed_items-poll-run.1", 10)
    newer = object_name("feed_items-poll-run.1", 9)
    other = object_name("data", 5)
    assert part_of(older) == part_of(newer) == "feed_items-poll-run.1"
    assert newest_per_part([newer, "data.parquet", older, other]) == {
        "feed_items-poll-run.1": newer,
        "data": other,
    }


def test_a_new_name_sorts_after_the_newest_even_with_a_clock_behind() -> None:
    from wiredesk.store.lake import object_name

    ahead = "data.99999999999999999990-ab-1.parquet"  # written by a machine whose clock is ahead
    assert object_name("data", 5, after=ahead) > ahead


def test_tables_with_small_pages_are_written_with_a_page_index(home: Path) -> None:
    lake = Lake(home)
    rows = [
        {"kind": "article", "term": f"t{i // 7:05d}", "doc": i % 7, "tf": 1, "length": 9}
        for i in range(3 * table("search_index").page_rows)
    ]
    lake.write("search_index", rows, "2026-11-16")
    lake.write("feed_items", [{"item_id": "i1"}], "2026-11-16")
    paged = pq.ParquetFile(lake.file_path("search_index", "2026-11-16")).metadata
    plain = pq.ParquetFile(lake.file_path("feed_items", "2026-11-16")).metadata
    assert all(paged.row_group(0).column(i).has_column_index for i in range(paged.num_columns))
    assert not plain.row_group(0).column(0).has_column_index
    # a scan that skips pages by their min/max still finds every row of a term
    found = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{lake.file_path('search_index', '2026-11-16')}') "
        "WHERE term IN ('t00001', 't00600')"
    ).fetchall()
    assert found == [(14,)]


def test_a_pages_bytes_are_written_without_a_dictionary_the_rest_with_one(home: Path) -> None:
    lake = Lake(home)
    rows = [
        {
            "item_id": f"i{n}",
            "source_id": "wire",
            "format": "html",
            "content": f"<p>{n}</p>".encode(),
        }
        for n in range(50)
    ]
    lake.write("raw_pages", rows, DAY)
    chunk = pq.ParquetFile(lake.file_path("raw_pages", DAY)).metadata.row_group(0)
    columns = {chunk.column(i).path_in_schema: chunk.column(i) for i in range(chunk.num_columns)}
    assert not columns["content"].has_dictionary_page
    assert columns["source_id"].has_dictionary_page
    assert lake.read("raw_pages", DAY).column("content").to_pylist() == [r["content"] for r in rows]
