"""Wire document formats: detection, and parsing of NewsML-G2, NITF and plain-text copy.

HTML goes through trafilatura in ``wiredesk.articles.extraction``; the agency formats carry their
metadata in fields, so they are read directly.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from lxml import etree

from wiredesk.articles import date_for_dateline, parse_dateline, parse_with_offset

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"


class FormatError(ValueError):
    """The bytes are not a readable document of the format they claim to be."""

    def __init__(self, error_class: str, detail: str) -> None:
        super().__init__(detail)
        self.error_class = error_class
        self.detail = detail


@dataclass
class WireDocument:
    """What a wire format tells about one story, before any text processing."""

    format: str
    title: str | None = None
    guid: str | None = None
    version: int = 1
    published_at: dt.datetime | None = None  # UTC
    updated_at: dt.datetime | None = None  # UTC
    #: The UTC offsets those times were written in (minutes); None when none was given.
    published_offset_minutes: int | None = None
    updated_offset_minutes: int | None = None
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    agency: str | None = None
    language: str | None = None
    sitename: str | None = None
    description: str | None = None
    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


_BINARY_MAGIC = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"RIFF",
    b"OggS",
    b"\x00\x00\x01\x00",
    b"BM",
)
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32))


def looks_binary(data: bytes) -> bool:
    """Not text in any encoding: a known binary signature, NUL bytes or many control bytes
    in the first KiB. Text in a legacy 8-bit encoding is still text."""
    head = data[:1024]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark
        return False
    if head.startswith(_BINARY_MAGIC[:-1]) or (head.startswith(b"BM") and b"\x00" in head[:16]):
        return True
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls > max(2, len(head) // 20)


def detect_format(data: bytes, name: str = "") -> str:
    """newsml, nitf, html, text, feed or unknown, from content first and name second."""
    if looks_binary(data):
        return "unknown"
    head = data[:4096].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if b"<newsitem" in head or b"<newsmessage" in head:
        return "newsml"
    if b"<nitf" in head:
        return "nitf"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if b"<html" in head or b"<!doctype html" in head or b"<body" in head:
        return "html"
    if head.startswith(b"<?xml") or head.startswith(b"<"):
        lower = name.lower()
        if lower.endswith((".html", ".htm")):
            return "html"
        return "xml"
    if name.lower().endswith((".html", ".htm")):
        return "html"
    return "text"


def _xml(data: bytes, label: str) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        reason = re.sub(r"(, line \d+)+, column \d+.*$", "", str(exc.msg or exc))
        where = f"line {exc.position[0]}" if exc.position else "unknown position"
        raise FormatError("malformed_xml", f"{label}: malformed XML at {where}: {reason}") from None


def _text(node: etree._Element | None) -> str | None:
    if node is None:
        return None
    value = " ".join("".join(node.itertext()).split())
    return value or None


def _paragraphs(nodes: list[etree._Element]) -> list[str]:
    out = []
    for node in nodes:
        value = re.sub(r"[ \t\r\n]+", " ", "".join(node.itertext())).strip()
        if value:
            out.append(value)
    return out


def _byline(value: str | None) -> list[str]:
    if not value:
        return []
    cleaned = re.sub(r"^\s*by\s+", "", value, flags=re.IGNORECASE)
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", cleaned)
    return [p.strip() for p in parts if p.strip()]


def parse_newsml(data: bytes) -> WireDocument:
    root = _xml(data, "NewsML-G2")
    ns = {"n": NAR, "h": XHTML}
    item = root if etree.QName(root).localname == "newsItem" else root.find(".//n:newsItem", ns)
    if item is None:
        raise FormatError("unsupported_format", "NewsML-G2: no newsItem element")
    meta = item.find("n:itemMeta", ns)
    content_meta = item.find("n:contentMeta", ns)
    provider = meta.find("n:provider", ns) if meta is not None else None
    doc = WireDocument(format="newsml")
    doc.guid = item.get("guid")
    doc.version = int(item.get("version") or 1)
    if meta is not None:
        first = parse_with_offset(_text(meta.find("n:firstCreated", ns)))
        doc.published_at, doc.published_offset_minutes = first
        doc.updated_at, doc.updated_offset_minutes = parse_with_offset(
            _text(meta.find("n:versionCreated", ns))
        )
    if provider is not None:
        doc.agency = provider.get("literal") or _text(provider)
    if content_meta is not None:
        doc.title = _text(content_meta.find("n:headline", ns))
        doc.authors = _byline(_text(content_meta.find("n:by", ns)))
        located = content_meta.find("n:located/n:name", ns)
        doc.dateline = _text(located)
        lang = content_meta.find("n:language", ns)
        doc.language = lang.get("tag") if lang is not None else None
        doc.description = _text(content_meta.find("n:description", ns))
        creator = content_meta.find("n:creator", ns)
        if creator is not None and not doc.agency:
            doc.agency = creator.get("literal")
    body = item.findall(".//n:inlineXML//h:body//h:p", ns) or item.findall(
        ".//n:inlineXML//n:p", ns
    )
    if not body:
        body = [el for el in item.iter() if etree.QName(el).localname == "p"]
    doc.paragraphs = _paragraphs(body)
    if doc.published_at is None:
        doc.published_at, doc.published_offset_minutes = doc.updated_at, doc.updated_offset_minutes
    doc.sitename = doc.agency
    return doc


def parse_nitf(data: bytes) -> WireDocument:
    root = _xml(data, "NITF")
    doc = WireDocument(format="nitf")
    doc_id = root.find(".//docdata/doc-id")
    doc.guid = doc_id.get("id-string") if doc_id is not None else None
    du_key = root.find(".//docdata/du-key")
    if du_key is not None and (du_key.get("version") or "").isdigit():
        doc.version = int(du_key.get("version"))
    issue = root.find(".//docdata/date.issue")
    if issue is not None:
        doc.published_at, doc.published_offset_minutes = parse_with_offset(issue.get("norm"))
    story_date = root.find(".//dateline/story.date")
    if doc.published_at is None and story_date is not None:
        doc.published_at, doc.published_offset_minutes = parse_with_offset(story_date.get("norm"))
    doc.title = _text(root.find(".//hedline/hl1")) or _text(root.find("head/title"))
    doc.authors = _byline(_text(root.find(".//byline")))
    doc.dateline = _text(root.find(".//dateline/location"))
    pubdata = root.find(".//pubdata")
    doc.agency = pubdata.get("name") if pubdata is not None else None
    doc.sitename = doc.agency
    abstract = root.find(".//abstract")
    doc.description = _text(abstract)
    doc.paragraphs = _paragraphs(root.findall(".//body.content//p"))
    lang = root.get("{http://www.w3.org/XML/1998/namespace}lang")
    doc.language = lang
    return doc


def parse_plain_text(data: bytes, folder_day: dt.date | None = None) -> WireDocument:
    """Headline, optional "By" line, blank line, paragraphs; date from dateline + folder."""
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raw = data.decode("latin-1")
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", raw) if b.strip()]
    doc = WireDocument(format="text")
    if not blocks:
        return doc
    if len(blocks) > 1 and parse_dateline(blocks[0]) is None:
        # A header: the headline block, then optional short "By ..." blocks.
        head_lines = [line.strip() for line in blocks[0].split("\n") if line.strip()]
        doc.title = head_lines[0]
        header_rest = head_lines[1:]
        blocks = blocks[1:]
        while blocks and re.match(r"by\s", blocks[0], re.IGNORECASE) and len(blocks[0]) < 120:
            header_rest.append(blocks.pop(0))
        for line in header_rest:
            if line.lower().startswith("by "):
                doc.authors = _byline(line)
    doc.paragraphs = [" ".join(b.split()) for b in blocks]
    if doc.paragraphs:
        dateline = parse_dateline(doc.paragraphs[0])
        if dateline:
            doc.dateline = dateline.place
            doc.agency = dateline.agency
            if folder_day and dateline.date_text:
                # The year nearest the folder's day ("Dec 31" filed on 1 January is last
                # year's); the run's own ceiling applies when the article is dated.
                day = date_for_dateline(dateline.date_text, folder_day, dt.date.max)
                if day:
                    doc.published_at = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    if doc.published_at is None and folder_day is not None:
        doc.published_at = dt.datetime(
            folder_day.year, folder_day.month, folder_day.day, tzinfo=dt.UTC
        )
    if doc.title is None and doc.paragraphs:
        doc.title = doc.paragraphs[0][:120]
    doc.sitename = doc.agency
    return doc
