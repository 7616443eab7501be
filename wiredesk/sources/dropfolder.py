"""Wire drop folders: every file an item, its format found from its content.

Agencies deliver files into folders, often one per day (``2026-11-16/``). A file's day is
its own date when it has one, else its folder's name, else its modification time.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from wiredesk.sources.items import FeedItem, SourceError
from wiredesk.sources.urls import file_url
from wiredesk.sources.wireformats import (
    FormatError,
    detect_format,
    looks_binary,
    parse_newsml,
    parse_nitf,
    parse_plain_text,
)

SUFFIXES = {".xml", ".nitf", ".newsml", ".html", ".htm", ".txt", ".text"}
_DAY_FOLDER = re.compile(r"\d{4}-\d{2}-\d{2}")


def folder_day(path: Path) -> dt.date | None:
    """The day named by the nearest ``YYYY-MM-DD`` folder above the file."""
    for parent in path.parents:
        if _DAY_FOLDER.fullmatch(parent.name):
            try:
                return dt.date.fromisoformat(parent.name)
            except ValueError:
                return None
    return None


def list_files(root: Path) -> list[Path]:
    """Files the folder offers, in a stable order; hidden and partial files skipped."""
    if not root.is_dir():
        return []
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
        and p.suffix.lower() in SUFFIXES
    )


def scan_file(path: Path, source_id: str) -> FeedItem | SourceError:
    """Read one dropped file's identity and date (the body is read again by raw_pages)."""
    url = file_url(path)
    day = folder_day(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return SourceError(source_id, url, "read_error", f"{path}: {exc.strerror or exc}", day)
    fallback = day or dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).date()
    if not data.strip():
        return SourceError(source_id, url, "empty_content", f"{path}: empty file", fallback)
    if looks_binary(data):
        return SourceError(source_id, url, "binary_content", f"{path}: binary file", fallback)
    kind = detect_format(data, path.name)
    try:
        if kind == "newsml":
            doc = parse_newsml(data)
        elif kind == "nitf":
            doc = parse_nitf(data)
        elif kind == "text":
            doc = parse_plain_text(data, day)
        elif kind == "html":
            return FeedItem(source_id, url, url, None, None, _midnight(fallback), "html")
        else:
            raise FormatError(
                "malformed_xml" if kind == "xml" else "unsupported_format",
                f"{path}: not a NewsML-G2, NITF, HTML or text document",
            )
    except FormatError as exc:
        detail = exc.detail if str(path) in exc.detail else f"{path}: {exc.detail}"
        return SourceError(source_id, url, exc.error_class, detail, fallback)
    published = doc.published_at or _midnight(fallback)
    return FeedItem(
        source_id=source_id,
        url=url,
        canonical_url=url,
        guid=doc.guid,
        title=doc.title,
        published_at=published,
        format=kind,
        version=doc.version,
    )


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def scan_folder(root: Path, source_id: str) -> tuple[list[FeedItem], list[SourceError]]:
    items: list[FeedItem] = []
    errors: list[SourceError] = []
    if not root.is_dir():
        return [], [SourceError(source_id, str(root), "not_found", f"{root}: no such folder")]
    for path in list_files(root):
        result = scan_file(path, source_id)
        (items if isinstance(result, FeedItem) else errors).append(result)
    return items, errors
