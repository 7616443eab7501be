"""The Dagster job as the UI, a schedule or ``dagster job execute`` runs it: with no run
config (wiredesk's default: every step in the run's process, with stage workers for the
whole run), and with a process per step (the multiprocess mode), forked from a server that
imported the definitions once or spawned to import them again (Dagster's own start).

    python -m benchmarks.dagster_job [--job daily_ingest] [--day 2026-11-16] [--repeat 2]
    python -m benchmarks.dagster_job --realpages [--repeat 2]

Each run is ``dagster job execute -m pipelines.definitions`` on one day of the embedded
sample (``sources.yaml``) into a new home and Dagster home, the settings in turn; the
fastest run of each is kept. With ``--realpages`` the day is the real pages of
``benchmarks.realpages`` (about 190, all dropped as one day's HTML files), and a process per
step is measured with its per-article steps on workers of their own (every core) and worked
in the step's process (``WIREDESK_WORKERS=1``). Prints wall seconds, CPU seconds of the
process tree (steps included: their CPU is sampled every 250 ms, so a step that ends between
two samples loses at most that much), cores used, peak memory of the tree and the steps that
succeeded.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.realpages import FIRST_DAY, Usage, eval_pages, measure, write_drop_folder

REPO = Path(__file__).resolve().parents[1]
FORKED = "execution:\n  config:\n    multiprocess: {}\n"
SPAWNED = "execution:\n  config:\n    multiprocess:\n      start_method:\n        spawn: {}\n"
#: What is compared: a label, the run config (None: none given) and the environment.
Setting = tuple[str, str | None, dict[str, str]]
#: wiredesk's default (no run config: every step in the run's process, with workers for the
#: whole run), a process per step forked from a preloaded server, and Dagster's own start.
SAMPLE_SETTINGS: list[Setting] = [
    ("run's process (default)", None, {}),
    ("step processes, forked", FORKED, {}),
    ("step processes, spawned", SPAWNED, {}),
]
#: On real pages: the default, and a process per step, its per-article steps on workers of
#: their own or worked in the step's process.
REALPAGES_SETTINGS: list[Setting] = [
    ("run's process (default)", None, {}),
    ("step processes, forked", FORKED, {}),
    ("step processes, 1 worker", FORKED, {"WIREDESK_WORKERS": "1"}),
]


def run_job(
    job: str, day: str, setting: Setting, sources: Path, scratch: Path
) -> tuple[Usage, int]:
    """One ``dagster job execute`` in a new home; its usage and the steps that succeeded."""
    _, run_config, variables = setting
    scratch.mkdir()
    (scratch / "dagster").mkdir()
    config = scratch / "run_config.yaml"
    if run_config is not None:
        config.write_text(run_config, encoding="utf-8")
    env = dict(
        os.environ,
        DAGSTER_HOME=str(scratch / "dagster"),
        WIREDESK_HOME=str(scratch / "home"),
        WIREDESK_SOURCES=str(sources),
        **variables,
    )
    command = [
        str(Path(sys.executable).with_name("dagster")),
        *("job", "execute", "-m", "pipelines.definitions", "-j", job),
        *(("-c", str(config)) if run_config is not None else ()),
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


def benchmark(
    job: str, day: str, repeat: int, settings: list[Setting], sources: Path
) -> dict[str, tuple[Usage, int]]:
    """Each setting ``repeat`` times, in turn; the fastest run of each."""
    best: dict[str, tuple[Usage, int]] = {}
    with tempfile.TemporaryDirectory(prefix="wiredesk-dagster-job-") as scratch:
        for attempt in range(repeat):
            for number, setting in enumerate(settings):
                label = setting[0]
                place = Path(scratch) / f"{attempt}-{number}"
                usage, steps = run_job(job, day, setting, sources, place)
                if usage.returncode != 0:
                    raise SystemExit(f"{job} ({label}) failed ({usage.returncode})")
                if label not in best or usage.wall < best[label][0].wall:
                    best[label] = (usage, steps)
    return best


def print_table(job: str, day: str, repeat: int, best: dict[str, tuple[Usage, int]]) -> None:
    load = os.getloadavg()[0]
    print(
        f"\n{job} for {day} through dagster job execute, "
        f"{len(os.sched_getaffinity(0))} core(s), fastest of {repeat}, load average {load:.2f}"
    )
    print(f"{'steps':<30}{'wall s':>8}{'cpu s':>8}{'cores':>7}{'peak MB':>9}{'steps':>7}")
    for label, (usage, steps) in best.items():
        print(
            f"{label:<30}{usage.wall:8.1f}{usage.cpu:8.1f}{usage.cores:7.2f}"
            f"{usage.peak_mb:9.0f}{steps:7d}"
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--job", default="daily_ingest")
    parser.add_argument("--day", default=None, help="default 2026-11-16 (real pages: theirs)")
    parser.add_argument("--realpages", action="store_true", help="one day of real pages")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    repeat = max(1, args.repeat)
    if not args.realpages:
        day = args.day or "2026-11-16"
        best = benchmark(args.job, day, repeat, SAMPLE_SETTINGS, REPO / "sources.yaml")
        print_table(args.job, day, repeat, best)
        return
    pages = eval_pages()
    if not pages:
        raise SystemExit("no real pages: ../shared/eval is missing")
    day = args.day or FIRST_DAY.isoformat()
    with tempfile.TemporaryDirectory(prefix="wiredesk-dagster-job-pages-") as folder:
        sources = write_drop_folder(pages, Path(folder), 1)
        best = benchmark(args.job, day, repeat, REALPAGES_SETTINGS, sources)
    print_table(f"{args.job} ({len(pages)} real pages)", day, repeat, best)


if __name__ == "__main__":
    main()
