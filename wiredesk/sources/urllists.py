"""URL lists: one URL a line, ``#`` comments and blank lines ignored."""

from __future__ import annotations

from wiredesk.fetch import errors as E
from wiredesk.sources.items import FeedItem, SourceError
from wiredesk.sources.urls import admissible_link, canonical_url, is_web_url, resolve_link


def parse_url_list(
    data: bytes, list_url: str, source_id: str
) -> tuple[list[FeedItem], list[SourceError]]:
    items: list[FeedItem] = []
    errors: list[SourceError] = []
    text = data.decode("utf-8-sig", errors="replace")
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        url = resolve_link(list_url, entry)
        refusal = admissible_link(list_url, url)
        if refusal or (" " in entry) or not (is_web_url(url) or url.startswith("file:")):
            errors.append(
                SourceError(
                    source_id,
                    list_url,
                    E.SCHEME_BLOCKED if refusal else E.INVALID_URL,
                    f"{list_url}: line {number}: {refusal or f'{entry!r} is not a URL'}",
                )
            )
            continue
        items.append(FeedItem(source_id, url, canonical_url(url), None, None, None))
    return items, errors
