"""URL canonicalisation, so the same story announced twice is one item."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from courlan import normalize_url


def canonical_url(url: str) -> str:
    """Normalised form (scheme/host case, default port, tracking parameters removed)."""
    if url.startswith("file:"):
        return url
    try:
        return normalize_url(url, strict=True)
    except (ValueError, AttributeError):
        return url


def resolve_link(base: str, link: str) -> str:
    """Make a feed link absolute against the feed's own URL or file."""
    return urljoin(base, link.strip())


def file_url(path: Path) -> str:
    return Path(path).resolve().as_uri()
