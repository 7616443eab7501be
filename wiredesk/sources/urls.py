"""URL canonicalisation, so the same story announced twice is one item."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

from courlan import normalize_url

_WEB = ("http", "https")


def canonical_url(url: str) -> str:
    """Normalised form for de-duplication: lower-case scheme and host, no default port,
    no fragment, dot segments resolved, query sorted, tracking parameters removed."""
    if url.startswith("file:"):
        return url
    try:
        normalised = normalize_url(url.strip())
    except (ValueError, AttributeError):
        return url
    parts = urlsplit(normalised)
    path = parts.path or "/"
    if ".." in path or "/./" in path or path.endswith("/."):
        trailing = path.endswith("/")
        path = posixpath.normpath(path)
        path = path + "/" if trailing and not path.endswith("/") else path
    if path == "/" and not parts.query:
        path = ""
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def resolve_link(base: str, link: str) -> str:
    """Make a feed link absolute against the feed's own URL or file."""
    return urljoin(base, link.strip())


def admissible_link(feed_url: str, url: str) -> str | None:
    """Why an announced link must not be followed, or None.

    A remote feed may only point at http(s) pages: a ``file:`` link in it would read this
    machine's files. Local feeds (the sample, a mirror) may point at local files.
    """
    scheme = urlsplit(url).scheme.lower()
    feed_scheme = urlsplit(feed_url).scheme.lower()
    if scheme in _WEB:
        return None
    if scheme == "file" and feed_scheme in ("file", ""):
        return None
    return f"{url}: a {feed_scheme or 'local'} feed may not link to a {scheme or 'relative'} URL"


def is_web_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme.lower() in _WEB and bool(parts.netloc)


def file_url(path: Path) -> str:
    return Path(path).resolve().as_uri()
