"""From raw bytes of any supported format to one article: text plus reconciled metadata.

Agency formats (NewsML-G2, NITF, plain text) carry their metadata in fields and are read
directly; HTML goes through ``wiredesk.articles.bodytext`` (trafilatura, corrected) and
``wiredesk.articles.htmlmeta`` (what the page states outright). Whatever the format, the result
passes through the same steps: stored-text normalisation, dateline and agency, byline
cleaning, language, partial-copy detection and date reconciliation.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml.html import HtmlElement

from wiredesk.articles.bodytext import drop_inert_elements, extract_body
from wiredesk.articles.dateline import display_place, parse_dateline
from wiredesk.articles.dates import (
    Stamp,
    at_offset,
    date_in_url,
    parse_stamp,
    time_in_status_url,
)
from wiredesk.articles.errors import ExtractionError
from wiredesk.articles.htmldates import find_date, reading_dates_in
from wiredesk.articles.htmlmeta import decode_html, parse_page, read_page_meta
from wiredesk.articles.language import detect_language, primary_subtag
from wiredesk.articles.months import date_for_dateline
from wiredesk.articles.placezones import zone_of_place
from wiredesk.articles.pubdate import DateSignal, Reconciled, plausible, reconcile
from wiredesk.articles.text import clean_text, repair_text, word_count
from wiredesk.sources import (
    FormatError,
    WireDocument,
    detect_format,
    parse_newsml,
    parse_nitf,
    parse_plain_text,
)

#: A last paragraph like these is a paywall prompt, not copy: it is dropped and the
#: article marked partial.
PAYWALL_ENDINGS = re.compile(
    r"(subscribe( now| today)? to (continue|read|keep reading|unlock)|to continue reading"
    r"|continue reading (with|for)\b|(this|the rest of this) (article|story) is (only )?"
    r"(for|available to) (subscribers|members)|already a (subscriber|member)\??"
    r"|(sign|log) ?in to (read|continue)|register (now )?to (read|continue)"
    r"|subscribers? only|become a (subscriber|member) to\b|unlock (this|the full) (article|story))"
    r"[^.!?]{0,80}[.!?]?$",
    re.IGNORECASE,
)
#: Copy cut off mid-way: "..." / "…" at the very end.
TRUNCATED_ENDING = re.compile(r"(\.\.\.|\u2026|\[\.\.\.\])\s*$")
#: Text with fewer words than this share of the page's own JSON-LD wordCount is partial.
WORD_COUNT_SHARE = 0.6
#: Fewer words than this is navigation residue, not an article (wire flashes have more).
MIN_WORDS = 5
#: Agencies whose names appear in bylines but are not people.
KNOWN_AGENCIES = {
    "reuters",
    "thomson reuters",
    "ap",
    "associated press",
    "the associated press",
    "afp",
    "agence france-presse",
    "agence france presse",
    "bloomberg",
    "bloomberg news",
    "dpa",
    "tass",
    "xinhua",
    "efe",
    "ansa",
    "kyodo",
    "kyodo news",
    "pti",
    "press trust of india",
    "upi",
    "interfax",
    "anadolu",
    "anadolu agency",
    "yonhap",
    "pa",
    "pa media",
    "aap",
    "cnn wire",
    "staff",
    "staff reports",
    "staff report",
    "wire reports",
    "wire services",
    "news desk",
    "web desk",
}
_ROLE_SUFFIX = re.compile(
    r",?\s*\b(staff (writer|reporter)|senior (writer|reporter|correspondent)|correspondent|"
    r"reporter|contributor|columnist|editor)\b.*$",
    re.IGNORECASE,
)


@dataclass
class Extracted:
    """One article's text and metadata, whatever format it came in."""

    format: str
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: dt.datetime | None = None
    date_source: str | None = None
    published_local: dt.datetime | None = None  # aware, in the offset the source wrote
    utc_offset_minutes: int | None = None  # None when no signal gave an offset
    published_has_time: bool = False  # False when the source gave a date alone
    published_day: dt.date | None = None
    updated_at: dt.datetime | None = None
    language: str | None = None
    sitename: str | None = None
    canonical_url: str | None = None
    description: str | None = None
    dateline: str | None = None
    dateline_date: str | None = None  # the dateline's date as written ("Nov 16", "4 déc.")
    wire_agency: str | None = None
    guid: str | None = None
    version: int = 1
    is_partial: bool = False
    partial_reason: str | None = None
    body_method: str | None = None
    #: Every publication-time signal the document carried, and modification times.
    date_signals: list[DateSignal] = field(default_factory=list)
    modified_signals: list[DateSignal] = field(default_factory=list)
    rejected_dates: list[str] = field(default_factory=list)
    declared_language: str | None = None
    page_word_count: int | None = None

    @property
    def word_count(self) -> int:
        return word_count(self.text)


def clean_authors(names: list[str], agencies: set[str]) -> list[str]:
    """Bylines without "By", roles, e-mail addresses or agency names posing as people."""
    out: list[str] = []
    not_people = {a.lower() for a in agencies if a} | KNOWN_AGENCIES
    for name in names:
        name = repair_text(name)
        for part in re.split(r"\s*(?:,(?!\s*(?:Jr|Sr)\b)|;|\||/|\band\b|&|\bwith\b)\s*", name):
            part = re.sub(r"^\s*(by|words by|written by|from)\s*:?\s+", "", part, flags=re.I)
            part = re.sub(r"\S+@\S+|https?://\S+|@\w+", "", part)
            part = _ROLE_SUFFIX.sub("", part).strip(" .|-\u2013\u2014()")
            part = " ".join(part.split())
            if not part or part.lower() in not_people or len(part.split()) > 5:
                continue
            if not re.search(r"[^\W\d_]", part) or part.isdigit():
                continue
            if part not in out:
                out.append(part)
    return out


def _stamp_of(value: dt.datetime | None, offset_minutes: int | None) -> Stamp | None:
    """A wire format's time, on the clock it was written in."""
    if value is None:
        return None
    return Stamp(at_offset(value, offset_minutes), True, offset_minutes is not None)


def _from_wire(doc: WireDocument, folder_day: dt.date | None) -> Extracted:
    extracted = Extracted(
        format=doc.format,
        text=clean_text(doc.text),
        title=repair_text(doc.title) if doc.title else None,
        authors=doc.authors,
        sitename=doc.sitename,
        description=doc.description,
        dateline=display_place(doc.dateline) if doc.dateline else None,
        wire_agency=doc.agency,
        guid=doc.guid,
        version=doc.version,
        declared_language=doc.language,
    )
    if doc.format in ("newsml", "nitf") and doc.published_at is not None:
        stamp = _stamp_of(doc.published_at, doc.published_offset_minutes)
        extracted.date_signals.append(DateSignal(doc.format, stamp))
    if doc.format == "newsml" and doc.updated_at is not None:
        stamp = _stamp_of(doc.updated_at, doc.updated_offset_minutes)
        extracted.modified_signals.append(DateSignal("newsml", stamp))
    if folder_day is not None:
        midnight = dt.datetime.combine(folder_day, dt.time(), dt.UTC)
        extracted.date_signals.append(DateSignal("folder", Stamp(midnight, False)))
    return extracted


def _from_html(data: bytes, url: str | None, now: dt.datetime) -> Extracted:
    page = decode_html(data)
    tree = parse_page(page)  # one parse for metadata, dates and both body-text passes
    meta = read_page_meta(tree)
    canonical = urljoin(url, meta.canonical_url) if url and meta.canonical_url else None
    extracted = Extracted(
        format="html",
        text="",
        title=repair_text(meta.title) if meta.title else None,
        authors=meta.authors,
        sitename=meta.site_name,
        canonical_url=canonical or meta.canonical_url,
        description=repair_text(meta.description) if meta.description else None,
        wire_agency=meta.source_organization,
        declared_language=meta.language,
        page_word_count=meta.word_count,
    )
    for source, value in meta.published:
        if stamp := parse_stamp(value):
            extracted.date_signals.append(DateSignal(source, stamp))
    for source, value in meta.modified:
        if stamp := parse_stamp(value):
            extracted.modified_signals.append(DateSignal(source, stamp))
    if names_a_revision(url):
        # What the page shows is that revision: it was published when the page was modified.
        extracted.date_signals[:0] = extracted.modified_signals
    day = date_in_url(canonical or url)
    if day is not None:
        midnight = dt.datetime.combine(day, dt.time(), dt.UTC)
        extracted.date_signals.append(DateSignal("url", Stamp(midnight, False)))
    elif posted := time_in_status_url(canonical or url):
        extracted.date_signals.append(DateSignal("url", Stamp(posted, True, True)))
    # htmldate ranks below every signal above and gives only a day, so it can only decide
    # when they are all missing; it is by far the slowest, so it runs only then. It reads
    # scripts too, so it runs before they are dropped for the body passes.
    usable = [s for s in extracted.date_signals if plausible(s.stamp, now) is None]
    if not usable and (stamp := parse_stamp(guess_page_date(tree, url, meta.language))):
        extracted.date_signals.append(DateSignal("htmldate", stamp))
    if tree is not None:
        drop_inert_elements(tree)
    body = extract_body(tree, url, meta.article_body, meta.title, meta.description)
    extracted.text = clean_text("\n".join(body.paragraphs))
    extracted.body_method = body.method
    if meta.accessible_for_free is False:
        extracted.is_partial, extracted.partial_reason = True, "isAccessibleForFree"
    return extracted


#: Wiki revision views (MediaWiki ``index.php?title=X&oldid=N`` or ``&diff=N``).
_REVISION_QUERY = re.compile(r"[?&](?:oldid|diff)=\d+(?:&|$)")


def names_a_revision(url: str | None) -> bool:
    """True for the URL of one revision of a wiki page, not the page itself."""
    return bool(url and _REVISION_QUERY.search(url))


def guess_page_date(
    page: HtmlElement | str | None, url: str | None, language: str | None = None
) -> str | None:
    """htmldate's reading of the page (text, scripts, markup), the weakest page signal,
    with the words of dates read in the page's declared ``language`` and English.
    Given the parsed tree, htmldate works on a copy of it instead of parsing again."""
    if page is None:
        return None
    try:
        with reading_dates_in(language):
            return find_date(page, url=url, original_date=False)  # a day; no reliable time
    except (ValueError, TypeError):
        return None


def _apply_dateline(extracted: Extracted) -> None:
    first = extracted.text.split("\n\n", 1)[0]
    dateline = parse_dateline(first)
    if dateline is None:
        return
    extracted.dateline = extracted.dateline or display_place(dateline.place)
    if dateline.agency:
        # The dateline names the agency that wrote the copy, even on an outlet's page.
        extracted.wire_agency = (
            dateline.agency
            if extracted.format == "html"
            else (extracted.wire_agency or dateline.agency)
        )
    # Dated when reconciled: the year comes from the feed, which only the stage knows.
    extracted.dateline_date = dateline.date_text


def _mark_partial(extracted: Extracted) -> None:
    paragraphs = extracted.text.split("\n\n")
    if len(paragraphs) > 1 and PAYWALL_ENDINGS.search(paragraphs[-1].strip()):
        extracted.text = "\n\n".join(paragraphs[:-1])
        extracted.is_partial, extracted.partial_reason = True, "paywall prompt"
    elif TRUNCATED_ENDING.search(extracted.text):
        extracted.is_partial, extracted.partial_reason = True, "truncated"
    page_words = extracted.page_word_count
    if page_words and extracted.word_count < WORD_COUNT_SHARE * page_words:
        extracted.is_partial = True
        extracted.partial_reason = extracted.partial_reason or "shorter than page word count"


#: Signals trusted to anchor the year of a yearless dateline ("Nov 16").
_YEAR_ANCHORS = ("newsml", "nitf", "json_ld", "html_meta", "html_time", "feed", "url", "folder")


def _reference_day(signals: list[DateSignal], now: dt.datetime) -> dt.date:
    """Year anchor for a yearless dateline: the best plausible firm signal, else the run's
    day."""
    anchors = [s for s in signals if s.source in _YEAR_ANCHORS and plausible(s.stamp, now) is None]
    if not anchors:
        return now.date()
    return min(anchors, key=lambda s: _YEAR_ANCHORS.index(s.source)).stamp.local.date()


def dateline_signal(
    date_text: str | None, signals: list[DateSignal], now: dt.datetime
) -> DateSignal | None:
    """The dateline's day as a date signal, never more than a day after the run's day."""
    if not date_text:
        return None
    latest = (now + dt.timedelta(days=1)).date()
    day = date_for_dateline(date_text, _reference_day(signals, now), latest)
    if day is None:
        return None
    return DateSignal("dateline", Stamp(dt.datetime.combine(day, dt.time(), dt.UTC), False))


def extract(
    data: bytes,
    url: str | None = None,
    fmt: str | None = None,
    folder_day: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Extracted:
    """Extract one article; raises ExtractionError with a class when there is none."""
    now = now or dt.datetime.now(dt.UTC)
    fmt = fmt or detect_format(data, url or "")
    try:
        if fmt == "newsml":
            extracted = _from_wire(parse_newsml(data), None)
        elif fmt == "nitf":
            extracted = _from_wire(parse_nitf(data), None)
        elif fmt == "text":
            extracted = _from_wire(parse_plain_text(data, folder_day), folder_day)
        elif fmt == "html":
            extracted = _from_html(data, url, now)
        else:
            raise ExtractionError("unsupported_format", f"{url}: format {fmt!r} is not supported")
    except FormatError as exc:
        raise ExtractionError(exc.error_class, exc.detail) from None
    if extracted.word_count < MIN_WORDS:
        raise ExtractionError("empty_text", f"{url}: no article text found")
    _apply_dateline(extracted)
    _mark_partial(extracted)
    extracted.authors = clean_authors(
        extracted.authors, {extracted.wire_agency or "", extracted.sitename or ""}
    )
    extracted.language = detect_language(extracted.text, extracted.declared_language)
    extracted.declared_language = primary_subtag(extracted.declared_language)
    apply_dates(extracted, reconcile_signals(extracted, None, now))
    return extracted


def reconcile_signals(
    extracted: Extracted,
    feed_published: dt.datetime | None,
    now: dt.datetime,
    feed_offset_minutes: int | None = None,
) -> Reconciled:
    """Every date signal of the document, plus the feed's, reconciled; the dateline is
    dated here, with the feed's day among the anchors of its year."""
    signals = list(extracted.date_signals)
    if feed_published is not None:
        local = at_offset(feed_published, feed_offset_minutes)
        signals.append(DateSignal("feed", Stamp(local, True, feed_offset_minutes is not None)))
    if dated := dateline_signal(extracted.dateline_date, signals, now):
        signals.append(dated)
    place_zone = zone_of_place(extracted.dateline)
    return reconcile(signals, extracted.modified_signals, now, place_zone=place_zone)


def apply_dates(extracted: Extracted, result: Reconciled) -> None:
    extracted.published_at = result.published_at
    extracted.date_source = result.date_source
    extracted.published_local = result.published_local
    extracted.utc_offset_minutes = result.utc_offset_minutes
    extracted.published_has_time = result.has_time
    extracted.published_day = result.published_day
    extracted.updated_at = result.updated_at
    extracted.rejected_dates = result.rejected


def reconcile_date(
    extracted: Extracted,
    feed_published: dt.datetime | None,
    now: dt.datetime,
    feed_offset_minutes: int | None = None,
) -> tuple[dt.datetime | None, str | None]:
    """Publication time and the signal that gave it, with the feed's date as one signal;
    also updates ``extracted`` (local time and offset, updated_at, rejected dates)."""
    result = reconcile_signals(extracted, feed_published, now, feed_offset_minutes)
    apply_dates(extracted, result)
    return result.published_at, result.date_source
