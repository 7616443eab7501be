"""Has anything new arrived? Asked before a run, so a run with nothing new does nothing.

The sources are read the way a poll reads them, but nothing is admitted: feeds are fetched
conditionally with the validators earlier polls stored (an unchanged feed is a 304),
drop folders are scanned against the ledger (files read before are not opened again),
and each item found is checked against the ledger. What counts as news for a day: an item
no earlier run admitted, or a drop-folder file that is new and broken (it still belongs in
that day's fetch_log). Source-level failures (a feed that is down) are reported, not
counted: retrying them is the scheduled poll's job.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from wiredesk.fetch import Fetcher
from wiredesk.sources.config import Source
from wiredesk.sources.discovery import DiscoverySettings, discover_source, item_day
from wiredesk.sources.items import FeedItem, SourceError
from wiredesk.sources.ledger import Ledger


@dataclass
class PendingWork:
    """New items per day, plus the failures met while looking."""

    new_items: Counter = field(default_factory=Counter)
    #: The new items themselves, for work that can start before the run that takes them in.
    items: list[FeedItem] = field(default_factory=list)
    new_errors: Counter = field(default_factory=Counter)
    failures: list[SourceError] = field(default_factory=list)

    @property
    def days(self) -> list[dt.date]:
        return sorted(set(self.new_items) | set(self.new_errors))


def pending_work(
    sources: Sequence[Source],
    fetcher: Fetcher,
    ledger: Ledger,
    now: dt.datetime | None = None,
    settings: DiscoverySettings | None = None,
) -> PendingWork:
    """What the enabled sources offer that earlier runs have not taken in."""
    now = now or dt.datetime.now(dt.UTC)
    pending = PendingWork()

    def known(item) -> bool:  # noqa: ANN001 - a FeedItem
        return ledger.is_known(item.item_id, item.canonical_url)

    for source in sources:
        if not source.enabled:
            continue
        found = discover_source(source, fetcher, ledger, settings, now, known)
        for item in found.items:
            if not known(item):
                pending.new_items[item_day(item, now)] += 1
                pending.items.append(item)
        for error in found.errors:
            if error.origin_file is not None:  # a drop-folder file read for the first time
                pending.new_errors[error.day or now.date()] += 1
            elif not (source.kind == "dropfolder" and error.url.startswith("file:")):
                pending.failures.append(error)  # (known broken files are in fetch_log)
        for result in found.fetches:
            if not result.ok and not result.not_modified:
                pending.failures.append(
                    SourceError(
                        source.source_id,
                        result.url,
                        result.error_class or "fetch_error",
                        result.detail or f"{result.url}: could not be read",
                    )
                )
    return pending
