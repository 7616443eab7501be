"""Metadata pages state outright (JSON-LD, Open Graph, meta tags), read before guessing."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html


@dataclass
class PageMeta:
    canonical_url: str | None = None
    title: str | None = None
    site_name: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    article_body: str | None = None
    accessible_for_free: bool | None = None
    language: str | None = None


def _json_ld_objects(tree: Any) -> list[dict]:
    found: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                found.append(node)
                if "@graph" in node:
                    stack.append(node["@graph"])
    return found


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


ARTICLE_TYPES = {
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BlogPosting",
    "WebPage",
}


def read_page_meta(data: bytes | str) -> PageMeta:
    meta = PageMeta()
    try:
        tree = lxml_html.fromstring(data)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return meta

    def first(xpath: str) -> str | None:
        values = [v.strip() for v in tree.xpath(xpath) if isinstance(v, str) and v.strip()]
        return values[0] if values else None

    meta.canonical_url = first('//link[@rel="canonical"]/@href') or first(
        '//meta[@property="og:url"]/@content'
    )
    meta.title = first('//meta[@property="og:title"]/@content')
    meta.site_name = first('//meta[@property="og:site_name"]/@content')
    meta.published = first('//meta[@property="article:published_time"]/@content') or first(
        '//meta[@itemprop="datePublished"]/@content'
    )
    meta.modified = first('//meta[@property="article:modified_time"]/@content')
    author = first('//meta[@name="author"]/@content')
    meta.language = first("//html/@lang")
    for obj in _json_ld_objects(tree):
        types = obj.get("@type")
        types = set(types) if isinstance(types, list) else {types}
        if not types & ARTICLE_TYPES:
            continue
        meta.published = meta.published or obj.get("datePublished")
        meta.modified = meta.modified or obj.get("dateModified")
        meta.title = meta.title or obj.get("headline")
        meta.authors = meta.authors or _names(obj.get("author"))
        meta.site_name = meta.site_name or next(iter(_names(obj.get("publisher"))), None)
        body = obj.get("articleBody")
        if isinstance(body, str) and body.strip():
            meta.article_body = body
        free = obj.get("isAccessibleForFree")
        if free is not None:
            meta.accessible_for_free = str(free).lower() not in ("false", "0", "no")
    if not meta.authors and author:
        meta.authors = [author]
    return meta
