"""wiredesk feed: what wiredesk sees in a feed or sitemap, as JSON lines."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wiredesk.fetch import Fetcher
    from wiredesk.sources import DiscoverySettings


def cmd_feed(args: argparse.Namespace) -> int:
    from wiredesk.fetch import Fetcher, FetchSettings
    from wiredesk.sources import DiscoverySettings

    try:
        settings = FetchSettings(
            contact=args.contact or "",
            timeout_s=args.timeout,
            min_host_delay_s=0.0,
            allow_networks=tuple(args.allow or ()),
            respect_robots=not args.ignore_robots,
        )
        fetcher = Fetcher(settings)
    except ValueError as exc:
        print(f"wiredesk: feed: {exc}", file=sys.stderr)
        return 2
    discovery = DiscoverySettings(
        max_pages=args.pages, recent_days=None if args.all else args.recent_days
    )
    try:
        with fetcher:
            failed = _print_feeds(args.locations, fetcher, discovery)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader (head, less) stopped early: not an error
        sys.stderr.close()
        return 0
    return 1 if failed else 0


def _print_feeds(locations: list[str], fetcher: Fetcher, discovery: DiscoverySettings) -> int:
    """Print every location's items; returns how many locations gave nothing usable."""
    from wiredesk.articles import at_offset
    from wiredesk.sources import read_location

    failed = 0
    for location in locations:
        found = read_location(location, fetcher, discovery)
        for result in found.fetches:
            if not result.ok:
                print(
                    f"wiredesk: feed {location}: {result.error_class}: {result.detail}",
                    file=sys.stderr,
                )
        for error in found.errors:
            print(
                f"wiredesk: feed {location}: {error.error_class}: {error.detail}",
                file=sys.stderr,
            )
        for item in found.items:
            published = (
                at_offset(item.published_at, item.utc_offset_minutes) if item.published_at else None
            )
            record = {
                "feed": location,
                "url": item.url,
                "guid": item.guid,
                "title": item.title,
                "published": published.isoformat() if published else None,  # feed's own offset
            }
            print(json.dumps(record, ensure_ascii=False))
        if not found.items and (found.errors or any(not r.ok for r in found.fetches)):
            failed += 1
    return failed


def register(sub: argparse._SubParsersAction) -> None:
    feed = sub.add_parser(
        "feed",
        help="show the items of feeds or sitemaps as JSON lines",
        description="Parse each feed (RSS, Atom, JSON Feed) or sitemap, local or remote, and "
        "print one JSON line per item: feed, url, guid, title, published. A feed that cannot "
        "be read is one line on stderr; the others still print.",
    )
    feed.add_argument("locations", nargs="+", metavar="PATH_OR_URL", help="feeds or sitemaps")
    feed.add_argument("--pages", type=int, default=1, help="feed pages to follow (default 1)")
    feed.add_argument(
        "--recent-days",
        type=float,
        default=2.0,
        help="sitemap entries newer than this many days (default 2)",
    )
    feed.add_argument("--all", action="store_true", help="every sitemap entry, however old")
    feed.add_argument("--timeout", type=float, default=20.0, help="deadline per request, s")
    feed.add_argument("--contact", help="e-mail or URL sent in the User-Agent")
    feed.add_argument("--ignore-robots", action="store_true", help="do not read robots.txt")
    feed.add_argument(
        "--allow",
        action="append",
        metavar="ADDRESS",
        help="let the SSRF guard through to this address, network or address:port "
        "(a feed on this machine or the local network); repeatable",
    )
    feed.set_defaults(func=cmd_feed)
