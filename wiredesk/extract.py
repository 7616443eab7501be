"""From raw bytes of any supported format to one article: text plus reconciled metadata."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import trafilatura

from wiredesk.dateline import parse_dateline
from wiredesk.dates import parse_datetime
from wiredesk.htmlmeta import read_page_meta
from wiredesk.language import detect_language
from wiredesk.sources.wireformats import (
    FormatError,
    WireDocument,
    detect_format,
    parse_newsml,
    parse_nitf,
    parse_plain_text,
)
from wiredesk.text import clean_text, word_count

PAYWALL_ENDINGS = re.compile(
    r"(subscribe (now )?to (continue|read)|to continue reading|this article is for subscribers"
    r"|already a subscriber\??|sign in to read)[.!]?$",
    re.IGNORECASE,
)
#: Fewer words than this is navigation residue, not an article (wire flashes have more).
MIN_WORDS = 5


class ExtractionError(ValueError):
    def __init__(self, error_class: str, detail: str) -> None:
        super().__init__(detail)
        self.error_class = error_class
        self.detail = detail


@dataclass
class Extracted:
    """One article's text and metadata, whatever format it came in."""

    format: str
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: dt.datetime | None = None
    date_source: str | None = None
    updated_at: dt.datetime | None = None
    language: str | None = None
    sitename: str | None = None
    canonical_url: str | None = None
    dateline: str | None = None
    wire_agency: str | None = None
    guid: str | None = None
    version: int = 1
    is_partial: bool = False

    @property
    def word_count(self) -> int:
        return word_count(self.text)


def clean_authors(names: list[str], agencies: set[str]) -> list[str]:
    """Bylines without "By", without agency names posing as people, without duplicates."""
    out: list[str] = []
    lowered_agencies = {a.lower() for a in agencies if a}
    for name in names:
        for part in re.split(r"\s*(?:,|;|\band\b|&)\s*", name):
            part = re.sub(r"^\s*by\s+", "", part, flags=re.IGNORECASE).strip(" .|-")
            if not part or part.lower() in lowered_agencies or len(part.split()) > 5:
                continue
            if part not in out:
                out.append(part)
    return out


def _from_wire(doc: WireDocument) -> Extracted:
    return Extracted(
        format=doc.format,
        text=clean_text(doc.text),
        title=doc.title,
        authors=doc.authors,
        published_at=doc.published_at,
        date_source=f"{doc.format}_metadata" if doc.published_at else None,
        updated_at=doc.updated_at,
        language=doc.language,
        sitename=doc.sitename,
        dateline=doc.dateline,
        wire_agency=doc.agency,
        guid=doc.guid,
        version=doc.version,
    )


def _from_html(data: bytes, url: str | None) -> Extracted:
    meta = read_page_meta(data)
    document = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = document.text if document is not None and document.text else ""
    title = meta.title or (document.title if document is not None else None)
    lines = [line for line in text.split("\n") if line.strip()]
    if lines and title and lines[0].strip() == title.strip():
        lines = lines[1:]  # the headline repeated as the first line of the body
    text = clean_text("\n".join(lines))
    if meta.article_body and len(meta.article_body.split()) > 1.2 * max(1, len(text.split())):
        text = clean_text(meta.article_body)
    published = parse_datetime(meta.published)
    source = "html_meta" if published else None
    if published is None and document is not None and document.date:
        published = parse_datetime(document.date)
        source = "htmldate" if published else None
    extracted = Extracted(
        format="html",
        text=text,
        title=title,
        authors=meta.authors or ([document.author] if document and document.author else []),
        published_at=published,
        date_source=source,
        updated_at=parse_datetime(meta.modified),
        language=(meta.language or "").split("-")[0] or None,
        sitename=meta.site_name or (document.sitename if document is not None else None),
        canonical_url=meta.canonical_url,
    )
    extracted.is_partial = meta.accessible_for_free is False
    return extracted


def extract(
    data: bytes, url: str | None = None, fmt: str | None = None, folder_day: dt.date | None = None
) -> Extracted:
    """Extract one article; raises ExtractionError with a class when there is none."""
    fmt = fmt or detect_format(data, url or "")
    try:
        if fmt == "newsml":
            extracted = _from_wire(parse_newsml(data))
        elif fmt == "nitf":
            extracted = _from_wire(parse_nitf(data))
        elif fmt == "text":
            extracted = _from_wire(parse_plain_text(data, folder_day))
        elif fmt == "html":
            extracted = _from_html(data, url)
        else:
            raise ExtractionError("unsupported_format", f"{url}: format {fmt!r} is not supported")
    except FormatError as exc:
        raise ExtractionError(exc.error_class, exc.detail) from None
    if extracted.word_count < MIN_WORDS:
        raise ExtractionError("empty_text", f"{url}: no article text found")
    first = extracted.text.split("\n\n", 1)[0]
    dateline = parse_dateline(first)
    if dateline:
        extracted.dateline = extracted.dateline or dateline.place.title()
        extracted.wire_agency = extracted.wire_agency or dateline.agency
    extracted.authors = clean_authors(
        extracted.authors, {extracted.wire_agency or "", extracted.sitename or ""}
    )
    detected = detect_language(extracted.text)
    extracted.language = detected or extracted.language
    last = extracted.text.rsplit("\n\n", 1)[-1]
    if PAYWALL_ENDINGS.search(last.strip()):
        extracted.is_partial = True
    return extracted


def reconcile_date(
    extracted: Extracted, feed_published: dt.datetime | None, now: dt.datetime
) -> tuple[dt.datetime | None, str | None]:
    """Pick the publication time: the document's own, else the feed's; never the future."""
    candidates = [(extracted.published_at, extracted.date_source), (feed_published, "feed")]
    for value, source in candidates:
        if value is not None and value <= now + dt.timedelta(hours=1):
            # A date-only value from a page loses to the feed's exact time on the same day.
            if (
                source == "htmldate"
                and feed_published is not None
                and feed_published.date() == value.date()
            ):
                return feed_published, "feed"
            return value, source
    return None, None
