"""Metadata pages state outright (JSON-LD, Open Graph, meta tags, <time>), read before guessing."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction
from trafilatura.utils import HTML_PARSER, decode_file, load_html

#: Meta tags (name or property, lower-cased) that carry the publication time, best first.
PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "date",
    "article.published",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
)
MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "lastmod",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
ARTICLE_TYPES = {
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "LiveBlogPosting",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
}


@dataclass
class PageMeta:
    canonical_url: str | None = None
    title: str | None = None
    site_name: str | None = None
    description: str | None = None
    #: (signal, raw value) pairs, best first: "json_ld" then "html_meta" then "html_time".
    published: list[tuple[str, str]] = field(default_factory=list)
    modified: list[tuple[str, str]] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    source_organization: str | None = None
    article_body: str | None = None
    word_count: int | None = None
    accessible_for_free: bool | None = None
    language: str | None = None

    @property
    def published_value(self) -> str | None:
        return self.published[0][1] if self.published else None


def _json_ld_objects(tree: Any) -> list[dict]:
    found: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text_content() or "").strip()
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # control characters and trailing commas are common in the wild
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)
            except ValueError:
                continue
        stack = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                found.append(node)
                if "@graph" in node:
                    stack.append(node["@graph"])
    return found


def _names(value: Any, people_only: bool = False) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        if people_only and _types(value) & {"Organization", "NewsMediaOrganization"}:
            return []  # an agency credited as author is not a byline
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item, people_only)]
    return []


def _types(obj: dict) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {str(v).rsplit("/", 1)[-1] for v in values if v}


def _as_bool(value: Any) -> bool | None:
    if value is None:
        return None
    return str(value).strip().lower() not in ("false", "0", "no", "https://schema.org/false")


def _string(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return (
        str(value).strip() if isinstance(value, str | int | float) and str(value).strip() else None
    )


def _meta_values(tree: Any) -> dict[str, str]:
    """First non-empty content of every <meta name|property|itemprop>, keyed lower-case."""
    values: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = node.get("property") or node.get("name") or node.get("itemprop")
        content = node.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), content.strip())
    return values


def _read_json_ld(tree: Any, meta: PageMeta) -> None:
    for obj in _json_ld_objects(tree):
        types = _types(obj)
        if not types & ARTICLE_TYPES:
            if types & {"WebSite", "Organization", "NewsMediaOrganization"} and not meta.site_name:
                if "WebSite" in types:
                    meta.site_name = _string(obj.get("name"))
            continue
        if value := _string(obj.get("datePublished")):
            meta.published.insert(0, ("json_ld", value))
        elif value := _string(obj.get("dateCreated")):
            meta.published.append(("json_ld", value))
        if value := _string(obj.get("dateModified")):
            meta.modified.insert(0, ("json_ld", value))
        meta.title = meta.title or _string(obj.get("headline"))
        meta.description = meta.description or _string(obj.get("description"))
        meta.authors = meta.authors or _names(obj.get("author"), people_only=True)
        publisher = next(iter(_names(obj.get("publisher"))), None)
        meta.site_name = meta.site_name or publisher
        meta.source_organization = meta.source_organization or next(
            iter(_names(obj.get("sourceOrganization"))), None
        )
        meta.language = meta.language or _string(obj.get("inLanguage"))
        body = obj.get("articleBody")
        if isinstance(body, str) and body.strip() and not meta.article_body:
            meta.article_body = body
        count = _string(obj.get("wordCount"))
        if count and count.isdigit():
            meta.word_count = int(count)
        free = _as_bool(obj.get("isAccessibleForFree"))
        parts = obj.get("hasPart")
        for part in parts if isinstance(parts, list) else [parts]:
            if isinstance(part, dict) and _as_bool(part.get("isAccessibleForFree")) is False:
                free = False  # a paywalled section of the page (schema.org's paywall markup)
        if free is not None:
            previous = meta.accessible_for_free
            meta.accessible_for_free = free if previous is None else previous and free


def _page_title(title: str | None, site_name: str | None) -> str | None:
    """<title> without the " | Site" or " - Site" tail most sites append."""
    if not title:
        return None
    parts = re.split(r"\s+[|\u2013\u2014-]\s+", title)
    if len(parts) > 1 and (site_name is None or site_name.lower() in parts[-1].lower()):
        return " - ".join(parts[:-1]).strip() or title
    return title.strip()


def decode_html(data: bytes | str) -> str:
    """Text of a page: its declared or detected encoding, never a silent Latin-1 guess."""
    text = data if isinstance(data, str) else decode_file(data)
    # lxml refuses str input that still declares a byte encoding.
    return _XML_DECLARATION.sub("", text, count=1)


def _classes_looked_up_in_c() -> None:
    """The parser trafilatura parses pages with gives each element its Python class through
    lxml.html's lookup, a call into Python for every element a walk of the tree touches
    (800,000 calls for 190 real pages, about 5% of their extraction), only to give forms and
    inputs classes of their own that nothing reads. Here every element is an
    ``HtmlElement``, its class found in C; the text extracted is the same."""
    HTML_PARSER.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=HtmlElement,
            comment=HtmlComment,
            pi=HtmlProcessingInstruction,
            entity=HtmlEntity,
        )
    )


_classes_looked_up_in_c()


def parse_page(data: bytes | str) -> HtmlElement | None:
    """The page's tree, parsed the way trafilatura parses it (so one parse serves metadata,
    body text and dates alike); None when it is not HTML at all."""
    try:
        return load_html(decode_html(data))
    except (ValueError, TypeError, etree.ParserError):
        return None


def read_page_meta(page: bytes | str | HtmlElement | None) -> PageMeta:
    """What the page states outright; reads the tree only, never changes it."""
    meta = PageMeta()
    tree = page if isinstance(page, HtmlElement) or page is None else parse_page(page)
    if tree is None:
        return meta
    _read_json_ld(tree, meta)
    values = _meta_values(tree)

    def first(xpath: str) -> str | None:
        found = [v.strip() for v in tree.xpath(xpath) if isinstance(v, str) and v.strip()]
        return found[0] if found else None

    meta.canonical_url = first('//link[@rel="canonical"]/@href') or values.get("og:url")
    meta.title = (
        values.get("og:title")
        or meta.title
        or values.get("twitter:title")
        or first("//h1//text()")
        or _page_title(first("//title/text()"), meta.site_name or values.get("og:site_name"))
    )
    meta.site_name = values.get("og:site_name") or meta.site_name or values.get("application-name")
    meta.description = values.get("og:description") or meta.description or values.get("description")
    for key in PUBLISHED_META:
        if key in values:
            meta.published.append(("html_meta", values[key]))
    for key in MODIFIED_META:
        if key in values:
            meta.modified.append(("html_meta", values[key]))
    for node in tree.xpath(
        '//*[@itemprop="datePublished"][@datetime or @content]'
        "|//time[@pubdate][@datetime]|//article//time[@datetime]"
    ):
        value = node.get("datetime") or node.get("content")
        if value and value.strip():
            meta.published.append(("html_time", value.strip()))
            break
    if not meta.authors:
        author = values.get("author") or values.get("article:author") or values.get("byl")
        if author and not author.startswith("http"):
            meta.authors = [author]
    meta.language = (
        first("//html/@lang")
        or values.get("content-language")
        or meta.language
        or (values.get("og:locale") or "").replace("_", "-")
        or None
    )
    return meta
