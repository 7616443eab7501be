"""The cross-day steps at archive scale: entity linking and syndication clusters.

    python -m benchmarks.crossday [--articles 10000 100000] [--days 30]

Everything per day costs the same whatever the archive's size; what grows with it are the
steps that read every day. For each size this generates a lake the way
``benchmarks.warehouse`` does (20 mentions and 5 quotes an article, no models involved),
adds MinHash signatures in which a tenth of the articles are edited copies of an earlier
one, then runs each step exactly as its asset does, in a process of its own, and prints
wall time, CPU time and the process's peak memory. ``syndication_new_day`` then gives the
last day new signatures and runs syndication again from the state the first run saved:
what a daily run costs, against ``syndication``, a run with no state (a whole recount).
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from benchmarks.child import report, run_child
from wiredesk.store import Lake
from wiredesk.syndication import NUM_PERM

COPY_SHARE = 0.1
#: Signature values an edited copy keeps from its original (estimated Jaccard ~0.8).
KEPT = 0.8


def add_signatures(home: Path, seed: int = 7, days: list[dt.date] | None = None) -> int:
    """One signature per article; every tenth article copies an earlier one, edited.
    ``days`` writes those days' signatures again, with new values (all their articles
    changed), copying from the days before them."""
    lake = Lake(home)
    rng = np.random.default_rng(seed)
    pool: list[np.ndarray] = []
    total = 0
    for day in lake.days("articles"):
        if days is not None and day not in days:
            kept = lake.read("article_signatures", day).column("minhash").to_pylist()
            pool.extend(np.array(v, np.uint64) for v in kept if rng.random() < 0.05)
            continue
        articles = lake.read("articles", day).select(["article_id", "published_at"])
        n = articles.num_rows
        values = rng.integers(0, 2**32, size=(n, NUM_PERM), dtype=np.uint64)
        copies = np.flatnonzero(rng.random(n) < COPY_SHARE) if pool else np.array([], int)
        for row in copies:
            original = pool[rng.integers(len(pool))]
            keep = rng.random(NUM_PERM) < KEPT
            values[row] = np.where(keep, original, values[row])
        pool.extend(values[rng.random(n) < 0.05])
        lake.write(
            "article_signatures",
            pa.table(
                {
                    "article_id": articles.column("article_id"),
                    "published_at": articles.column("published_at"),
                    "content_hash": articles.column("article_id"),
                    "minhash": pa.array(list(values), pa.list_(pa.uint64())),
                    "shingle_count": pa.array(np.full(n, 400), pa.int32()),
                }
            ),
            day,
        )
        total += n
    return total


def link_step(home: Path) -> dict:
    from wiredesk.entities import link_entities

    lake = Lake(home)
    entities, aliases = link_entities(lake.read("entity_mentions"))
    lake.write("entities", entities.to_dict("records"))
    lake.write("entity_aliases", aliases.to_dict("records"))
    return {"rows": len(entities)}


def syndication_step(home: Path) -> dict:
    """As the asset runs it: from the state of the run before, when there is one."""
    from wiredesk.syndication import update_syndication

    result, _ = update_syndication(Lake(home), home / "state")
    return {"rows": len(result.rows)}


def syndication_after_a_day_step(home: Path) -> dict:
    """The last day's articles all changed since the state was saved, as a new day's are."""
    add_signatures(home, seed=8, days=Lake(home).days("articles")[-1:])
    return syndication_step(home)


STEPS = {
    "entities": link_step,
    "syndication": syndication_step,
    "syndication_new_day": syndication_after_a_day_step,
}


def _child(step: str, home: Path) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    result = STEPS[step](home)
    result.update(
        wall=time.perf_counter() - wall,
        cpu=time.process_time() - cpu,
        peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )
    report(result)


def _run(step: str, home: Path) -> dict:
    return run_child("benchmarks.crossday", "--child", step, "--home", str(home))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--child", choices=sorted(STEPS))
    parser.add_argument("--home", type=Path)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.home)
        return
    from benchmarks.warehouse import generate

    results = []
    for articles in args.articles:
        with tempfile.TemporaryDirectory() as scratch:
            home = Path(scratch)
            generate(home, articles, args.days, max(1000, articles // 5), 7)
            add_signatures(home)
            for step in STEPS:
                results.append((articles, step, _run(step, home)))
    print(f"\nwiredesk cross-day steps, {args.days} days, {dt.date.today()}")
    print(f"{'articles':>10}  {'step':<22}{'wall s':>8}{'cpu s':>8}{'peak MB':>9}{'rows':>10}")
    for articles, step, r in results:
        print(
            f"{articles:>10}  {step:<22}{r['wall']:>8.2f}{r['cpu']:>8.2f}"
            f"{r['peak_mb']:>9.0f}{r['rows']:>10}"
        )


if __name__ == "__main__":
    main()
