"""The stages' per-article work on the stage pool: same rows whatever the worker count."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import time
from pathlib import Path

import duckdb
import pytest
from dagster import DagsterInstance

from pipelines.runner import ingest_days
from tests.article_fixtures import COPY_EDITED, JSON_LD_PAGE, PAYWALL_PAGE, WIRE_TEXT
from tests.conftest import REPO
from tests.fixtures import HTML, PLAIN
from wiredesk.articles.stage import build_articles_day
from wiredesk.stages import build_mentions, build_quotes
from wiredesk.workers import (
    MIN_POOL_ITEMS,
    chunks,
    home_worker,
    stage_map,
    stage_stream,
    stage_workers,
    submit_to_homes,
)

NOW = dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC)
#: The sample day with the most files.
SAMPLE_DAY = dt.date(2026, 11, 16)
#: Columns that record when a run happened, not what it found.
RUN_COLUMNS = {"extracted_at", "first_seen_at", "fetched_at", "run_id", "discovered_at"}


def pids(items: list[int]) -> list[tuple[int, int]]:
    return [(item, os.getpid()) for item in items]


def test_stage_map_keeps_input_order_and_uses_the_workers_only_for_enough_items() -> None:
    few, many = list(range(MIN_POOL_ITEMS - 1)), list(range(40))
    here = os.getpid()
    with stage_workers(2):
        assert stage_map(pids, few) == [(i, here) for i in few]
        found = stage_map(pids, many)
        assert [item for item, _ in found] == many
        assert here not in {pid for _, pid in found}  # done by the workers
        assert len({pid for _, pid in found}) == 2  # both of them
        assert stage_map(pids, []) == []
    with stage_workers(1):
        assert stage_map(pids, many) == [(i, here) for i in many]
    assert stage_map(pids, many) == [(i, here) for i in many]  # no block open: here


def worker_pids(items: list[int]) -> list[int]:
    return [os.getpid() for _ in items]


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_the_workers_stop_when_the_block_ends() -> None:
    with stage_workers(2):
        workers = set(stage_map(worker_pids, list(range(20))))
        assert len(workers) == 2 and all(map(running, workers))
    assert not any(map(running, workers))


WARMED: list[int] = []


def mark_warm() -> None:
    WARMED.append(os.getpid())


def warm_pids(items: list[int]) -> list[tuple[int, list[int]]]:
    return [(os.getpid(), list(WARMED)) for _ in items]


def fail_warm_up() -> None:
    raise RuntimeError("nothing to load")


def test_workers_warmed_up_start_at_once_and_run_the_warm_up_before_any_batch() -> None:
    with stage_workers(2, warm_up=mark_warm) as count:
        assert count == 2
        for _ in range(100):  # started when the block opens, before any batch is sent
            if len(multiprocessing.active_children()) >= 2:
                break
            time.sleep(0.05)
        assert len(multiprocessing.active_children()) >= 2
        found = stage_map(warm_pids, list(range(40)))
    workers = {pid for pid, _ in found}
    assert len(workers) == 2
    # Once in the fork server both workers were forked from, then again (cheaply) in each.
    servers = {warmed[0] for _, warmed in found}
    assert len(servers) == 1 and not servers & workers
    assert all(warmed == [*servers, pid] for pid, warmed in found)
    with stage_workers(2, warm_up=fail_warm_up):  # a failing warm-up costs only its head start
        assert [pid for pid, _ in stage_map(warm_pids, list(range(20)))]


def probe_values(items: list[int]) -> list[str | None]:
    return [os.environ.get("WIREDESK_PROBE") for _ in items]


def test_warmed_workers_see_the_settings_of_the_block_that_started_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for value in ("first", "second"):  # the fork server started with "first" is replaced
        monkeypatch.setenv("WIREDESK_PROBE", value)
        with stage_workers(2, warm_up=mark_warm):
            assert set(stage_map(probe_values, list(range(20)))) == {value}


def test_chunks_cover_every_item_once_in_order() -> None:
    items = list(range(103))
    batches = chunks(items, 2)
    assert [i for batch in batches for i in batch] == items
    assert len(batches) >= 8 and max(map(len, batches)) <= 16


def _pages() -> list[dict]:
    """Pages that extract, pages that fail, a copy of another: every path of the stage."""
    bodies = [HTML, COPY_EDITED, JSON_LD_PAGE, PAYWALL_PAGE, PLAIN, "   ", WIRE_TEXT]
    pages = []
    for number in range(14):
        body = bodies[number % len(bodies)]
        pages.append(
            {
                "item_id": f"i{number}",
                "source_id": f"outlet{number % 3}",
                "url": f"https://www.t{number}.example/story",
                "content": body.encode("utf-8"),
                "format": None,
            }
        )
    return pages


def _rows_without_run_columns(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in row.items() if k not in RUN_COLUMNS} for row in rows]


def test_articles_entities_and_quotes_are_the_same_on_one_and_two_workers() -> None:
    built = {}
    for workers in (1, 2):
        with stage_workers(workers):
            built[workers] = build_articles_day(_pages(), [], "t", NOW)
    assert built[1].articles == built[2].articles
    assert built[1].signatures == built[2].signatures
    assert _rows_without_run_columns(built[1].errors) == _rows_without_run_columns(built[2].errors)
    assert built[1].errors  # the blank page failed, and said so in both
    articles = built[1].articles * 2  # enough for the pool
    mentions, quotes = {}, {}
    for workers in (1, 2):
        with stage_workers(workers):
            mentions[workers] = build_mentions(articles)
            quotes[workers] = build_quotes(articles, mentions[1])
    assert mentions[1] == mentions[2] and mentions[1]
    assert quotes[1] == quotes[2] and quotes[1]


def _tables(home: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(home / "wiredesk.duckdb"), read_only=True)
    try:
        out = {}
        for name in ("articles", "article_signatures", "entity_mentions", "quotes", "entities"):
            columns = [c[0] for c in con.execute(f"DESCRIBE {name}").fetchall()]
            kept = ", ".join(c for c in columns if c not in RUN_COLUMNS)
            out[name] = sorted(map(repr, con.execute(f"SELECT {kept} FROM {name}").fetchall()))
        return out
    finally:
        con.close()


def test_an_ingest_run_writes_the_same_tables_on_one_and_two_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables = {}
    for workers in (1, 2):
        monkeypatch.setenv("WIREDESK_WORKERS", str(workers))
        home = tmp_path / f"home{workers}"
        ingest_days(
            [SAMPLE_DAY],
            home=str(home),
            sources=str(REPO / "sources.yaml"),
            instance=DagsterInstance.ephemeral(),
        )
        tables[workers] = _tables(home)
    assert len(tables[1]["articles"]) >= MIN_POOL_ITEMS  # the day went through the pool
    assert tables[1] == tables[2]


def die(_items: list[int]) -> list[int]:
    os._exit(3)


def test_a_worker_that_dies_fails_the_call_and_the_next_call_gets_new_workers() -> None:
    from concurrent.futures.process import BrokenProcessPool

    with stage_workers(2):
        with pytest.raises(BrokenProcessPool):
            stage_map(die, list(range(MIN_POOL_ITEMS)))
        assert [item for item, _ in stage_map(pids, list(range(20)))] == list(range(20))


def test_a_small_group_always_goes_to_the_same_worker_and_a_large_one_to_all() -> None:
    items = [f"en{i}" for i in range(40)] + ["de1", "fr1", "de2", "fr2", "de3", "ru1"]
    items = items[::2] + items[1::2]  # the groups interleaved
    with stage_workers(2):
        first = stage_map(worker_pids, items, group=lambda item: item[:2])
        again = stage_map(worker_pids, items[:20], group=lambda item: item[:2])
        assert stage_map(pids_of_items, items, group=lambda item: item[:2]) == items
    by_group: dict[str, set[int]] = {}
    for item, pid in zip(items + items[:20], first + again, strict=True):
        by_group.setdefault(item[:2], set()).add(pid)
    assert len(by_group["en"]) == 2
    assert all(len(by_group[g]) == 1 for g in ("de", "fr", "ru"))  # across both calls
    assert len(by_group["de"] | by_group["fr"] | by_group["ru"]) == 2  # homes take turns


def pids_of_items(items: list[str]) -> list[str]:
    return list(items)


def test_days_ingested_as_one_range_are_the_days_ingested_one_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One run over consecutive days hands every day's articles to the workers together, and
    still assembles each day after the ones before it (copies found across days)."""
    monkeypatch.setenv("WIREDESK_WORKERS", "2")
    days = [SAMPLE_DAY, SAMPLE_DAY + dt.timedelta(days=1)]
    ranged, one_by_one = tmp_path / "ranged", tmp_path / "one_by_one"
    instance = DagsterInstance.ephemeral()
    sources = str(REPO / "sources.yaml")
    ingest_days(days, home=str(ranged), sources=sources, instance=instance)
    ranged_runs = instance.get_runs()
    assert [r for r in ranged_runs if r.tags.get("dagster/asset_partition_range_start")]
    for day in days:
        ingest_days([day], home=str(one_by_one), sources=sources, instance=instance)
    assert _tables(ranged) == _tables(one_by_one)
    assert _tables(ranged)["articles"]


def test_a_range_extracts_in_windows_with_the_same_result(tmp_path: Path) -> None:
    from wiredesk.articles import run_articles_days
    from wiredesk.store.lake import Lake

    days = [SAMPLE_DAY, SAMPLE_DAY + dt.timedelta(days=1), SAMPLE_DAY + dt.timedelta(days=2)]
    pages = _pages()
    built = {}
    for window in (1, 10_000):
        lake = Lake(tmp_path / f"window{window}")
        for number, day in enumerate(days):  # a story and its copy edit a day apart
            lake.write("raw_pages", [dict(p, fetched_at=NOW) for p in pages[number::3]], day)
            lake.write("feed_items", [], day)
        with stage_workers(2):
            results = dict(run_articles_days(lake, days, "t", NOW, window=window))
        built[window] = {
            day: (r.articles, r.signatures, _rows_without_run_columns(r.errors))
            for day, r in results.items()
        }
    assert built[1] == built[10_000]
    assert all(articles for articles, _, _ in built[1].values())


def test_mentions_and_quotes_of_a_range_are_the_same_in_windows(tmp_path: Path) -> None:
    from wiredesk.stages import run_mentions_days, run_quotes_days
    from wiredesk.store.lake import Lake

    days = [SAMPLE_DAY, SAMPLE_DAY + dt.timedelta(days=1), SAMPLE_DAY + dt.timedelta(days=2)]
    text = (
        'Maria Keller, the mayor of Lindau, said on Monday: "The bridge opens in May." '
        "Keller added that the Lindau council had agreed."
    )
    built = {}
    for window in (1, 10_000):
        lake = Lake(tmp_path / f"window{window}")
        for number, day in enumerate(days):
            rows = [
                {"article_id": f"a{number}-{i}", "text": text, "language": "en"}
                for i in range(number + 1)
            ]
            lake.write("articles", rows, day)
        with stage_workers(2):
            mentions = {day: rows for day, _, rows in run_mentions_days(lake, days, window)}
            quotes = dict(run_quotes_days(lake, days, window))
        assert lake.read("quotes", days[2]).num_rows == len(quotes[days[2]])  # written
        built[window] = (mentions, quotes)
    assert built[1] == built[10_000]
    assert all(built[1][0].values()) and all(built[1][1].values())


def test_the_articles_summary_counts_a_range_day_by_day() -> None:
    from wiredesk.articles import ArticlesSummary

    def article(n: int, day: int, cluster: str, content: str) -> dict:
        return {
            "article_id": f"a{n}",
            "cluster_id": cluster,
            "content_hash": content,
            "published_at": dt.datetime(2026, 3, day, n, tzinfo=dt.UTC),
            "previous_version_id": None,
            "is_partial": False,
            "word_count": 100,
            "text": "words",
            "title": None if n == 3 else f"t{n}",
            "source_id": "s",
            "language": "en",
        }

    summary = ArticlesSummary(newest_kept=2)
    summary.add(dt.date(2026, 3, 1), [article(1, 1, "a1", "x"), article(2, 1, "a1", "x")], 1, 3, 2)
    summary.add(dt.date(2026, 3, 2), [article(3, 2, "a3", "x")], 0, 1, 1)
    assert summary.rows == 3 and min(summary.rows_per_day.values()) == 1 and summary.errors == 1
    assert summary.exact_copies == 1  # within a day only: day 2's copy of "x" is not one
    assert summary.copies == 1 and len(summary.clusters) == 2 and summary.words == 300
    assert summary.missing["title"] == 1 and summary.pages_read == 4
    assert [row["title"] for row in summary.newest()] == [None, "t2"]


def test_each_batch_is_given_to_on_batch_as_it_comes_back() -> None:
    seen: list[list[tuple[int, int]]] = []
    with stage_workers(2):
        found = stage_map(pids, list(range(40)), on_batch=seen.append)
    assert len(seen) > 1  # batch by batch, not once at the end
    assert sorted(item for batch in seen for item in batch) == sorted(found)
    here: list[list[tuple[int, int]]] = []
    assert stage_map(pids, [1, 2], on_batch=here.append) == here[0]  # done here: one batch


def held_until_released(items: list[tuple[int, str]]) -> list[tuple[int, bool]]:
    """Each item with whether its batch was released; the batch holding the last item
    waits (at most 30 s) for the release file the caller writes once it has a result."""
    released = True
    if max(number for number, _ in items) == 39:
        released = wait_until_exists(Path(items[0][1]), 30.0)
    return [(number, released) for number, _ in items]


def wait_until_exists(path: Path, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_streamed_results_come_in_order_before_the_last_batch_is_done(tmp_path: Path) -> None:
    release = tmp_path / "release"
    with stage_workers(2):
        stream = stage_stream(held_until_released, [(n, str(release)) for n in range(40)])
        first = next(stream)  # a stream that waited for every batch would hang here
        release.touch()
        rest = list(stream)
    assert [number for number, _ in [first, *rest]] == list(range(40))
    assert all(released for _, released in rest)  # the last batch waited for the caller
    here = stage_stream(held_until_released, [(1, str(release)), (2, str(release))])
    assert [number for number, _ in here] == [1, 2]


def wait_for_file(paths: list[str]) -> list[int]:
    """Hold a worker until a file appears (at most 20 s)."""
    for _ in range(400):
        if Path(paths[0]).exists():
            break
        time.sleep(0.05)
    return [os.getpid()]


def test_a_worker_busy_with_work_sent_to_its_home_gets_no_batch_while_another_idles(
    tmp_path: Path,
) -> None:
    release = tmp_path / "release"
    name = next(n for n in ("de", "fr", "ru", "es", "it") if home_worker(n, 2) == 0)
    with stage_workers(2):
        workers = stage_map(worker_pids, list(range(40)))  # both started
        # Two batches: one running, one waiting, as many as a worker is given at a time.
        held = [
            future
            for _ in range(2)
            for _, future in submit_to_homes(wait_for_file, [str(release)], group=lambda _: name)
        ]
        try:
            taken = stage_map(worker_pids, list(range(MIN_POOL_ITEMS)))
            assert not any(future.done() for future in held)  # the home worker is still held...
        finally:
            release.touch()
        busy = {future.result(timeout=30)[0] for future in held}
    assert len(busy) == 1 and set(workers) >= busy
    assert set(taken) == set(workers) - busy  # ...so the other worker took every batch


def test_small_groups_go_first_each_home_worker_in_turn_in_batches_of_their_own() -> None:
    from wiredesk.workers import _grouped_batches, _StagePool

    items = [f"en{i}" for i in range(40)] + ["de1", "fr1", "de2", "ru1"]
    batches = _grouped_batches(items, lambda item: item[:2], _StagePool(2))
    homed = [
        (sorted(items[p][:2] for p in positions), w) for positions, w in batches if w is not None
    ]
    assert [w for _, w in batches[: len(homed)]] == [w for _, w in homed]  # first
    homes = {code: home_worker(code, 2) for code in ("de", "fr", "ru")}
    for codes, worker in homed:  # a worker's small groups share its batch
        assert sorted(c for c, w in homes.items() if w == worker) == sorted(set(codes))
    assert len(homed) == len(set(homes.values()))
    spread = [positions for positions, w in batches if w is None]
    assert sorted(p for positions in spread for p in positions) == list(range(40))
