"""Article-text extraction on the article-extraction benchmark: ``python -m benchmarks.extract``.

The benchmark's own measure: precision, recall and F1 over multisets of lower-cased word
4-gram shingles of the extracted text against the gold ``articleBody``, averaged over pages.
wiredesk (``wiredesk.articles.extraction.extract``, the code the pipeline runs) and plain
``trafilatura.extract`` with its defaults are scored side by side. Gold stays in the shared
eval folder and is read in place.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from wiredesk.articles import ExtractionError, extract
from wiredesk.entities import eval_dir

_TOKEN = re.compile(r"\w+", re.UNICODE)
NGRAM = 4


def shingles(text: str, size: int = NGRAM) -> Counter:
    tokens = _TOKEN.findall((text or "").lower())
    return Counter(
        " ".join(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)) if tokens
    )


def score(gold: str, predicted: str) -> tuple[float, float, float]:
    """Precision, recall, F1 of one page (0 when either side is empty)."""
    truth, guess = shingles(gold), shingles(predicted)
    overlap = sum((truth & guess).values())
    precision = overlap / sum(guess.values()) if guess else 0.0
    recall = overlap / sum(truth.values()) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_pages(folder: Path) -> list[tuple[str, str, bytes, str]]:
    """(id, url, html bytes, gold body) for every page of the set."""
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for sha, entry in sorted(gold.items()):
        html = gzip.decompress((folder / "html" / f"{sha}.html.gz").read_bytes())
        pages.append((sha, entry.get("url") or "", html, entry.get("articleBody") or ""))
    return pages


def wiredesk_text(html: bytes, url: str) -> str:
    try:
        return extract(html, url=url, fmt="html").text
    except ExtractionError:
        return ""


def trafilatura_text(html: bytes, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def run(
    pages: list[tuple[str, str, bytes, str]], method: Callable[[bytes, str], str]
) -> tuple[list[tuple[str, float, float, float]], float]:
    began = time.perf_counter()
    scores = []
    for sha, url, html, gold in pages:
        scores.append((sha, *score(gold, method(html, url))))
    return scores, time.perf_counter() - began


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worst", type=int, default=0, help="list the N worst wiredesk pages")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    pages = load_pages(eval_dir() / "article-extraction")
    wiredesk_text(pages[0][2], pages[0][1])  # warm-up: lazy imports and models
    results = {
        "wiredesk": run(pages, wiredesk_text),
        "trafilatura.extract": run(pages, trafilatura_text),
    }
    print(f"article-extraction: {len(pages)} pages, word 4-gram shingles, mean over pages")
    print(f"{'method':<22}{'P':>8}{'R':>8}{'F1':>8}{'pages/s':>10}")
    for name, (scores, elapsed) in results.items():
        n = len(scores)
        p, r, f = (sum(s[i] for s in scores) / n for i in (1, 2, 3))
        print(f"{name:<22}{p:>8.4f}{r:>8.4f}{f:>8.4f}{n / elapsed:>10.1f}")
    if args.worst:
        for sha, p, r, f in sorted(results["wiredesk"][0], key=lambda s: s[3])[: args.worst]:
            print(f"  {sha[:12]}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


if __name__ == "__main__":
    main()
