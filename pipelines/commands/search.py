"""wiredesk search: ranked full-text hits over articles (or quotes) in the warehouse."""

from __future__ import annotations

import argparse

from pipelines.commands.common import UsageError, parse_day


def cmd_search(args: argparse.Namespace) -> int:
    import duckdb

    from wiredesk.aggregates import search
    from wiredesk.store import connect_readonly, home_dir

    if not args.text.strip():
        raise UsageError("search: empty query")
    if args.date_from and args.date_to and args.date_to < args.date_from:
        raise UsageError(f"--to {args.date_to} is before --from {args.date_from}")
    if args.limit < 1:
        raise UsageError(f"--limit {args.limit}: must be at least 1")
    try:
        con = connect_readonly(home_dir(args.home))
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    kind = "quote" if args.quotes else "article"
    try:
        hits = search(con, args.text, kind, args.date_from, args.date_to, args.limit)
    except duckdb.Error as exc:
        raise UsageError(f"search failed: {' '.join(str(exc).split())}") from None
    finally:
        con.close()
    if not hits:
        print(f'no {kind}s match "{args.text}"')
        return 1
    for hit in hits:
        when = hit.published_at.strftime("%Y-%m-%d %H:%M") if hit.published_at else str(hit.day)
        if kind == "quote":
            who = hit.speaker or "(unattributed)"
            print(f"{hit.rank:>2}. {hit.score:6.2f}  {when}  {hit.source_id}  {who}")
            print(f"    \u201c{hit.snippet}\u201d")
            print(f"    in: {hit.title}")
        else:
            print(f"{hit.rank:>2}. {hit.score:6.2f}  {when}  {hit.source_id}  {hit.title}")
            print(f"    {hit.snippet}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    search = sub.add_parser(
        "search",
        help="full-text search over articles or quotes, best first",
        description="Rank articles (or quotes, with --quotes) for a query with BM25.",
    )
    search.add_argument("text", help="the words to look for")
    search.add_argument("--quotes", action="store_true", help="search quotes, not articles")
    search.add_argument("--from", dest="date_from", type=parse_day, help="first day")
    search.add_argument("--to", dest="date_to", type=parse_day, help="last day")
    search.add_argument("--limit", type=int, default=10, help="hits to print (default 10)")
    search.add_argument("--home", help="data folder (default $WIREDESK_HOME or ./data)")
    search.set_defaults(func=cmd_search)
