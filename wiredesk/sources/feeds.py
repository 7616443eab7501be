"""RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through feedparser; JSON Feed through ``jsonfeed``.

Before feedparser sees a document it is screened: entity declarations are refused, HTML is
``not_a_feed``, a truncated document keeps only its complete entries (``partial``) and a
huge one its first entries (``too_many_items``), so parsing time stays bounded.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import feedparser
from lxml import etree

from wiredesk.articles import parse_with_offset
from wiredesk.fetch import errors as E
from wiredesk.sources.items import FeedItem, SourceError
from wiredesk.sources.jsonfeed import FeedPage, looks_like_json, read_json_feed
from wiredesk.sources.urls import resolve_link
from wiredesk.sources.xmlsafety import declares_entities, local_name, safe_parser

DEFAULT_MAX_ITEMS = 1000
_FEED_ROOTS = {"rss", "RDF", "feed", "channel"}
_ENTRY_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?(?:item|entry)\s*>")
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_ALTERNATE = re.compile(
    rb"""<link[^>]+type=["']application/(?:rss|atom|feed)\+(?:xml|json)["'][^>]*>""", re.I
)
_HREF = re.compile(rb"""href=["']([^"']+)["']""", re.I)


def _entry_time(entry: feedparser.FeedParserDict) -> tuple[dt.datetime | None, int | None]:
    """The entry's time in UTC (feedparser's reading) and the offset the feed wrote it in,
    when our own reading of the raw value names the same instant."""
    for key, raw in (
        ("published_parsed", "published"),
        ("updated_parsed", "updated"),
        ("created_parsed", "created"),
    ):
        value = entry.get(key)
        if value:
            instant = dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC)
            written, offset = parse_with_offset(entry.get(raw))
            return instant, offset if written == instant else None
    for key in ("published", "updated"):
        parsed, offset = parse_with_offset(entry.get(key))
        if parsed:
            return parsed, offset
    return None, None


def parse_feed(
    data: bytes, feed_url: str, source_id: str, max_items: int = DEFAULT_MAX_ITEMS
) -> tuple[list[FeedItem], list[SourceError]]:
    """Items of one feed document and what went wrong; never raises for bad input."""
    page = read_feed(data, feed_url, source_id, max_items)
    return page.items, page.errors


def read_feed(
    data: bytes, feed_url: str, source_id: str, max_items: int = DEFAULT_MAX_ITEMS
) -> FeedPage:
    """One feed page: items, errors and the RFC 5005 / JSON Feed next page."""

    def failed(error_class: str, reason: str) -> FeedPage:
        return FeedPage(
            errors=[SourceError(source_id, feed_url, error_class, f"{feed_url}: {reason}")]
        )

    if not data.strip():
        return failed(E.EMPTY_CONTENT, "empty feed")
    if looks_like_json(data):
        return read_json_feed(data, feed_url, source_id, max_items)
    if declares_entities(data):
        return failed(E.UNSAFE_XML, "declares XML entities (refused: entity expansion attacks)")
    if _HTML_START.match(data[:4096]):
        return failed(E.NOT_A_FEED, _html_reason(data, feed_url))
    document, notes = _screen(data, max_items)
    if isinstance(document, str):
        return failed(*notes[0]) if notes else failed(E.PARSE_ERROR, document)
    parsed = feedparser.parse(document, resolve_relative_uris=False, sanitize_html=False)
    if not parsed.entries and not parsed.version:
        reason = getattr(parsed, "bozo_exception", None)
        first_line = str(reason).splitlines()[0] if reason else "no feed elements"
        return failed(E.NOT_A_FEED, f"not RSS, Atom or JSON Feed ({first_line})")
    page = FeedPage(flavour=parsed.version or "unknown")
    page.errors.extend(SourceError(source_id, feed_url, c, f"{feed_url}: {r}") for c, r in notes)
    for index, entry in enumerate(parsed.entries):
        published_at, offset = _entry_time(entry)
        page.add_entry(
            source_id,
            feed_url,
            index,
            entry.get("link") or _guid_link(entry),
            guid=entry.get("id") or entry.get("guid") or None,
            title=(entry.get("title") or "").strip() or None,
            published_at=published_at,
            utc_offset_minutes=offset,
            format="html",
        )
    for link in parsed.feed.get("links", []):
        if link.get("rel") == "next" and link.get("href"):
            page.next_url = resolve_link(feed_url, link["href"])
    return page


def _guid_link(entry: feedparser.FeedParserDict) -> str | None:
    """An RSS guid that is a permalink (the default) doubles as the link."""
    guid = entry.get("id")
    if guid and entry.get("guidislink") and guid.startswith(("http://", "https://")):
        return guid
    return None


def _screen(data: bytes, max_items: int) -> tuple[bytes | str, list[tuple[str, str]]]:
    """The bytes feedparser should read (cut to complete entries when needed) and notes.

    Returns a reason string instead of bytes when the document cannot be a feed.
    """
    notes: list[tuple[str, str]] = []
    ends = [m.end() for m in _ENTRY_END.finditer(data)]
    try:
        root = etree.fromstring(data, parser=safe_parser())
    except etree.XMLSyntaxError as exc:
        if not _truncated(data, exc):
            return data, notes  # malformed but maybe readable: feedparser's loose mode decides
        if not ends:
            notes.append((E.PARSE_ERROR, "truncated before its first complete entry"))
            return "truncated", notes
        kept = min(len(ends), max_items)
        notes.append((E.PARTIAL, f"truncated; kept its {kept} complete entries"))
        return _repair(data[: ends[kept - 1]]), notes
    name = local_name(root.tag)
    if name not in _FEED_ROOTS:
        if name in ("urlset", "sitemapindex"):
            return f"a sitemap (<{name}>), not a feed: use kind: sitemap", [
                (E.NOT_A_FEED, f"a sitemap (<{name}>), not a feed: use kind: sitemap")
            ]
        reason = f"root element <{name}> is not RSS or Atom"
        return reason, [(E.NOT_A_FEED, reason)]
    if len(ends) > max_items:
        notes.append((E.TOO_MANY_ITEMS, f"{len(ends)} entries; the first {max_items} were kept"))
        return _repair(data[: ends[max_items - 1]]), notes
    return data, notes


def _truncated(data: bytes, exc: etree.XMLSyntaxError) -> bool:
    """A syntax error at the very end of the bytes: the body was cut, not malformed."""
    if "Premature end of data" in str(exc.msg or exc):
        return True
    line, column = exc.position if exc.position else (0, 0)
    lines = data.count(b"\n") + 1
    last_length = len(data) - data.rfind(b"\n") - 1
    return line > lines or (line == lines and column >= last_length)


def _repair(prefix: bytes) -> bytes:
    """Close what a cut document left open, so a strict parser reads its entries."""
    root = etree.fromstring(prefix, parser=safe_parser(recover=True))
    if root is None:
        return prefix
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def _html_reason(data: bytes, feed_url: str) -> str:
    """Say it is a web page, and where its feed is when it names one."""
    match = _ALTERNATE.search(data[:65536])
    if match:
        href = _HREF.search(match.group(0))
        if href:
            link = resolve_link(feed_url, href.group(1).decode("utf-8", "replace"))
            return f"an HTML page, not a feed (it names its feed: {link})"
    return "an HTML page, not a feed"
