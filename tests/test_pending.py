"""Before a run: what the sources offer that no earlier run took in."""

import datetime as dt
from pathlib import Path

from tests.conftest import REPO
from wiredesk.fetch import Fetcher, FetchSettings
from wiredesk.sources.config import load_sources
from wiredesk.sources.items import FileRecord
from wiredesk.sources.ledger import Ledger
from wiredesk.sources.pending import pending_work
from wiredesk.stages import collect_feed_items

NORTHWIRE = REPO / "samples" / "drop" / "northwire"


def sources_file(tmp_path: Path, folder: Path) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(
        f"sources:\n  - id: nw\n    name: NW\n    kind: dropfolder\n    location: {folder}\n",
        encoding="utf-8",
    )
    return path


def test_new_files_count_until_a_run_admits_them(tmp_path: Path) -> None:
    drop = tmp_path / "drop" / "2026-11-16"
    drop.mkdir(parents=True)
    for name in ("nw-001.xml", "nw-002.xml"):
        (drop / name).write_bytes((NORTHWIRE / "2026-11-16" / name).read_bytes())
    sources = load_sources(sources_file(tmp_path, tmp_path / "drop"))
    state = tmp_path / "state"
    with Fetcher(FetchSettings(state_dir=state)) as fetcher, Ledger(state) as ledger:
        pending = pending_work(sources, fetcher, ledger)
        assert sum(pending.new_items.values()) == 2
        assert pending.days == [dt.date(2026, 11, 16)]
        collect_feed_items(sources, fetcher, "run-1", ledger=ledger)  # a run takes them in
        assert pending_work(sources, fetcher, ledger).days == []

        broken = tmp_path / "drop" / "2026-11-17"
        broken.mkdir()
        (broken / "bad.xml").write_text("<newsItem><p>cut off", encoding="utf-8")
        pending = pending_work(sources, fetcher, ledger)
        assert pending.new_errors == {dt.date(2026, 11, 17): 1} and not pending.new_items
        collect_feed_items(sources, fetcher, "run-2", ledger=ledger)
        again = pending_work(sources, fetcher, ledger)
        assert again.days == [] and again.failures == []  # known and logged already


def test_a_missing_feed_is_a_failure_not_news(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(
        "sources:\n  - id: gone\n    name: Gone\n    kind: feed\n"
        f"    location: {tmp_path / 'nowhere.xml'}\n",
        encoding="utf-8",
    )
    with Fetcher(FetchSettings(state_dir=tmp_path / "state")) as fetcher:
        with Ledger(tmp_path / "state") as ledger:
            pending = pending_work(load_sources(path), fetcher, ledger)
    assert pending.days == []
    assert [f.error_class for f in pending.failures] == ["not_found"]


def test_known_files_are_read_per_folder_in_one_query(tmp_path: Path) -> None:
    with Ledger(tmp_path / "state") as ledger:
        ledger.record_files(
            [
                ("wire", FileRecord(path, 1, 2, f"h{i}"), f"i{i}", None, None, None)
                for i, path in enumerate(["/drop/a/x.xml", "/drop/a/d/y.xml", "/drop/ab/z.xml"])
            ]
        )
        known = ledger.known_files_under("/drop/a")
    assert sorted(known) == ["/drop/a/d/y.xml", "/drop/a/x.xml"]  # not the sibling /drop/ab
    assert known["/drop/a/x.xml"].item_id == "i0"
