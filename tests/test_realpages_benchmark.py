"""The real-pages benchmark's machinery, on three small pages written here."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from benchmarks import realpages
from wiredesk.sources import load_sources

PAGE = """<!DOCTYPE html>
<html><head><title>{title}</title>
<meta property="og:title" content="{title}">
<meta name="author" content="Ada Brennan">
<meta property="article:published_time" content="2026-01-0{day}T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
<p>{place} officials said on Monday that the harbour bridge would reopen next week after
months of repairs, ending a long detour for commuters and freight lorries alike.</p>
<p>"We are confident the work is finished," said Mayor Clara Voss, who visited the site with
engineers from the Tidewater Construction Company on Sunday afternoon.</p>
<p>Traders in the old market said the closure had cost them customers since the spring, and
the chamber of commerce asked the council to help shops that lost trade during the works.</p>
<p>The council will meet on Thursday to approve the final payment to the contractor, a
spokesman for the city said, adding that a ceremony was planned for the opening.</p>
</article>
<footer>Copyright The Example Gazette. All rights reserved.</footer>
</body></html>
"""


@pytest.fixture
def pages_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for day, (title, place) in enumerate(
        [
            ("Bridge to reopen", "Port Alder"),
            ("Harbour works end", "Eastmoor"),
            ("Detour over", "Kelby"),
        ],
        start=1,
    ):
        (folder / f"page{day}.html").write_text(PAGE.format(title=title, place=place, day=day))
    (folder / "notes.txt").write_text("not a page")
    return folder


def test_pages_of_a_folder_are_its_html_files_in_order(pages_folder: Path) -> None:
    pages = realpages.folder_pages(pages_folder)
    assert [p.id for p in pages] == ["page1", "page2", "page3"]
    assert pages[0].url == (pages_folder / "page1.html").resolve().as_uri()
    assert b"Bridge to reopen" in pages[0].html


def test_the_drop_folder_spreads_the_pages_over_the_days(
    pages_folder: Path, tmp_path: Path
) -> None:
    pages = realpages.folder_pages(pages_folder)
    sources_path = realpages.write_drop_folder(pages, tmp_path / "input", days=2)
    (source,) = load_sources(sources_path)
    assert source.kind == "dropfolder"
    folders = sorted(p.name for p in Path(source.location).iterdir())
    first = realpages.FIRST_DAY
    assert folders == [first.isoformat(), (first + dt.timedelta(days=1)).isoformat()]
    assert sorted(p.name for p in (Path(source.location) / folders[0]).iterdir()) == [
        "page1.html",
        "page3.html",
    ]


def test_measure_counts_the_memory_and_cpu_of_the_whole_process_tree(tmp_path: Path) -> None:
    # The parent stays small; its child holds 200 MB for a while and burns some CPU.
    child = "b = bytearray(200 * 2**20); import time\nwhile time.process_time() < 0.6: pass"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}])"
    usage = realpages.measure([sys.executable, "-c", parent])
    assert usage.returncode == 0
    assert usage.peak_mb > 200
    assert usage.cpu >= 0.6  # the child's CPU, reaped by the parent, is counted
    assert 0.6 <= usage.wall < 30


def test_measure_counts_the_cpu_of_a_child_nobody_waits_for(tmp_path: Path) -> None:
    # The child burns CPU while the parent waits on a pipe, then outlives nothing: the
    # parent exits without reaping it (as a fork server's workers are never waited for).
    # The parent lingers for three sampling periods first, so a sample is taken after the
    # child's work whatever the machine's load (the tree is read every 250 ms).
    child = "import time\nwhile time.process_time() < 0.8: pass\nprint('done', flush=True)"
    linger = 3 * realpages.SAMPLE_SECONDS
    parent = (
        "import subprocess, sys, time\n"
        f"p = subprocess.Popen([sys.executable, '-c', {child!r}], stdout=subprocess.PIPE)\n"
        "p.stdout.readline()\n"
        f"time.sleep({linger})\n"
        "import os; os._exit(0)"
    )
    usage = realpages.measure([sys.executable, "-c", parent])
    assert usage.cpu >= 0.7


def test_memory_a_forked_child_shares_counts_once(tmp_path: Path) -> None:
    # 200 MB written before the fork: the child shares the pages until it writes them.
    script = (
        "import os, time; b = bytearray(200 * 2**20); b[::4096] = b'x' * len(b[::4096])\n"
        "pid = os.fork()\n"
        "time.sleep(0.8)\n"
        "os._exit(0) if pid == 0 else os.waitpid(pid, 0)"
    )
    usage = realpages.measure([sys.executable, "-c", script])
    assert usage.peak_rss_mb > 380  # counted in both processes
    assert 190 < usage.peak_mb < 300  # counted once


def test_measure_names_a_failing_command(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="boom"):
        realpages.measure(
            [sys.executable, "-c", "import sys; print('boom', file=sys.stderr); sys.exit(3)"]
        )


def test_the_three_paths_run_side_by_side_on_the_pages(
    pages_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = realpages.main(["--pages", str(pages_folder), "--days", "2"])
    assert result["pages"] == 3
    assert result["stored"] == 3
    assert result["analyzed"] == 3
    assert result["extracted"] == 3
    for usage in result["usage"].values():
        assert usage.wall > 0 and usage.cpu > 0 and usage.peak_mb > 10
    printed = capsys.readouterr().out
    for label in ("(a) wiredesk ingest", "(b) wiredesk analyze --jsonl", "(c) trafilatura"):
        assert label in printed
    assert "3 pages over 2 day(s)" in printed


def test_repeated_runs_keep_each_paths_fastest_run_whole(
    pages_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    walls = {"trafilatura": [3.0, 2.0, 4.0], "analyze": [5.0, 6.0, 4.5], "ingest": [9.0, 7.0, 8.0]}

    def usage(path: str) -> realpages.Usage:
        wall = walls[path].pop(0)
        return realpages.Usage(wall=wall, cpu=wall * 1.5, peak_mb=wall * 100, returncode=0)

    monkeypatch.setattr(realpages, "run_trafilatura", lambda *a: (usage("trafilatura"), 3))
    monkeypatch.setattr(realpages, "run_analyze", lambda *a: (usage("analyze"), [{}, {}, {}]))
    monkeypatch.setattr(realpages, "run_ingest", lambda *a: usage("ingest"))
    monkeypatch.setattr(realpages, "warehouse_articles", lambda home: 3)
    pages = realpages.folder_pages(pages_folder)
    result = realpages.benchmark(pages, days=2, repeat=3)
    kept = result["usage"]
    assert (kept["trafilatura"].wall, kept["analyze"].wall, kept["ingest"].wall) == (2.0, 4.5, 7.0)
    assert kept["ingest"].cpu == 10.5 and kept["ingest"].peak_mb == 700  # that run's own
    assert result["repeat"] == 3 and all(not left for left in walls.values())
