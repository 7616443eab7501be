"""Incremental runs: what ``wiredesk ingest`` costs when little or nothing is new.

    python -m benchmarks.incremental [--articles 1000] [--days 5] [--keep DIR]

Generates a synthetic archive (``benchmarks.corpus``), holds its last day's drop files
back, and times four ``wiredesk ingest`` commands as a user runs them (separate
processes, so start-up counts): the first full build, a run with nothing new, a run after
the held-back day arrives, and an explicit re-run of one old day. For each it prints the
wall time, the peak memory of its largest process (the command or any step or NER worker
it waited for) and which lake partitions were written, by day. ``--keep DIR`` builds in
DIR and leaves the archive there for inspection.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path


def snapshot(home: Path) -> dict[str, int]:
    """Every lake file with its modification time."""
    lake = home / "lake"
    if not lake.exists():
        return {}
    return {str(p.relative_to(lake)): p.stat().st_mtime_ns for p in lake.rglob("*.parquet")}


def written(before: dict[str, int], after: dict[str, int]) -> Counter:
    """Files written between two snapshots, counted per day (``all`` for cross-day files)."""
    changed = Counter()
    for path, mtime in after.items():
        if before.get(path) != mtime:
            day = next((part[4:] for part in path.split("/") if part.startswith("day=")), "all")
            changed[day] += 1
    return changed


def ingest(corpus: Path, home: Path, *extra: str) -> tuple[float, float, str]:
    """Run ``wiredesk ingest``; return wall seconds, peak MB of its largest process, stdout."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "pipelines.cli", "ingest", "--home", str(home)]
            + ["--sources", str(corpus / "sources.yaml"), *extra],
            stdout=out,
            stderr=err,
            text=True,
        )
        # wait4 gives this one command's usage, including the workers it waited for.
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            raise RuntimeError(f"wiredesk ingest {' '.join(extra)} failed:\n{err.read()[-3000:]}")
        return elapsed, usage.ru_maxrss / 1024, out.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--days", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build here and keep it (must not exist)")
    args = parser.parse_args()
    from benchmarks.corpus import write_corpus

    if args.keep:
        args.keep.mkdir(parents=True)
    place = contextlib.nullcontext(args.keep) if args.keep else tempfile.TemporaryDirectory()
    with place as scratch:
        root = Path(scratch)
        corpus, home, held = root / "corpus", root / "home", root / "held"
        os.environ["DAGSTER_HOME"] = str(root / "dagster")
        (root / "dagster").mkdir()
        write_corpus(corpus, args.articles, args.days)
        days = sorted({p.name for p in (corpus / "drop").glob("*/*") if p.is_dir()})
        first_day, last_day = days[0], days[-1]
        for folder in list((corpus / "drop").glob(f"*/{last_day}")):
            (held / folder.parent.name).mkdir(parents=True, exist_ok=True)
            shutil.move(str(folder), held / folder.parent.name / last_day)

        rows = []
        for label, prepare, extra in (
            ("first build", None, ()),
            ("nothing new", None, ()),
            (f"drop files of {last_day} arrive", "release", ()),
            (f"re-run old day {first_day}", None, ("--day", first_day)),
        ):
            if prepare == "release":
                for folder in list(held.glob(f"*/{last_day}")):
                    shutil.move(str(folder), corpus / "drop" / folder.parent.name / last_day)
            before = snapshot(home)
            seconds, peak_mb, output = ingest(corpus, home, *extra)
            changed = written(before, snapshot(home))
            rows.append((label, seconds, peak_mb, changed, "nothing new" in output))
            print(f"{label}: {seconds:.1f} s, {peak_mb:.0f} MB", flush=True)

    print(f"\nwiredesk incremental ingest: {args.articles} articles over {args.days} days")
    print(f"{'run':<30}{'wall s':>8}{'peak MB':>9}  lake files written (by day)")
    for label, seconds, peak_mb, changed, idle in rows:
        where = ", ".join(f"{day}: {n}" for day, n in sorted(changed.items())) or "none"
        idle_note = "  (nothing new)" if idle else ""
        print(f"{label:<30}{seconds:>8.2f}{peak_mb:>9.0f}  {where}{idle_note}")


if __name__ == "__main__":
    main()
