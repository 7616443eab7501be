"""make's rule over lake partitions: what a run may skip, and what it must rebuild."""

import datetime as dt
import os
from pathlib import Path

from wiredesk.store.buildlog import BuildLog, Stage, plan, topological
from wiredesk.store.lake import Lake

D1, D2 = dt.date(2026, 3, 1), dt.date(2026, 3, 2)
GRAPH = {
    "feed_items": Stage("feed_items", "feed_items", True),
    "raw_pages": Stage("raw_pages", "raw_pages", True, ("feed_items",)),
    "articles": Stage("articles", "articles", True, ("raw_pages",)),
    "entities": Stage("entities", "entities", False, ("articles",)),
    "daily_source_volume": Stage(
        "daily_source_volume", "daily_source_volume", True, ("articles", "entities")
    ),
}


def write(lake: Lake, table: str, day: dt.date | None, at_ns: int) -> None:
    lake.write(table, [], day)
    path = lake.file_path(table, day)
    os.utime(path, ns=(at_ns, at_ns))


def built_home(tmp_path: Path) -> tuple[Lake, BuildLog]:
    """Every stage written at t=10..14 and built right before each write."""
    lake, log = Lake(tmp_path), BuildLog(tmp_path / "state")
    for day in (D1, D2):
        for at, table in enumerate(["feed_items", "raw_pages", "articles"], start=10):
            log.record([table], [day], at * 10**9 - 1)
            write(lake, table, day, at * 10**9)
    log.record(["entities"], [None], 13 * 10**9 - 1)
    write(lake, "entities", None, 13 * 10**9)
    for day in (D1, D2):
        log.record(["daily_source_volume"], [day], 14 * 10**9 - 1)
        write(lake, "daily_source_volume", day, 14 * 10**9)
    log.save(GRAPH)
    return lake, BuildLog(tmp_path / "state")


def test_graph_order_puts_every_stage_after_its_inputs() -> None:
    order = topological(GRAPH)
    assert order.index("raw_pages") > order.index("feed_items")
    assert order.index("daily_source_volume") > order.index("entities")


def test_nothing_built_means_everything_is_stale(tmp_path: Path) -> None:
    work = plan(Lake(tmp_path), GRAPH, BuildLog(tmp_path / "state"), [D1])
    assert work.daily[D1] == ["feed_items", "raw_pages", "articles", "daily_source_volume"]
    assert work.cross_day == ["entities"]


def test_a_built_home_with_nothing_new_plans_nothing(tmp_path: Path) -> None:
    lake, log = built_home(tmp_path)
    assert log.graph == GRAPH  # the graph is kept with the build record
    work = plan(lake, log.graph, log, [D1, D2])
    assert work.empty


def test_a_rewritten_input_rebuilds_its_day_and_the_cross_day_stages_only(tmp_path) -> None:
    lake, log = built_home(tmp_path)
    write(lake, "raw_pages", D2, 20 * 10**9)  # e.g. a page fetched again
    work = plan(lake, GRAPH, log, [D1, D2])
    assert work.daily[D1] == []
    assert work.daily[D2] == ["articles", "daily_source_volume"]
    assert work.cross_day == ["entities"]


def test_a_rebuilt_cross_day_table_does_not_make_every_day_stale(tmp_path) -> None:
    lake, log = built_home(tmp_path)
    write(lake, "entities", None, 20 * 10**9)
    work = plan(lake, GRAPH, log, [D1, D2])
    assert work.daily == {D1: [], D2: []} and work.cross_day == []


def test_a_day_with_news_is_rebuilt_whole_and_a_lost_output_is_rebuilt(tmp_path) -> None:
    lake, log = built_home(tmp_path)
    work = plan(lake, GRAPH, log, [D1, D2], changed_days=[D1])
    assert work.daily[D1] == ["feed_items", "raw_pages", "articles", "daily_source_volume"]
    assert work.daily[D2] == []
    lake.file_path("articles", D2).unlink()  # someone removed a partition
    work = plan(lake, GRAPH, log, [D1, D2])
    assert work.daily[D2] == ["articles", "daily_source_volume"]


def test_an_input_written_during_a_build_counts_as_newer(tmp_path) -> None:
    lake, log = built_home(tmp_path)
    log.record(["articles"], [D1], 30 * 10**9)
    write(lake, "raw_pages", D1, 30 * 10**9 + 1)  # landed after articles began
    assert plan(lake, GRAPH, log, [D1]).daily[D1] == ["articles", "daily_source_volume"]


def test_the_code_stamp_changes_with_the_asset_modules(tmp_path, monkeypatch) -> None:
    import pipelines.code_stamp as stamp

    (tmp_path / "assets").mkdir()
    (tmp_path / "pipelines").mkdir()
    (tmp_path / "assets" / "a.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "pipelines" / "definitions.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(stamp, "ROOT", tmp_path)
    before = stamp.code_stamp()
    assert stamp.code_stamp() == before
    (tmp_path / "assets" / "b.py").write_text("y = 2\n", encoding="utf-8")  # a new asset module
    assert stamp.code_stamp() != before


def test_a_raised_code_version_rebuilds_every_day_of_that_stage_and_what_reads_it(
    tmp_path: Path,
) -> None:
    lake, log = built_home(tmp_path)
    graph = dict(GRAPH, articles=Stage("articles", "articles", True, ("raw_pages",), version="2"))
    work = plan(lake, graph, log, [D1, D2])
    assert work.daily == {
        D1: ["articles", "daily_source_volume"],
        D2: ["articles", "daily_source_volume"],
    }
    assert work.cross_day == ["entities"]
    log.record([graph["articles"].build_key], [D1, D2], 20 * 10**9)
    for day in (D1, D2):
        write(lake, "articles", day, 20 * 10**9 + 1)
        log.record(["daily_source_volume"], [day], 22 * 10**9)
        write(lake, "daily_source_volume", day, 22 * 10**9 + 1)
    log.record(["entities"], [None], 21 * 10**9)
    write(lake, "entities", None, 21 * 10**9 + 1)
    log.save(graph)
    again = BuildLog(tmp_path / "state")
    assert again.graph["articles"].version == "2"
    assert plan(lake, again.graph, again, [D1, D2]).empty


def test_the_build_log_keeps_graph_and_code_stamp(tmp_path: Path) -> None:
    log = BuildLog(tmp_path)
    log.record(["articles"], [D1], 5)
    log.save(GRAPH, "abc")
    again = BuildLog(tmp_path)
    assert again.graph == GRAPH and again.code == "abc" and again.built_at("articles", D1) == 5


def test_two_commands_saving_at_once_keep_each_others_builds(tmp_path: Path) -> None:
    first, second = BuildLog(tmp_path), BuildLog(tmp_path)  # both read the empty log
    first.record(["articles"], [D1], 5)
    first.record(["quotes"], [D1], 5)
    second.record(["articles"], [D1], 7)
    second.record(["articles"], [D2], 7)
    first.save(GRAPH, "abc")
    second.save()
    again = BuildLog(tmp_path)
    assert again.graph == GRAPH and again.code == "abc"
    assert again.built_at("quotes", D1) == 5  # the first command's build is not lost
    assert again.built_at("articles", D1) == 7 and again.built_at("articles", D2) == 7
    first.save()  # an older record never replaces a newer one
    assert BuildLog(tmp_path).built_at("articles", D1) == 7
