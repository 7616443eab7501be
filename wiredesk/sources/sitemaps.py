"""XML sitemaps and Google News sitemaps: one item per <url>."""

from __future__ import annotations

from lxml import etree

from wiredesk.dates import parse_datetime
from wiredesk.sources.items import FeedItem, SourceError
from wiredesk.sources.urls import canonical_url, resolve_link


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def parse_sitemap(
    data: bytes, sitemap_url: str, source_id: str
) -> tuple[list[FeedItem], list[SourceError]]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        return [], [
            SourceError(
                source_id, sitemap_url, "malformed_xml", f"{sitemap_url}: malformed sitemap: {exc}"
            )
        ]
    items: list[FeedItem] = []
    for node in root:
        if _local(node.tag) != "url":
            continue
        fields = {}
        for child in node.iter():
            name = _local(child.tag)
            if name in ("loc", "lastmod", "publication_date", "title") and child.text:
                fields.setdefault(name, child.text.strip())
        if "loc" not in fields:
            continue
        url = resolve_link(sitemap_url, fields["loc"])
        items.append(
            FeedItem(
                source_id=source_id,
                url=url,
                canonical_url=canonical_url(url),
                guid=None,
                title=fields.get("title"),
                published_at=parse_datetime(
                    fields.get("publication_date") or fields.get("lastmod")
                ),
            )
        )
    return items, []
