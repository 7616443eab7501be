"""Concurrency and durability with real second processes.

- An analyst's read-only connection in another process never blocks the pipeline's writes
  and never fails while they happen.
- A pipeline process killed with SIGKILL in the middle of writing leaves every partition
  either old or new, and the next run completes the work with no duplicate rows.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyarrow.parquet as pq

from tests.conftest import REPO
from wiredesk.store.lake import Lake
from wiredesk.store.warehouse import connect_readonly, ensure_warehouse

GENERATE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from benchmarks.warehouse import generate
    generate(Path(sys.argv[1]), articles=int(sys.argv[2]), days=int(sys.argv[3]),
             entities=300, seed=11)
    """
)

#: The pipeline's own steps after extraction, for every day: what a run rewrites.
PIPELINE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from wiredesk.aggregates import (CROSS_DAY_AGGREGATES, DAILY_AGGREGATES, compute_daily,
                                     refresh_cross_day)
    from wiredesk.store.lake import Lake
    from wiredesk.aggregates.search_index import build_index
    from wiredesk.store.memory import memory_connection
    from wiredesk.store.warehouse import ensure_warehouse

    home = Path(sys.argv[1])
    lake = Lake(home)
    def wrote(what):  # progress on stderr: where a test may kill the run
        print(what, file=sys.stderr, flush=True)

    for day in lake.days("articles"):
        con = memory_connection(home)
        for name in DAILY_AGGREGATES:
            lake.write(name, compute_daily(home, name, day, con), day)
            wrote(name)
        lake.write("search_index", build_index(home, day, con), day)
        wrote("search_index")
        con.close()
        ensure_warehouse(home)
    for name in CROSS_DAY_AGGREGATES:
        refresh_cross_day(home, name)
        wrote(name)
    ensure_warehouse(home)
    print("done", flush=True)
    """
)

READER = textwrap.dedent(
    """
    import json, sys, time
    import duckdb
    path, seconds = sys.argv[1], float(sys.argv[2])
    held = duckdb.connect(path, read_only=True)   # kept open for the whole run
    queries = ["SELECT count(*), sum(articles) FROM daily_source_volume",
               "SELECT count(*) FROM search_ranked('ceasefire talks', 'article')",
               "SELECT count(*), count(DISTINCT article_id) FROM articles"]
    done, errors, counts = 0, [], set()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for con in (held, None):
            try:
                con = con or duckdb.connect(path, read_only=True)
                for query in queries:
                    con.execute(query).fetchall()
                counts.add(con.execute("SELECT count(*) FROM articles").fetchone()[0])
                done += 1
            except Exception as exc:
                errors.append(f"{type(exc).__name__}: {exc}"[:300])
    print(json.dumps({"done": done, "errors": errors, "counts": sorted(counts)}))
    """
)


def _python(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-c", *args],
        cwd=REPO,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,
    )


def _generate(home: Path, articles: int, days: int) -> None:
    process = _python(GENERATE, str(home), str(articles), str(days))
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err


def _rows(home: Path, table: str) -> list[tuple]:
    con = connect_readonly(home)
    try:
        return sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
    finally:
        con.close()


def test_a_reader_in_another_process_never_fails_or_blocks_a_run(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _generate(home, articles=400, days=4)
    ensure_warehouse(home)
    reader = _python(READER, str(home / "wiredesk.duckdb"), "6")
    time.sleep(1.0)  # the reader holds its connection before the run starts
    started = time.monotonic()
    for _ in range(2):  # two full runs rewrite every partition while the reader reads
        run = _python(PIPELINE, str(home))
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0 and "done" in out, err
    run_seconds = time.monotonic() - started
    out, err = reader.communicate(timeout=60)
    report = json.loads(out)
    assert report["errors"] == [], report["errors"][:3]
    assert report["done"] > 10
    assert set(report["counts"]) <= {0, 400}  # a snapshot is whole: all articles or none
    assert run_seconds < 90


def test_a_run_killed_mid_write_leaves_whole_partitions_and_the_next_run_completes(
    tmp_path: Path,
) -> None:
    reference = tmp_path / "reference"
    _generate(reference, articles=400, days=4)
    run = _python(PIPELINE, str(reference))
    assert run.communicate(timeout=120)[0].strip() == "done"

    home = tmp_path / "home"
    _generate(home, articles=400, days=4)
    lake = Lake(home)
    # Killed after the 3rd, 17th and 33rd of its 34 writes: in the first day, in the third,
    # and in the cross-day aggregates. Each kill must land while the run is still writing.
    for writes in (3, 17, 33):
        run = _python(PIPELINE, str(home))
        for _ in range(writes):
            assert run.stderr.readline(), "the run ended before it was killed"
        run.send_signal(signal.SIGKILL)
        assert run.wait(timeout=30) == -signal.SIGKILL
        run.stdout.close()
        run.stderr.close()
        for path in lake.root.rglob("*.parquet"):  # every visible file is a whole file
            pq.read_metadata(path)
    run = _python(PIPELINE, str(home))
    out, err = run.communicate(timeout=120)
    assert out.strip() == "done", err
    for table in (
        "daily_source_volume",
        "daily_entity_mentions",
        "daily_speaker_quotes",
        "daily_entity_pairs",
        "trending_entities",
        "top_quotes",
    ):
        assert _rows(home, table) == _rows(reference, table), table
    con = connect_readonly(home)
    duplicates = con.execute(
        "SELECT count(*) - count(DISTINCT (day, source_id)) FROM daily_source_volume"
    ).fetchone()[0]
    docs = con.execute(
        "SELECT count(*) - count(DISTINCT (kind, doc_id)) FROM search_docs"
    ).fetchone()[0]
    con.close()
    assert duplicates == 0 and docs == 0
