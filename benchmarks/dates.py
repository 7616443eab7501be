"""Publication dates on the htmldate evaluation pages: ``python -m benchmarks.dates``.

A page counts as right when the extracted publication date equals the gold ``date``
(YYYY-MM-DD). Gold dates are the day the page shows its readers, so wiredesk is scored on
the local day, ``Extracted.published_day`` (the articles table's ``published_day``: the
winning time on the outlet's own clock, see ``wiredesk.articles.pubdate.calendar_day``).
The UTC day of ``published_at`` (the partition day) is printed beside it, to show what
reading every time in UTC would cost. Plain ``htmldate.find_date`` with its defaults runs
side by side. Gold stays in the shared eval folder and is read in place.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from collections import Counter
from pathlib import Path

from htmldate import find_date

from wiredesk.articles import ExtractionError, extract
from wiredesk.entities import eval_dir


def load_pages(folder: Path) -> list[tuple[str, bytes, str]]:
    """(url, html bytes, gold day) for every page of the set."""
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        (url, (folder / "html" / entry["file"]).read_bytes(), entry["date"])
        for url, entry in sorted(gold.items())
    ]


def wiredesk_day(html: bytes, url: str) -> tuple[str | None, str | None, str | None]:
    """(local day, UTC day, winning signal) of one page."""
    try:
        article = extract(html, url=url, fmt="html")
    except ExtractionError:
        return None, None, None
    if article.published_day is None or article.published_at is None:
        return None, None, None
    utc_day = article.published_at.date().isoformat()
    return article.published_day.isoformat(), utc_day, article.date_source


def htmldate_day(html: bytes, url: str) -> str | None:
    return find_date(html.decode("utf-8", errors="replace"), url=url)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list pages wiredesk gets wrong")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    pages = load_pages(eval_dir() / "dates")
    began = time.perf_counter()
    ours = [(url, gold, *wiredesk_day(html, url)) for url, html, gold in pages]
    ours_elapsed = time.perf_counter() - began
    began = time.perf_counter()
    theirs = [htmldate_day(html, url) == gold for url, html, gold in pages]
    theirs_elapsed = time.perf_counter() - began
    right = sum(1 for _url, gold, day, _utc, _source in ours if day == gold)
    right_utc = sum(1 for _url, gold, _day, utc, _source in ours if utc == gold)
    sources = Counter(source for *_rest, source in ours)
    print(f"dates: {len(pages)} pages, exact publication day (local, as the page shows it)")
    print(f"{'method':<20}{'right':>7}{'accuracy':>10}{'pages/s':>10}")
    rate = len(pages) / ours_elapsed
    print(f"{'wiredesk':<20}{right:>7}{right / len(pages):>10.4f}{rate:>10.1f}")
    print(f"{'  (its UTC day)':<20}{right_utc:>7}{right_utc / len(pages):>10.4f}{'':>10}")
    print(
        f"{'htmldate.find_date':<20}{sum(theirs):>7}{sum(theirs) / len(pages):>10.4f}"
        f"{len(pages) / theirs_elapsed:>10.1f}"
    )
    print("winning signals: " + ", ".join(f"{s} {n}" for s, n in sources.most_common()))
    if args.misses:
        for url, gold, day, _utc, source in ours:
            if day != gold:
                print(f"  gold {gold}  got {day} ({source})  {url[:90]}")


if __name__ == "__main__":
    main()
