"""XML sitemaps: sitemap indexes, url sets, gzip files and Google News sitemaps.

A news site's sitemap lists years of URLs; a poll only wants what is new. Entries (and
child sitemaps) whose date is older than the recent window are skipped, undated ones are
kept and left to de-duplication.
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass, field

from lxml import etree

from wiredesk.articles import parse_datetime, parse_with_offset
from wiredesk.fetch import errors as E
from wiredesk.sources.items import FeedItem, SourceError
from wiredesk.sources.urls import admissible_link, canonical_url, resolve_link
from wiredesk.sources.xmlsafety import declares_entities, local_name, safe_parser

DEFAULT_RECENT_DAYS = 2.0
GZIP_MAGIC = b"\x1f\x8b"
MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit, uncompressed


@dataclass
class SitemapPage:
    items: list[FeedItem] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    children: list[str] = field(default_factory=list)  # child sitemaps of an index
    skipped_old: int = 0


def gunzip_capped(data: bytes, cap: int = MAX_SITEMAP_BYTES) -> bytes:
    """Decompress a ``.xml.gz`` sitemap, refusing to grow past ``cap``."""
    decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
    out = decompressor.decompress(data, cap + 1)
    if len(out) > cap:
        raise ValueError(f"decompresses past the {cap}-byte cap")
    return out


def read_sitemap(
    data: bytes,
    sitemap_url: str,
    source_id: str,
    now: dt.datetime | None = None,
    recent_days: float | None = DEFAULT_RECENT_DAYS,
) -> SitemapPage:
    """One sitemap document; ``recent_days=None`` keeps every entry."""
    page = SitemapPage()

    def fail(error_class: str, reason: str) -> SitemapPage:
        page.errors.append(
            SourceError(source_id, sitemap_url, error_class, f"{sitemap_url}: {reason}")
        )
        return page

    if data.startswith(GZIP_MAGIC):
        try:
            data = gunzip_capped(data)
        except ValueError as exc:
            return fail(E.DECOMPRESSION_CAP, str(exc))
        except zlib.error as exc:
            return fail(E.DECODING_ERROR, f"corrupt gzip ({exc})")
    if not data.strip():
        return fail(E.EMPTY_CONTENT, "empty sitemap")
    if declares_entities(data):
        return fail(E.UNSAFE_XML, "declares XML entities (refused: entity expansion attacks)")
    try:
        root = etree.fromstring(data, parser=safe_parser())
    except etree.XMLSyntaxError as exc:
        return fail(E.PARSE_ERROR, f"not a well-formed sitemap ({exc.msg})")
    cutoff = None
    if recent_days is not None:
        cutoff = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=recent_days)
    kind = local_name(root.tag)
    if kind == "sitemapindex":
        for node in root:
            fields = _fields(node)
            if local_name(node.tag) != "sitemap" or "loc" not in fields:
                continue
            if _is_old(fields.get("lastmod"), cutoff):
                page.skipped_old += 1
                continue
            page.children.append(resolve_link(sitemap_url, fields["loc"]))
        return page
    if kind != "urlset":
        return fail(E.NOT_A_FEED, f"root element <{kind}> is not a sitemap")
    for node in root:
        fields = _fields(node)
        if local_name(node.tag) != "url" or "loc" not in fields:
            continue
        published, offset = parse_with_offset(
            fields.get("publication_date") or fields.get("lastmod")
        )
        if cutoff is not None and published is not None and published < cutoff:
            page.skipped_old += 1
            continue
        url = resolve_link(sitemap_url, fields["loc"])
        refusal = admissible_link(sitemap_url, url)
        if refusal:
            page.errors.append(SourceError(source_id, url, E.SCHEME_BLOCKED, refusal))
            continue
        page.items.append(
            FeedItem(
                source_id=source_id,
                url=url,
                canonical_url=canonical_url(url),
                guid=None,
                title=fields.get("title"),
                published_at=published,
                utc_offset_minutes=offset,
            )
        )
    return page


def parse_sitemap(
    data: bytes, sitemap_url: str, source_id: str
) -> tuple[list[FeedItem], list[SourceError]]:
    """Every entry of one url set (no recent filter), and what went wrong."""
    page = read_sitemap(data, sitemap_url, source_id, recent_days=None)
    return page.items, page.errors


def _fields(node: etree._Element) -> dict[str, str]:
    """loc, lastmod and the Google News publication_date and title of one entry."""
    fields: dict[str, str] = {}
    for child in node.iter():
        name = local_name(child.tag)
        if name in ("loc", "lastmod", "publication_date", "title") and child.text:
            fields.setdefault(name, child.text.strip())
    return fields


def _is_old(lastmod: str | None, cutoff: dt.datetime | None) -> bool:
    if cutoff is None or not lastmod:
        return False
    when = parse_datetime(lastmod)
    return when is not None and when < cutoff
