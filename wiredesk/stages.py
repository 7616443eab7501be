"""Each pipeline stage as a plain function from rows to rows.

The Dagster assets are thin wrappers around these, so every stage can be run and tested
without Dagster, and ``wiredesk analyze`` runs the same code on one article.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from wiredesk.dedup import DedupInput, cluster
from wiredesk.entities.mention import COUNTED_TYPES, Mention
from wiredesk.extract import ExtractionError, extract, reconcile_date
from wiredesk.fetch import Fetcher
from wiredesk.ids import stable_id
from wiredesk.sources.config import Source
from wiredesk.sources.discover import discover, item_day
from wiredesk.sources.dropfolder import folder_day
from wiredesk.sources.items import SourceError
from wiredesk.text import content_hash, fold

Row = dict[str, Any]


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
    sources: Sequence[Source], fetcher: Fetcher, run_id: str, now: dt.datetime | None = None
) -> tuple[dict[dt.date, list[Row]], dict[dt.date | None, list[Row]]]:
    """Every item every enabled source offers now, grouped by day; errors grouped too."""
    now = now or now_utc()
    items_by_day: dict[dt.date, list[Row]] = defaultdict(list)
    errors_by_day: dict[dt.date | None, list[Row]] = defaultdict(list)
    for source in sources:
        if not source.enabled:
            continue
        items, errors = discover(source, fetcher)
        seen: set[str] = set()
        for item in items:
            item_id = stable_id("item", item.source_id, item.identity, item.version)
            if item_id in seen:
                continue
            seen.add(item_id)
            items_by_day[item_day(item, now)].append(
                {
                    "item_id": item_id,
                    "source_id": item.source_id,
                    "url": item.url,
                    "canonical_url": item.canonical_url,
                    "guid": item.guid,
                    "version": item.version,
                    "title": item.title,
                    "published_at": item.published_at,
                    "discovered_at": now,
                    "format": item.format,
                }
            )
        for error in errors:
            errors_by_day[error.day].append(_source_error_row(error, run_id, now))
    return dict(items_by_day), dict(errors_by_day)


def _source_error_row(error: SourceError, run_id: str, now: dt.datetime) -> Row:
    return error_row(
        "feed_items", error.source_id, error.url, error.error_class, error.detail, run_id, now
    )


# -- raw_pages ----------------------------------------------------------------------------
def fetch_pages(items: Iterable[Row], fetcher: Fetcher, run_id: str) -> tuple[list[Row], list[Row]]:
    """Fetch every item; pages for what was read, a fetch_log row for every attempt."""
    pages: list[Row] = []
    log: list[Row] = []
    for item in items:
        result = fetcher.fetch(item["url"])
        log.append(
            {
                "url": item["url"],
                "source_id": item["source_id"],
                "stage": "raw_pages",
                "status": "ok" if result.ok else "error",
                "error_class": result.error_class,
                "detail": result.detail,
                "bytes": result.bytes,
                "elapsed_ms": result.elapsed_ms,
                "fetched_at": result.fetched_at,
                "run_id": run_id,
            }
        )
        if result.ok:
            pages.append(
                {
                    "item_id": item["item_id"],
                    "source_id": item["source_id"],
                    "url": item["url"],
                    "final_url": result.final_url,
                    "content_type": result.content_type,
                    "format": result.format or item.get("format"),
                    "content": result.content,
                    "bytes": result.bytes,
                    "fetched_at": result.fetched_at,
                }
            )
    return pages, log


# -- articles -----------------------------------------------------------------------------
def build_articles(
    pages: Iterable[Row], items: Iterable[Row], run_id: str, now: dt.datetime | None = None
) -> tuple[list[Row], list[Row]]:
    """Extract every page; keep the latest version of each story; cluster near-duplicates."""
    now = now or now_utc()
    items_by_id = {item["item_id"]: item for item in items}
    candidates: dict[str, list[Row]] = defaultdict(list)
    errors: list[Row] = []
    for page in pages:
        item = items_by_id.get(page["item_id"], {})
        url = page["url"]
        day_hint = folder_day(_path_of(url)) if url.startswith("file:") else None
        try:
            extracted = extract(
                page["content"],
                url=page["final_url"] or url,
                fmt=page["format"],
                folder_day=day_hint,
            )
        except ExtractionError as exc:
            errors.append(
                error_row(
                    "articles", page["source_id"], url, exc.error_class, exc.detail, run_id, now
                )
            )
            continue
        published, date_source = reconcile_date(extracted, item.get("published_at"), now)
        canonical = extracted.canonical_url or item.get("canonical_url") or url
        guid = extracted.guid or item.get("guid")
        story = guid or canonical
        article_id = stable_id("article", page["source_id"], story)
        candidates[article_id].append(
            {
                "article_id": article_id,
                "source_id": page["source_id"],
                "item_id": page["item_id"],
                "url": url,
                "canonical_url": canonical,
                "guid": guid,
                "version": max(extracted.version, item.get("version") or 1),
                "title": extracted.title or item.get("title"),
                "authors": extracted.authors,
                "published_at": published,
                "date_source": date_source,
                "updated_at": extracted.updated_at,
                "language": extracted.language,
                "sitename": extracted.sitename,
                "dateline": extracted.dateline,
                "wire_agency": extracted.wire_agency,
                "text": extracted.text,
                "word_count": extracted.word_count,
                "content_hash": content_hash(extracted.text),
                "cluster_id": None,
                "is_partial": extracted.is_partial,
                "format": extracted.format,
                "extracted_at": now,
            }
        )
    articles = []
    for versions in candidates.values():
        versions.sort(
            key=lambda r: (r["version"], r["updated_at"] or r["published_at"] or now, r["item_id"])
        )
        latest = dict(versions[-1])
        latest["versions_seen"] = len(versions)
        latest.pop("updated_at", None)
        articles.append(latest)
    clusters = cluster(
        [DedupInput(a["article_id"], a["text"], a["published_at"]) for a in articles]
    )
    for article in articles:
        article["cluster_id"] = clusters[article["article_id"]]
    articles.sort(key=lambda a: a["article_id"])
    return articles, errors


def _path_of(url: str):  # noqa: ANN202 - pathlib.Path
    from pathlib import Path
    from urllib.parse import unquote, urlparse

    return Path(unquote(urlparse(url).path))


# -- entity_mentions ----------------------------------------------------------------------
def mention_rows(article_id: str, mentions: Iterable[Mention]) -> list[Row]:
    return [
        {
            "article_id": article_id,
            "entity_key": m.entity_key,
            "text": m.text,
            "type": m.type,
            "name": m.name,
            "roles": list(m.roles),
            "start_char": m.start_char,
            "end_char": m.end_char,
        }
        for m in mentions
        if m.type in COUNTED_TYPES
    ]


def build_mentions(articles: Sequence[Row]) -> list[Row]:
    from wiredesk.entities.recognise import find_mentions

    found = find_mentions([a["text"] for a in articles])
    rows: list[Row] = []
    for article, mentions in zip(articles, found, strict=True):
        rows.extend(mention_rows(article["article_id"], mentions))
    return rows


def mentions_from_rows(rows: Iterable[Row]) -> dict[str, list[Mention]]:
    """Rebuild each article's Mention objects from stored rows."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for row in rows:
        by_article[row["article_id"]].append(
            Mention(
                text=row["text"],
                type=row["type"],
                start_char=row["start_char"],
                end_char=row["end_char"],
                name=row["name"],
                roles=tuple(row["roles"] or ()),
            )
        )
    for mentions in by_article.values():
        mentions.sort(key=lambda m: m.start_char)
    return by_article


# -- quotes -------------------------------------------------------------------------------
def quote_rows(article_id: str, quotes: Iterable[Any]) -> list[Row]:
    return [
        {
            "quote_id": stable_id("quote", article_id, q.start_char, q.end_char),
            "article_id": article_id,
            "kind": q.kind,
            "text": q.text,
            "speaker": q.speaker,
            "speaker_entity_key": q.speaker_entity_key,
            "speaker_mention": q.speaker_mention,
            "cue": q.cue,
            "start_char": q.start_char,
            "end_char": q.end_char,
            "paragraph": q.paragraph,
            "confidence": q.confidence,
            "quote_hash": stable_id("quote-text", fold(q.text)),
        }
        for q in quotes
    ]


def build_quotes(articles: Sequence[Row], mentions: Iterable[Row]) -> list[Row]:
    from wiredesk.quotes import find_quotes

    by_article = mentions_from_rows(mentions)
    rows: list[Row] = []
    for article in articles:
        found = find_quotes(article["text"], by_article.get(article["article_id"], []))
        rows.extend(quote_rows(article["article_id"], found))
    return rows
