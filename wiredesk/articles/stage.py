"""The articles stage for one day: extract, version, de-duplicate, cluster.

Plain functions over rows, like every stage (see ``wiredesk.stages``). What the lake
already holds is passed in as ``ArticleHistory``: this day's versions from the previous run
(so a story re-fetched with changed text becomes a new version linked to the old one) and
the signatures of the previous ``LOOKBACK_DAYS`` days (so a copy can join a cluster whose
original appeared on an earlier day).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from wiredesk.articles.errors import ExtractionError
from wiredesk.articles.revisions import KnownVersion, chain_versions
from wiredesk.early_pages import articles_clock
from wiredesk.entities import prepare_linking_in_background
from wiredesk.store import Lake, table
from wiredesk.syndication import (
    SIGNATURE,
    Fingerprint,
    assign_clusters,
    fingerprint,
    prepare_in_background,
)
from wiredesk.warm_ups import warm_up_extracting_worker
from wiredesk.work_ahead import extract_all, extract_stream
from wiredesk.workers import (
    WINDOW_ITEMS,
    expect_items,
    pool_reads_ahead,
    step_workers,
    windows,
)

Row = dict[str, Any]
#: Days before the partition whose signatures are read back to find originals of copies.
LOOKBACK_DAYS = 3


@dataclass
class ArticleHistory:
    """What the lake holds before a day's articles are rebuilt."""

    stored_versions: list[Row] = field(default_factory=list)  # this day's article_versions
    prior_signatures: list[Row] = field(default_factory=list)  # earlier days' signatures


@dataclass
class ArticlesDay:
    articles: list[Row]
    errors: list[Row]
    versions: list[Row]
    signatures: list[Row]
    pages_read: int = 0


def _error_row(page: Row, error: ExtractionError, run_id: str, now: dt.datetime) -> Row:
    return {
        "url": page["url"],
        "source_id": page["source_id"],
        "stage": "articles",
        "status": "error",
        "error_class": error.error_class,
        "detail": error.detail,
        "bytes": None,
        "elapsed_ms": None,
        "fetched_at": now,
        "run_id": run_id,
    }


def _known_versions(history: ArticleHistory) -> dict[str, list[KnownVersion]]:
    known: dict[str, dict[str, KnownVersion]] = defaultdict(dict)
    for row in history.prior_signatures:
        version = KnownVersion(
            row["version_id"], row["article_id"], row["version"] or 1, row["content_hash"]
        )
        known[row["article_id"]].setdefault(version.version_id, version)
    for row in history.stored_versions:
        stored = {k: v for k, v in row.items() if k != "day"}
        version = KnownVersion(
            row["version_id"], row["article_id"], row["version"] or 1, row["content_hash"], stored
        )
        known[row["article_id"]][version.version_id] = version
    return {article_id: list(versions.values()) for article_id, versions in known.items()}


def _project(row: Row, name: str) -> Row:
    columns = table(name).arrow_schema.names
    return {column: row.get(column) for column in columns}


def _prior_fingerprints(rows: Iterable[Row], exclude: set[str]) -> list[Fingerprint]:
    """Earlier days' signatures, newest version per article, without today's stories."""
    latest: dict[str, Row] = {}
    for row in rows:
        if row["article_id"] in exclude:
            continue
        current = latest.get(row["article_id"])
        if current is None or (row["version"] or 1) > (current["version"] or 1):
            latest[row["article_id"]] = row
    return [
        Fingerprint(
            article_id=row["article_id"],
            published_at=row["published_at"],
            content_hash=row["content_hash"],
            minhash=tuple(row["minhash"]),
            shingle_count=row["shingle_count"] or 0,
            cluster_id=row["cluster_id"],
        )
        for row in latest.values()
    ]


def build_articles_day(
    pages: Iterable[Row],
    items: Iterable[Row],
    run_id: str,
    now: dt.datetime | None = None,
    history: ArticleHistory | None = None,
) -> ArticlesDay:
    """Extract every page (spread over the stage workers when a run has them); chain
    versions; keep the latest; cluster copies across days. Without ``now``, at
    ``articles_clock``."""
    now = now or articles_clock()
    pages = list(pages)
    extracted = extract_all(extraction_work(pages, items, now))
    return assemble_day(pages, extracted, run_id, now, history)


def extraction_work(
    pages: Sequence[Row], items: Iterable[Row], now: dt.datetime
) -> list[tuple[Row, Row, dt.datetime]]:
    """What ``extract_pages`` reads for each page: the page, its feed item, the clock."""
    items_by_id = {item["item_id"]: item for item in items}
    return [(page, items_by_id.get(page["item_id"], {}), now) for page in pages]


def assemble_day(
    pages: Sequence[Row],
    extracted: Sequence[Row | ExtractionError],
    run_id: str,
    now: dt.datetime,
    history: ArticleHistory | None = None,
) -> ArticlesDay:
    """A day's articles from its pages' extractions: versions chained, the latest kept,
    copies clustered against the earlier days in ``history``."""
    history = history or ArticleHistory()
    candidates: dict[str, list[Row]] = defaultdict(list)
    errors: list[Row] = []
    for page, row in zip(pages, extracted, strict=True):
        if isinstance(row, ExtractionError):
            errors.append(_error_row(page, row, run_id, now))
        else:
            candidates[row["article_id"]].append(row)
    known = _known_versions(history)
    articles: list[Row] = []
    versions: list[Row] = []
    for article_id in sorted(set(candidates)):
        chain = chain_versions(article_id, candidates[article_id], known.get(article_id, ()), now)
        latest = chain[-1]
        for row in chain:
            if row.get("stored"):
                versions.append(_project({**row, "is_latest": row is latest}, "article_versions"))
        if not latest.get("stored"):
            continue  # the text is an earlier day's version: that day already has the story
        article = dict(latest)
        article["versions_seen"] = len(chain)
        articles.append(article)
    prints = {
        a["article_id"]: fingerprint(
            a["article_id"], a["text"], a["published_at"], a["content_hash"], a.get(SIGNATURE)
        )
        for a in articles
    }
    prior = _prior_fingerprints(history.prior_signatures, exclude=set(prints))
    matches = assign_clusters(list(prints.values()), prior)
    signatures = []
    for article in articles:
        article["cluster_id"] = matches[article["article_id"]].cluster_id
        mark = prints[article["article_id"]]
        signatures.append(
            _project(
                {
                    **article,
                    "minhash": list(mark.minhash),
                    "shingle_count": mark.shingle_count,
                },
                "article_signatures",
            )
        )
    return ArticlesDay(
        articles=[_project(a, "articles") for a in articles],
        errors=errors,
        versions=sorted(versions, key=lambda v: (v["article_id"], v["version"])),
        signatures=signatures,
    )


def lookback_days(day: dt.date, days: int = LOOKBACK_DAYS) -> list[dt.date]:
    return [day - dt.timedelta(days=offset) for offset in range(days, 0, -1)]


def latest_versions(rows: Sequence[Row]) -> list[Row]:
    """Only the current version of each story (what downstream tables read)."""
    return [row for row in rows if row.get("is_latest")]


def load_history(lake: Lake, day: dt.date) -> ArticleHistory:
    """What a day's rebuild needs from the lake: its stored versions and the signatures of
    the days just before it."""
    return ArticleHistory(
        stored_versions=lake.read("article_versions", day).to_pylist(),
        prior_signatures=[
            row
            for earlier in lookback_days(day)
            for row in lake.read("article_signatures", earlier).to_pylist()
        ],
    )


def run_articles_day(
    lake: Lake, day: dt.date, run_id: str, now: dt.datetime | None = None
) -> ArticlesDay:
    """The whole articles stage for one day (see ``run_articles_days``)."""
    return dict(run_articles_days(lake, [day], run_id, now))[day]


def run_articles_days(
    lake: Lake,
    days: Sequence[dt.date],
    run_id: str,
    now: dt.datetime | None = None,
    window: int = WINDOW_ITEMS,
) -> Iterator[tuple[dt.date, ArticlesDay]]:
    """The articles stage for days in order: read pages and items, extract, rebuild, write
    each day's articles, versions, signatures and extraction failures; yields each day as
    it is written, so a long range is never held whole.

    Extraction, the costly part, goes to the workers for several days at once (up to about
    ``window`` pages), so a range keeps every worker busy; each day is assembled in order,
    after the days before it are written, since it reads their signatures, and as soon as
    its own pages are back, while the workers go on with the later days'. The workers of a
    run's block read each article's mentions and quotes ahead for the stages after
    (``wiredesk.work_ahead``); outside one the stage has workers of its own
    (``wiredesk.workers.step_workers``). Without ``now``, the clock is ``articles_clock``:
    the time ``wiredesk ingest`` began extracting new drop-folder files, if it did."""
    now = now or articles_clock()
    with step_workers(warm_up_extracting_worker):
        yield from _articles_windows(lake, sorted(days), run_id, now, window)


def _articles_windows(
    lake: Lake, days: Sequence[dt.date], run_id: str, now: dt.datetime, window: int
) -> Iterator[tuple[dt.date, ArticlesDay]]:
    """``run_articles_days``' work, window by window."""

    def load(day: dt.date) -> tuple[list[Row], list[Row]]:
        return lake.read("raw_pages", day).to_pylist(), lake.read("feed_items", day).to_pylist()

    for group in windows(days, load, lambda loaded: len(loaded[0]), window):
        work = [extraction_work(pages, items, now) for pages, items in group.values()]
        expect_items(sum(len(day_work) for day_work in work))
        prepare_in_background()
        if pool_reads_ahead():  # a run's block: linking comes later in this process
            prepare_linking_in_background()
        extracted = extract_stream([w for day_work in work for w in day_work])
        for day, (pages, _) in group.items():
            day_extracted = [next(extracted) for _ in pages]
            result = assemble_day(pages, day_extracted, run_id, now, load_history(lake, day))
            result.pages_read = len(pages)
            lake.write("articles", result.articles, day)
            lake.write("article_versions", result.versions, day)
            lake.write("article_signatures", result.signatures, day)
            lake.write("fetch_log", result.errors, day, part="articles")
            yield day, result
