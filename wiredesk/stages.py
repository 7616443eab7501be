"""The stages the assets and the benchmarks both call, as plain functions from rows to rows.

The Dagster assets are thin wrappers around these (and around ``run_articles_days``,
``link_entities``, the aggregates), so every stage can be run and measured without Dagster.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from operator import itemgetter
from typing import Any, TypeVar

from wiredesk.article_work import mention_rows_batch, mentions_from_rows, quote_rows_batch
from wiredesk.articles import fetched_page
from wiredesk.entities import Mention
from wiredesk.fetch import Fetcher, FetchResult
from wiredesk.routing import effective_language, runs_entities, runs_quotes
from wiredesk.sources import (
    Discovery,
    DiscoverySettings,
    Ledger,
    Source,
    SourceError,
    discover_source,
    item_row,
)
from wiredesk.store import Lake
from wiredesk.warm_ups import warm_up_quoting_worker, warm_up_recognising_worker
from wiredesk.work_ahead import mentions_for, quotes_for
from wiredesk.workers import WINDOW_ITEMS, stage_map, step_workers, windows

Row = dict[str, Any]
#: What the entity and quote stages read of each article.
ARTICLE_COLUMNS = ["article_id", "text", "language"]
Day = TypeVar("Day")
Item = TypeVar("Item")


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def error_row(
    stage: str,
    source_id: str,
    url: str,
    error_class: str,
    detail: str,
    run_id: str,
    when: dt.datetime,
) -> Row:
    return {
        "url": url,
        "source_id": source_id,
        "stage": stage,
        "status": "error",
        "error_class": error_class,
        "detail": detail,
        "bytes": None,
        "elapsed_ms": None,
        "fetched_at": when,
        "run_id": run_id,
    }


# -- feed_items ---------------------------------------------------------------------------
def collect_feed_items(
    sources: Sequence[Source],
    fetcher: Fetcher,
    run_id: str,
    now: dt.datetime | None = None,
    ledger: Ledger | None = None,
    days: Sequence[dt.date] | None = None,
    settings: DiscoverySettings | None = None,
) -> tuple[dict[dt.date, list[Row]], dict[dt.date | None, list[Row]]]:
    """Every item the enabled sources offer, grouped by day; fetch_log rows grouped too.

    Without a ledger: what the sources offer now, de-duplicated within the run. With one:
    new items are added to the ledger (de-duplicated across runs by id and canonical URL),
    each of ``days``'s items (every day the ledger knows, without ``days``) are everything the
    ledger holds for it, so a re-run or a 304 from every feed rewrites the same rows. Fetch
    validators are stored only after that.
    Log rows with day ``None`` belong to whichever day is being materialised.
    """
    now = now or now_utc()
    enabled = [s for s in sources if s.enabled]
    known = None
    if ledger is not None:
        known = lambda item: ledger.is_known(item.item_id, item.canonical_url)  # noqa: E731
    workers = max(1, min(len(enabled), fetcher.settings.global_concurrency))
    with ThreadPoolExecutor(workers, thread_name_prefix="wiredesk-source") as pool:
        found = list(
            pool.map(
                lambda source: discover_source(source, fetcher, ledger, settings, now, known),
                enabled,
            )
        )
    rows: list[Row] = []
    seen_ids: set[str] = set()
    seen_urls: set[str] = set()
    log_by_day: dict[dt.date | None, list[Row]] = defaultdict(list)
    for discovery in found:
        for result in discovery.fetches:
            source_id = discovery.source.source_id
            log_by_day[None].extend(attempt_rows(result, source_id, "feed_items", run_id))
        for error in discovery.errors:
            log_by_day[error.day].append(_source_error_row(error, run_id, now))
        for item in discovery.items:
            row = item_row(item, now)
            web = row["canonical_url"].startswith(("http://", "https://"))
            if row["item_id"] in seen_ids or (web and row["canonical_url"] in seen_urls):
                continue
            seen_ids.add(row["item_id"])
            if web:
                seen_urls.add(row["canonical_url"])
            rows.append(row)
    if ledger is None:
        items_by_day: dict[dt.date, list[Row]] = defaultdict(list)
        for row in rows:
            items_by_day[_row_day(row)].append(row)
        return dict(items_by_day), dict(log_by_day)
    ledger.admit(rows, _row_day)
    ledger.record_files(_file_records(found, rows))
    for discovery in found:
        for result in discovery.fetches:
            fetcher.remember(result)
    wanted = ledger.days() if days is None else days
    return {d: ledger.items_for_day(d) for d in wanted}, dict(log_by_day)


def store_feed_items_days(
    lake: Lake,
    days: Sequence[dt.date],
    items_by_day: Mapping[dt.date, list[Row]],
    log_by_day: Mapping[dt.date | None, list[Row]],
    log_part: str = "feed_items",
) -> Iterator[tuple[dt.date, list[Row], list[Row], bool]]:
    """Write each day's items and fetch_log rows; yields (day, items, log, unchanged) as each
    is written. A day whose items are the ones already stored is left as it was (a poll
    that found nothing new); the feeds' own fetches, which belong to no day, go to the first
    day. ``log_part``: a poll keeps its own part, a day's full run replaces its own."""
    for day in days:
        items = sorted(items_by_day.get(day, []), key=lambda r: r["item_id"])
        log = log_by_day.get(day, []) + (log_by_day.get(None, []) if day == days[0] else [])
        previous = lake.read("feed_items", day).column("item_id").to_pylist()
        unchanged = previous == [r["item_id"] for r in items] and bool(previous)
        if not unchanged:
            lake.write("feed_items", items, day)
        lake.write("fetch_log", log, day, part=log_part)
        yield day, items, log, unchanged


def _row_day(row: Row) -> dt.date:
    return (row["published_at"] or row["discovered_at"]).astimezone(dt.UTC).date()


def _file_records(found: Sequence[Discovery], rows: Sequence[Row]) -> list[tuple]:
    """Drop-folder files read this run, with the item or error each one gave."""
    records = []
    for discovery in found:
        for item in discovery.items:
            if item.origin_file is not None:
                records.append((item.source_id, item.origin_file, item.item_id, None, None, None))
        for error in discovery.errors:
            if error.origin_file is not None:
                records.append(
                    (
                        error.source_id,
                        error.origin_file,
                        None,
                        error.error_class,
                        error.detail,
                        error.day,
                    )
                )
    return records


def _source_error_row(error: SourceError, run_id: str, now: dt.datetime) -> Row:
    return error_row(
        "feed_items", error.source_id, error.url, error.error_class, error.detail, run_id, now
    )


def attempt_rows(result: FetchResult, source_id: str, stage: str, run_id: str) -> list[Row]:
    """One fetch_log row per request made (retries and robots.txt failures included)."""
    return [
        {
            "url": attempt.url,
            "source_id": source_id,
            "stage": stage,
            "status": attempt.status,
            "error_class": attempt.error_class,
            "detail": attempt.detail,
            "bytes": attempt.bytes,
            "elapsed_ms": attempt.elapsed_ms,
            "fetched_at": attempt.fetched_at,
            "run_id": run_id,
            "http_status": attempt.http_status,
            "attempt": attempt.attempt,
        }
        for attempt in result.attempts
    ]


# -- raw_pages ----------------------------------------------------------------------------
def fetch_pages(items: Iterable[Row], fetcher: Fetcher, run_id: str) -> tuple[list[Row], list[Row]]:
    """Fetch every item (concurrently, within the politeness limits); pages for what was
    read, and a fetch_log row for every attempt."""
    items = list(items)
    results = fetcher.fetch_all([item["url"] for item in items])
    pages: list[Row] = []
    log: list[Row] = []
    for item, result in zip(items, results, strict=True):
        log.extend(attempt_rows(result, item["source_id"], "raw_pages", run_id))
        if result.ok:
            pages.append(
                fetched_page(
                    item,
                    result.content,
                    result.final_url,
                    result.content_type,
                    result.format,
                    result.fetched_at,
                )
            )
    return pages, log


def run_raw_pages_days(
    lake: Lake, days: Sequence[dt.date], fetcher: Fetcher, run_id: str
) -> Iterator[tuple[dt.date, list[Row], list[Row], list[Row]]]:
    """The raw_pages stage for days: each day's items fetched, its pages and fetch_log rows
    written; yields (day, items, pages, log) as each is written."""
    for day in days:
        items = lake.read("feed_items", day).to_pylist()
        pages, log = fetch_pages(items, fetcher, run_id)
        lake.write("raw_pages", pages, day)
        lake.write("fetch_log", log, day, part="raw_pages")
        yield day, items, pages, log


# -- entity_mentions ----------------------------------------------------------------------
def mention_lists(articles: Sequence[Row]) -> list[list[Row]]:
    """Each article's mention rows, in input order (none for a language without a
    recogniser; a row without ``language`` is read as English), spread over the stage
    workers when a run has them."""
    lists: list[list[Row]] = [[] for _ in articles]
    chosen = []
    for i, article in enumerate(articles):
        if not runs_entities(article.get("language")):
            continue
        ahead = mentions_for(article)  # a worker found them as it extracted the article
        if ahead is None:
            chosen.append(i)
        else:
            lists[i] = ahead
    work = [
        (
            articles[i]["article_id"],
            articles[i]["text"],
            effective_language(articles[i].get("language")),
        )
        for i in chosen
    ]
    # One batch per language, and a language few articles are in always goes to the same
    # worker: each worker loads only the models it needs.
    found = stage_map(mention_rows_batch, work, group=itemgetter(2))
    for position, rows in zip(chosen, found, strict=True):
        lists[position] = rows
    return lists


def build_mentions(articles: Sequence[Row]) -> list[Row]:
    """Entity mentions of the articles whose language has a recogniser."""
    return [row for rows in mention_lists(articles) for row in rows]


def build_mentions_days(articles: Mapping[Day, Sequence[Row]]) -> dict[Day, list[Row]]:
    """Each day's entity mentions, every day's articles sent to the workers together."""
    return per_day(mention_lists, articles)


def run_mentions_days(
    lake: Lake, days: Sequence[dt.date], window: int = WINDOW_ITEMS
) -> Iterator[tuple[dt.date, list[Row], list[Row]]]:
    """The entity_mentions stage for days: each day's articles read, its mentions written;
    yields (day, articles, mentions) as each is written. Several days' articles (up to
    about ``window``) go to the workers together (outside a run's block, the stage's own:
    ``wiredesk.workers.step_workers``), and a long range is never held whole."""

    def load(day: dt.date) -> list[Row]:
        return lake.read("articles", day).select(ARTICLE_COLUMNS).to_pylist()

    with step_workers(warm_up_recognising_worker):
        for group in windows(days, load, len, window):
            for day, rows in build_mentions_days(group).items():
                lake.write("entity_mentions", rows, day)
                yield day, group[day], rows


def per_day(
    lists: Callable[[Sequence[Item]], list[list[Row]]], items: Mapping[Day, Sequence[Item]]
) -> dict[Day, list[Row]]:
    """``lists`` (rows per item, in input order) called once over the items of every day,
    so a range of days keeps every worker busy, its rows handed back to their days."""
    flat = [item for day_items in items.values() for item in day_items]
    found = iter(lists(flat))
    return {
        day: [row for _ in day_items for row in next(found)] for day, day_items in items.items()
    }


# -- quotes -------------------------------------------------------------------------------
#: Quotes cost a few ms an article: outside a run's block, workers of the stage's own pay
#: only from this many articles.
QUOTE_STEP_POOL_ITEMS = 500


def quote_lists(articles: Sequence[tuple[Row, list[Mention]]]) -> list[list[Row]]:
    """Each (article, its mentions)'s quote rows, in input order (none for a language
    without quotation rules), spread over the stage workers when a run has them."""
    lists: list[list[Row]] = [[] for _ in articles]
    chosen = []
    for i, (article, mentions) in enumerate(articles):
        if not runs_quotes(article.get("language")):
            continue
        ahead = quotes_for(article, mentions)  # a worker found them as it extracted it
        if ahead is None:
            chosen.append(i)
        else:
            lists[i] = ahead
    work = [
        (
            articles[i][0]["article_id"],
            articles[i][0]["text"],
            articles[i][1],
            effective_language(articles[i][0].get("language")),
        )
        for i in chosen
    ]
    for position, rows in zip(chosen, stage_map(quote_rows_batch, work), strict=True):
        lists[position] = rows
    return lists


def _with_mentions(
    articles: Sequence[Row], mentions: Iterable[Row]
) -> list[tuple[Row, list[Mention]]]:
    by_article = mentions_from_rows(mentions)
    return [(a, by_article.get(a["article_id"], [])) for a in articles]


def build_quotes(articles: Sequence[Row], mentions: Iterable[Row]) -> list[Row]:
    """Quotations of the articles whose language has rules, each read by those rules."""
    return [row for rows in quote_lists(_with_mentions(articles, mentions)) for row in rows]


def build_quotes_days(
    articles: Mapping[Day, Sequence[Row]], mentions: Mapping[Day, Iterable[Row]]
) -> dict[Day, list[Row]]:
    """Each day's quotations, every day's articles sent to the workers together."""
    paired = {day: _with_mentions(rows, mentions.get(day, ())) for day, rows in articles.items()}
    return per_day(quote_lists, paired)


def run_quotes_days(
    lake: Lake, days: Sequence[dt.date], window: int = WINDOW_ITEMS
) -> Iterator[tuple[dt.date, list[Row]]]:
    """The quotes stage for days: each day's articles and mentions read, its quotes
    written; yields (day, quotes) as each is written, several days' articles (up to about
    ``window``) going to the workers together (outside a run's block, the stage's own from
    ``QUOTE_STEP_POOL_ITEMS`` articles)."""

    def load(day: dt.date) -> tuple[list[Row], list[Row]]:
        articles = lake.read("articles", day).select(ARTICLE_COLUMNS).to_pylist()
        return articles, lake.read("entity_mentions", day).to_pylist()

    with step_workers(warm_up_quoting_worker, min_items=QUOTE_STEP_POOL_ITEMS):
        for group in windows(days, load, lambda loaded: len(loaded[0]), window):
            articles = {day: loaded[0] for day, loaded in group.items()}
            mentions = {day: loaded[1] for day, loaded in group.items()}
            for day, rows in build_quotes_days(articles, mentions).items():
                lake.write("quotes", rows, day)
                yield day, rows
