"""``wiredesk ingest`` without days builds what is new and nothing else."""

import shutil
from pathlib import Path

import pytest
from dagster import DagsterInstance

from pipelines.cli import main
from tests.conftest import REPO
from wiredesk.store.lake import Lake
from wiredesk.syndication.table import STATE_FILE, build_syndication, read_lake

NORTHWIRE = REPO / "samples" / "drop" / "northwire"


def lake_files(home: Path, day: str) -> dict[str, int]:
    """Every lake file of one day, with its modification time."""
    return {
        str(path.relative_to(home)): path.stat().st_mtime_ns
        for path in (home / "lake").glob(f"*/day={day}/*.parquet")
    }


def test_nothing_new_runs_nothing_and_a_new_day_touches_only_that_day(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    drop = tmp_path / "drop"
    shutil.copytree(NORTHWIRE / "2026-11-16", drop / "2026-11-16")
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        f"sources:\n  - id: northwire\n    name: Northwire\n    kind: dropfolder\n"
        f"    location: {drop}\n",
        encoding="utf-8",
    )
    home = tmp_path / "home"
    args = ["ingest", "--home", str(home), "--sources", str(sources)]

    assert main(args) == 0
    first = capsys.readouterr().out
    cross_day = next(line for line in first.splitlines() if line.startswith("all days"))
    assert "3 new item(s)" in first and " entities 34" in cross_day
    runs = len(DagsterInstance.get().get_runs())
    assert runs > 0
    before = lake_files(home, "2026-11-16")

    assert main(args) == 0
    second = capsys.readouterr().out
    assert "nothing new" in second and "1 day(s) up to date" in second
    assert len(DagsterInstance.get().get_runs()) == runs  # no stage was run
    assert lake_files(home, "2026-11-16") == before

    shutil.copytree(NORTHWIRE / "2026-11-17", drop / "2026-11-17")
    assert main(args) == 0
    third = capsys.readouterr().out
    assert "2 new item(s); rebuilding 1 day(s)" in third
    assert "2026-11-17  feed_items 2" in third and "2026-11-16  " not in third.split("\n\n")[0]
    assert lake_files(home, "2026-11-16") == before  # the old day is left as it was
    assert len(Lake(home).days("articles")) == 2
    # Syndication continued from the first run's state, as a whole recount would have it.
    assert (home / "state" / STATE_FILE).exists()
    recount = build_syndication(*read_lake(Lake(home)))
    assert Lake(home).read("syndication").to_pylist() == recount.rows

    # A range rebuilds every day: the day stages, linking, the daily aggregates and trends
    # take the range in one run.
    before_runs = len(DagsterInstance.get().get_runs())
    assert main([*args, "--from", "2026-11-16", "--to", "2026-11-17"]) == 0
    fourth = capsys.readouterr().out
    [range_line] = [
        line for line in fourth.splitlines() if line.startswith("2026-11-16..2026-11-17  ")
    ]
    assert "feed_items" in range_line and "quotes" in range_line
    assert "daily_source_volume" in range_line and "search_index" in range_line
    runs = DagsterInstance.get().get_runs()[: len(DagsterInstance.get().get_runs()) - before_runs]
    ranged = [r for r in runs if r.tags.get("dagster/asset_partition_range_start")]
    assert len(ranged) == 1 and len(runs) == 1
