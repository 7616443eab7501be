"""Speed of the whole articles stage on one core: ``python -m benchmarks.articles``.

Runs ``build_articles_day`` (extraction with metadata, date reconciliation, datelines,
language, versions, signatures and clustering) in this one process over two page sets:
the embedded sample (wire XML, plain text and outlet HTML, the mix a wire desk reads) and
the real-world news pages of ``article-extraction/`` in the shared eval folder (large
pages full of scripts and furniture). Reports pages per CPU second, so other load on the
machine does not skew it, and per wall-clock second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import time
import warnings
from pathlib import Path

from wiredesk.articles import build_articles_day
from wiredesk.entities import eval_dir
from wiredesk.sources import detect_format

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def sample_pages() -> list[dict]:
    files = sorted(SAMPLES.glob("drop/*/*/*")) + sorted(SAMPLES.glob("web/*/pages/*.html"))
    pages = []
    for path in files:
        data = path.read_bytes()
        pages.append(
            {
                "item_id": path.name,
                "source_id": path.parts[-3] if "drop" in path.parts else path.parts[-3],
                "url": path.as_uri(),
                "final_url": None,
                "format": detect_format(data, path.name),
                "content": data,
            }
        )
    return pages


def eval_pages() -> list[dict]:
    folder = eval_dir() / "article-extraction"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        {
            "item_id": sha,
            "source_id": "eval",
            "url": entry.get("url") or f"https://eval.example/{sha}",
            "final_url": None,
            "format": "html",
            "content": gzip.decompress((folder / "html" / f"{sha}.html.gz").read_bytes()),
        }
        for sha, entry in sorted(gold.items())
    ]


def measure(pages: list[dict], rounds: int) -> tuple[float, float, int]:
    now = dt.datetime.now(dt.UTC)
    build_articles_day(pages[:2], [], "warm-up", now)
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(rounds):
        result = build_articles_day(pages, [], "benchmark", now)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    done = len(pages) * rounds
    return done / cpu, done / wall, len(result.articles)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes over each page set")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    sets = {"sample (wire + HTML)": sample_pages()}
    try:
        sets["article-extraction HTML"] = eval_pages()
    except FileNotFoundError:
        print("(shared eval folder not found: real-world pages skipped)")
    print("articles stage, one process")
    print(f"{'pages':<26}{'n':>5}{'articles':>10}{'pages/CPU s':>13}{'pages/s wall':>14}")
    for name, pages in sets.items():
        per_cpu, per_wall, articles = measure(pages, args.rounds)
        print(f"{name:<26}{len(pages):>5}{articles:>10}{per_cpu:>13.1f}{per_wall:>14.1f}")


if __name__ == "__main__":
    main()
