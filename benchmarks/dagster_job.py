"""The Dagster job as the UI, a schedule or ``dagster job execute`` runs it: every step in a
process of its own (the multiprocess executor), steps forked from a server that imported the
definitions once (wiredesk's default) against steps spawned to import them again (Dagster's).

    python -m benchmarks.dagster_job [--job daily_ingest] [--day 2026-11-16] [--repeat 2]

Each run is ``dagster job execute -m pipelines.definitions`` on one day of the embedded
sample (``sources.yaml``) into a new home and Dagster home, the two start methods in turn;
the fastest run of each is kept. Prints wall seconds, CPU seconds of the process tree
(steps included: their CPU is sampled every 250 ms, so a step that ends between two samples
loses at most that much), cores used, peak memory of the tree and the steps that succeeded.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.realpages import Usage, measure

REPO = Path(__file__).resolve().parents[1]
#: Run config per start method: wiredesk's default (none named) and Dagster's own.
START_METHODS = {
    "forked (default)": "execution:\n  config:\n    multiprocess: {}\n",
    "spawned": "execution:\n  config:\n    multiprocess:\n      start_method:\n        spawn: {}\n",
}


def run_job(job: str, day: str, run_config: str, scratch: Path) -> tuple[Usage, int]:
    """One ``dagster job execute`` in a new home; its usage and the steps that succeeded."""
    scratch.mkdir()
    (scratch / "dagster").mkdir()
    config = scratch / "run_config.yaml"
    config.write_text(run_config, encoding="utf-8")
    env = dict(
        os.environ,
        DAGSTER_HOME=str(scratch / "dagster"),
        WIREDESK_HOME=str(scratch / "home"),
        WIREDESK_SOURCES=str(REPO / "sources.yaml"),
    )
    command = [
        str(Path(sys.executable).with_name("dagster")),
        *("job", "execute", "-m", "pipelines.definitions", "-j", job, "-c", str(config)),
        *("--tags", f'{{"dagster/partition": "{day}"}}'),
    ]
    usage = measure(command, env=env)
    return usage, steps_succeeded(scratch / "dagster")


def steps_succeeded(dagster_home: Path) -> int:
    """Steps that succeeded in the runs recorded in ``dagster_home``."""
    from dagster import DagsterEventType, DagsterInstance

    with DagsterInstance.from_config(str(dagster_home)) as instance:
        return sum(
            1
            for run in instance.get_runs()
            for _ in instance.all_logs(run.run_id, of_type=DagsterEventType.STEP_SUCCESS)
        )


def benchmark(job: str, day: str, repeat: int) -> dict[str, tuple[Usage, int]]:
    """Each start method ``repeat`` times, in turn; the fastest run of each."""
    best: dict[str, tuple[Usage, int]] = {}
    with tempfile.TemporaryDirectory(prefix="wiredesk-dagster-job-") as scratch:
        for attempt in range(repeat):
            for number, (label, run_config) in enumerate(START_METHODS.items()):
                place = Path(scratch) / f"{attempt}-{number}"
                usage, steps = run_job(job, day, run_config, place)
                if usage.returncode != 0:
                    raise SystemExit(f"{job} ({label}) failed ({usage.returncode})")
                if label not in best or usage.wall < best[label][0].wall:
                    best[label] = (usage, steps)
    return best


def print_table(job: str, day: str, repeat: int, best: dict[str, tuple[Usage, int]]) -> None:
    load = os.getloadavg()[0]
    print(
        f"\n{job} for {day} through dagster job execute (multiprocess executor), "
        f"{len(os.sched_getaffinity(0))} core(s), fastest of {repeat}, load average {load:.2f}"
    )
    print(f"{'steps started':<18}{'wall s':>8}{'cpu s':>8}{'cores':>7}{'peak MB':>9}{'steps':>7}")
    for label, (usage, steps) in best.items():
        print(
            f"{label:<18}{usage.wall:8.1f}{usage.cpu:8.1f}{usage.cores:7.2f}"
            f"{usage.peak_mb:9.0f}{steps:7d}"
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--job", default="daily_ingest")
    parser.add_argument("--day", default="2026-11-16")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    repeat = max(1, args.repeat)
    print_table(args.job, args.day, repeat, benchmark(args.job, args.day, repeat))


if __name__ == "__main__":
    main()
