"""One fetched page into one candidate article row: the work a stage worker does.

Kept apart from the articles stage (which reads and writes the lake and clusters copies), so
a worker process that is sent ``extract_pages`` imports only extraction's own packages.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from wiredesk.articles.extraction import ExtractionError, extract, reconcile_date
from wiredesk.articles.inputs import PageInputs, page_inputs
from wiredesk.articles.text import content_hash
from wiredesk.routing import analysis_for
from wiredesk.sources import folder_day
from wiredesk.store import stable_id

Row = dict[str, Any]


def _path_of(url: str) -> Path:
    return Path(unquote(urlparse(url).path))


def wall_clock(value: dt.datetime | None) -> dt.datetime | None:
    """The local time as written, without its zone (the offset is a column of its own)."""
    return value.replace(tzinfo=None) if value is not None else None


def extract_page(page: Row, item: Row, now: dt.datetime) -> Row:
    """One candidate article row from one fetched page; raises ExtractionError."""
    return extract_inputs(page_inputs(page, item, now))


def extract_inputs(inputs: PageInputs) -> Row:
    """``extract_page`` from the inputs alone."""
    url, now = inputs.url, inputs.now
    day_hint = folder_day(_path_of(url)) if url.startswith("file:") else None
    extracted = extract(
        inputs.content,
        url=inputs.final_url or url,
        fmt=inputs.format,
        folder_day=day_hint,
        now=now,
    )
    published, date_source = reconcile_date(extracted, inputs.listed, now, inputs.offset)
    canonical = extracted.canonical_url or inputs.canonical_url or url
    guid = extracted.guid or inputs.guid
    article_id = stable_id("article", inputs.source_id, guid or canonical)
    return {
        "article_id": article_id,
        "source_id": inputs.source_id,
        "item_id": inputs.item_id,
        "url": url,
        "canonical_url": canonical,
        "guid": guid,
        "version": max(extracted.version, inputs.version or 1),
        "title": extracted.title or inputs.title,
        "authors": extracted.authors,
        "published_at": published,
        "published_local": wall_clock(extracted.published_local),
        "utc_offset_minutes": extracted.utc_offset_minutes,
        "published_day": extracted.published_day,
        "date_source": date_source,
        "updated_at": extracted.updated_at,
        "language": extracted.language,
        "analysis": analysis_for(extracted.language),
        "sitename": extracted.sitename,
        "dateline": extracted.dateline,
        "wire_agency": extracted.wire_agency,
        "description": extracted.description,
        "text": extracted.text,
        "word_count": extracted.word_count,
        "content_hash": content_hash(extracted.text),
        "is_partial": extracted.is_partial,
        "partial_reason": extracted.partial_reason,
        "format": extracted.format,
        "extracted_at": now,
        "first_seen_at": now,
    }


def extract_pages(work: list[tuple[Row, Row, dt.datetime]]) -> list[Row | ExtractionError]:
    """``extract_page`` over (page, item, now) triples, the failure in place of a row: the
    work a stage worker does."""
    out: list[Row | ExtractionError] = []
    for page, item, now in work:
        try:
            out.append(extract_page(page, item, now))
        except ExtractionError as exc:
            out.append(exc)
    return out


def extract_signed_pages(
    work: list[tuple[Row, Row, dt.datetime]],
) -> list[Row | ExtractionError]:
    """``extract_pages``, each row with its text's MinHash signature (under the syndication
    package's ``SIGNATURE`` key): the work of ingest's stage workers. Signing costs about
    5 ms an article, spent there beside the other workers, instead of in the run's process
    with every worker idle while it clusters the day."""
    from wiredesk.syndication import SIGNATURE, text_signature

    out = extract_pages(work)
    for row in out:
        if isinstance(row, dict):
            row[SIGNATURE] = text_signature(row["text"])
    return out
