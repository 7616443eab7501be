"""Speed on real article pages, in the paths a user runs, next to plain trafilatura.

    python -m benchmarks.realpages [--days 6] [--pages DIR] [--workers N] [--repeat N]

The real pages of ``../shared/eval`` (article-extraction and dates sets) run through
(a) ``wiredesk ingest`` from a drop folder into a temporary home, the pages spread over
``--days`` day folders, (b) ``wiredesk analyze --jsonl`` with ``{"id","html","url"}`` lines
on stdin and (c) plain ``trafilatura.extract(with_metadata=True)`` on one core. Each is a
process of its own, started as a user starts it (so start-up and model loading count). Per
path it prints articles/s, CPU seconds over wall seconds (the cores used), the peak memory
of the whole process tree (workers included, sampled every 250 ms: reading the tree's
memory every 50 ms took a third of a core on a 2-core machine, slowing what it measured)
and the ratio to (c).
Memory is the tree's proportional set size (PSS: a page shared by several processes, as a
forked worker shares its parent's loaded models, counts once in all), with the plain sum of
each process's resident memory (RSS, which counts a shared page once per process) beside it.
``--pages DIR`` reads the ``*.html`` / ``*.html.gz`` files of DIR instead of the eval sets.
With ``--repeat N`` each path runs N times (in turn: (c), (b), (a), then again) and the run
with the least wall time is kept, with its own CPU time and memory: a busy host only ever
adds to a run, and the host's pace drifts within minutes, so a single run moves by a tenth.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.child import PREFIX, report

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
#: The first day folder of the drop folder; the pages go round the days in turn.
FIRST_DAY = dt.date(2026, 1, 5)
#: How often the memory of the process tree is sampled.
SAMPLE_SECONDS = 0.25
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Page:
    """One real page: a stable id, its URL and its raw HTML."""

    id: str
    url: str | None
    html: bytes


@dataclass(frozen=True)
class Usage:
    """What one command cost: wall and CPU seconds, peak memory of its process tree."""

    wall: float
    cpu: float
    peak_mb: float  # proportional set size of the tree
    returncode: int
    peak_rss_mb: float = 0.0  # resident sizes of the tree's processes, summed

    @property
    def cores(self) -> float:
        return self.cpu / self.wall if self.wall else 0.0


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def eval_pages(root: Path = EVAL) -> list[Page]:
    """The article-extraction and dates sets' pages, in a stable order."""
    pages = []
    extraction = root / "article-extraction"
    truth = json.loads((extraction / "ground-truth.json").read_text())
    for sha in sorted(truth):
        path = extraction / "html" / f"{sha}.html.gz"
        if path.exists():
            pages.append(Page(f"extraction-{sha}", truth[sha].get("url"), _read(path)))
    dates = root / "dates"
    truth = json.loads((dates / "ground-truth.json").read_text())
    for url in sorted(truth):
        path = dates / "html" / truth[url]["file"]
        if path.exists():
            pages.append(Page(f"dates-{path.stem}", url, _read(path)))
    return pages


def folder_pages(folder: Path) -> list[Page]:
    """Every ``*.html`` / ``*.html.gz`` file of a folder, its URL that of the file."""
    paths = sorted(p for p in folder.iterdir() if p.name.endswith((".html", ".html.gz")))
    return [Page(p.name.split(".")[0], p.resolve().as_uri(), _read(p)) for p in paths]


def write_drop_folder(pages: Sequence[Page], root: Path, days: int) -> Path:
    """The pages as HTML files in ``days`` day folders of one drop folder; the sources file."""
    drop = root / "drop"
    for number, page in enumerate(pages):
        day = FIRST_DAY + dt.timedelta(days=number % days)
        folder = drop / day.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{page.id}.html").write_bytes(page.html)
    sources = root / "sources.yaml"
    sources.write_text(
        "sources:\n"
        "  - id: realpages\n"
        "    name: Real pages\n"
        "    kind: dropfolder\n"
        f"    location: {drop}\n"
        "    language: en\n"
    )
    return sources


def write_jsonl(pages: Sequence[Page], path: Path) -> Path:
    """The pages as ``wiredesk analyze --jsonl`` reads them."""
    with path.open("w", encoding="utf-8") as out:
        for page in pages:
            html = page.html.decode("utf-8", errors="replace")
            out.write(json.dumps({"id": page.id, "html": html, "url": page.url}) + "\n")
    return path


def _parents() -> dict[int, int]:
    """Every process's parent, read from ``/proc``."""
    parents = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        parents[int(entry.name)] = int(fields[1])
    return parents


def process_memory(pid: int) -> tuple[int, int]:
    """(proportional set size, resident set size) of one process in bytes; both the resident
    size where the kernel gives no ``smaps_rollup``; (0, 0) once it is gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
            fields = dict(line.split(b":", 1) for line in rollup.read().splitlines()[1:])
        return int(fields[b"Pss"].split()[0]) * 1024, int(fields[b"Rss"].split()[0]) * 1024
    except (OSError, KeyError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            resident = int(statm.read().split()[1]) * PAGE_BYTES
    except OSError:
        return 0, 0
    return resident, resident


def tree(pid: int) -> list[int]:
    """A process and all its descendants."""
    children: dict[int, list[int]] = {}
    for child, parent in _parents().items():
        children.setdefault(parent, []).append(child)
    members, todo = [], [pid]
    while todo:
        member = todo.pop()
        members.append(member)
        todo += children.get(member, [])
    return members


def tree_memory(pid: int, members: Sequence[int] | None = None) -> tuple[int, int]:
    """(proportional, resident) memory of a process and all its descendants (``members``,
    when the caller already listed them), in bytes."""
    proportional = resident = 0
    for member in members if members is not None else tree(pid):
        pss, rss = process_memory(member)
        proportional += pss
        resident += rss
    return proportional, resident


def process_cpu(pid: int) -> float | None:
    """CPU seconds a process has used itself (user + system, not its children's)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def measure(
    command: Sequence[str],
    *,
    stdin: Path | None = None,
    env: dict | None = None,
    stdout: Path | None = None,
) -> Usage:
    """Run a command to its end: wall time, CPU of its process tree, peak tree memory.

    The CPU is the larger of what the kernel reports for the command and the children it
    waited for, and the sum over every process seen in its tree while sampling: a process
    the command starts and never waits for (a fork server, and the workers forked from it)
    is counted only by the second."""
    peak = peak_rss = 0
    seen_cpu: dict[int, float] = {}
    done = threading.Event()
    started = time.perf_counter()
    with (
        open(stdin or os.devnull, "rb") as source,
        open(stdout or os.devnull, "wb") as sink,
        tempfile.TemporaryFile() as errors,
    ):
        process = subprocess.Popen(command, stdin=source, stdout=sink, stderr=errors, env=env)

        def sample() -> None:
            nonlocal peak, peak_rss
            while not done.is_set():
                members = tree(process.pid)
                proportional, resident = tree_memory(process.pid, members)
                peak, peak_rss = max(peak, proportional), max(peak_rss, resident)
                for member in members:
                    used = process_cpu(member)
                    if used is not None:
                        seen_cpu[member] = used
                done.wait(SAMPLE_SECONDS)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        # wait4 gives the command's own usage plus that of every child it waited for.
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):  # 1: some inputs failed, said on stderr
            errors.seek(0)
            tail = errors.read()[-3000:].decode("utf-8", errors="replace")
            raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{tail}")
    cpu = max(usage.ru_utime + usage.ru_stime, sum(seen_cpu.values()))
    return Usage(wall, cpu, peak / 2**20, process.returncode, peak_rss / 2**20)


def wiredesk_command() -> str:
    """The ``wiredesk`` console script of the environment this Python runs in."""
    script = Path(sys.executable).parent / "wiredesk"
    if not script.exists():
        raise SystemExit(f"{script}: no wiredesk script; run make install")
    return str(script)


def run_ingest(pages: Sequence[Page], scratch: Path, days: int, env: dict) -> Usage:
    """(a) ``wiredesk ingest`` from a drop folder into a new home."""
    sources = write_drop_folder(pages, scratch / "input", days)
    env = {**env, "DAGSTER_HOME": str(scratch / "dagster")}
    Path(env["DAGSTER_HOME"]).mkdir(parents=True, exist_ok=True)
    home = scratch / "home"
    return measure(
        [wiredesk_command(), "ingest", "--sources", str(sources), "--home", str(home)], env=env
    )


def run_analyze(jsonl: Path, scratch: Path, env: dict) -> tuple[Usage, list[dict]]:
    """(b) ``wiredesk analyze --jsonl``; its output records too."""
    output = scratch / "analyzed.jsonl"
    usage = measure([wiredesk_command(), "analyze", "--jsonl"], stdin=jsonl, stdout=output, env=env)
    records = [json.loads(line) for line in output.read_text().splitlines() if line.strip()]
    return usage, records


def run_trafilatura(jsonl: Path, scratch: Path, env: dict) -> tuple[Usage, int]:
    """(c) plain ``trafilatura.extract(with_metadata=True)``, one process, one core."""
    output = scratch / "trafilatura.out"
    command = [sys.executable, "-m", "benchmarks.realpages", "--child", str(jsonl)]
    usage = measure(command, stdout=output, env=env)
    lines = [line for line in output.read_text().splitlines() if line.startswith(PREFIX)]
    return usage, json.loads(lines[-1][len(PREFIX) :])["extracted"]


def trafilatura_child(jsonl: Path) -> None:
    """In the child: extract every page as trafilatura does it alone."""
    import trafilatura

    extracted = 0
    with jsonl.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if trafilatura.extract(record["html"], url=record["url"], with_metadata=True):
                extracted += 1
    report({"extracted": extracted})


def warehouse_articles(home: Path) -> int:
    """Articles the ingest run left in the warehouse."""
    from wiredesk.store import memory_connection

    con = memory_connection(home)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def benchmark(
    pages: Sequence[Page], days: int, workers: int | None = None, repeat: int = 1
) -> dict:
    """Run the three paths on the same pages (each ``repeat`` times, the fastest run kept);
    their usage and what each produced."""
    env = dict(os.environ)
    if workers:
        env["WIREDESK_WORKERS"] = str(workers)
    fastest: dict[str, Usage] = {}

    def keep(path: str, usage: Usage) -> None:
        if path not in fastest or usage.wall < fastest[path].wall:
            fastest[path] = usage

    with tempfile.TemporaryDirectory(prefix="wiredesk-realpages-") as scratch_name:
        scratch = Path(scratch_name)
        jsonl = write_jsonl(pages, scratch / "pages.jsonl")
        for turn in range(max(1, repeat)):
            plain, extracted = run_trafilatura(jsonl, scratch, env)
            keep("trafilatura", plain)
            analyzed, records = run_analyze(jsonl, scratch, env)
            keep("analyze", analyzed)
            run_scratch = scratch / f"ingest-{turn}"
            keep("ingest", run_ingest(pages, run_scratch, days, env))
            stored = warehouse_articles(run_scratch / "home")
    return {
        "pages": len(pages),
        "days": min(days, len(pages)),
        "repeat": max(1, repeat),
        "usage": fastest,
        "analyzed": sum(1 for r in records if "error" not in r),
        "stored": stored,
        "extracted": extracted,
    }


def print_table(result: dict) -> None:
    usage: dict[str, Usage] = result["usage"]
    pages = result["pages"]
    base = pages / usage["trafilatura"].wall
    print(
        f"\nwiredesk on real pages: {pages} pages over {result['days']} day(s), "
        f"{dt.date.today()}, {len(os.sched_getaffinity(0))} core(s), "
        f"fastest of {result.get('repeat', 1)} run(s), load average {os.getloadavg()[0]:.2f}"
    )
    print(
        f"{'path':<30}{'wall s':>8}{'cpu s':>8}{'cores':>7}{'peak MB':>9}{'RSS sum':>9}"
        f"{'art/s':>8}{'vs (c)':>8}"
    )
    labels = {
        "ingest": "(a) wiredesk ingest",
        "analyze": "(b) wiredesk analyze --jsonl",
        "trafilatura": "(c) trafilatura, one core",
    }
    for key, label in labels.items():
        u = usage[key]
        rate = pages / u.wall
        print(
            f"{label:<30}{u.wall:>8.1f}{u.cpu:>8.1f}{u.cores:>7.2f}{u.peak_mb:>9.0f}"
            f"{u.peak_rss_mb:>9.0f}{rate:>8.1f}{rate / base:>8.2f}"
        )
    print("peak MB: proportional set size of the process tree; RSS sum counts shared pages twice")
    print(
        f"\narticles in the warehouse after (a): {result['stored']}; "
        f"analysed by (b): {result['analyzed']} of {pages}; "
        f"extracted by (c): {result['extracted']}"
    )


def main(argv: Sequence[str] | None = None) -> dict | None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=6, help="day folders of the drop folder")
    parser.add_argument("--pages", type=Path, help="a folder of *.html pages instead of eval")
    parser.add_argument("--workers", type=int, help="WIREDESK_WORKERS for the wiredesk paths")
    parser.add_argument("--repeat", type=int, default=1, help="runs per path, fastest kept")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        trafilatura_child(args.child)
        return None
    pages = folder_pages(args.pages) if args.pages else eval_pages()
    if not pages:
        raise SystemExit(f"{args.pages or EVAL}: no pages")
    result = benchmark(pages, args.days, args.workers, args.repeat)
    print_table(result)
    return result


if __name__ == "__main__":
    main()
