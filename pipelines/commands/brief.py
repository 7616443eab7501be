"""wiredesk brief: the day's brief as one self-contained HTML page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines.commands.common import UsageError, parse_day


def cmd_brief(args: argparse.Namespace) -> int:
    import duckdb

    from wiredesk.aggregates import gather, render_brief
    from wiredesk.store import connect_readonly, home_dir

    try:
        con = connect_readonly(home_dir(args.home))
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    try:
        day = args.day or con.execute("SELECT max(day) FROM articles").fetchone()[0]
        if day is None:
            raise UsageError("the warehouse has no articles yet; run `wiredesk ingest`")
        data = gather(con, day, include_sources=args.with_sources)
    except duckdb.Error as exc:
        raise UsageError(f"brief failed: {' '.join(str(exc).split())}") from None
    finally:
        con.close()
    if not data.totals.get("articles"):
        print(f"wiredesk: note: no articles on {day}", file=sys.stderr)
    html = render_brief(data)
    if args.out:
        out = Path(args.out)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(html, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{out}: {exc.strerror or exc}") from None
        print(f"brief for {day}: {out.resolve()}")
    else:
        sys.stdout.write(html)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    brief = sub.add_parser(
        "brief",
        help="the daily brief as a self-contained HTML page",
        description="Volume, top entities and risers, quote of the day and co-occurrence.",
    )
    brief.add_argument("--day", type=parse_day, help="day, YYYY-MM-DD (default: newest)")
    brief.add_argument("--out", help="write to this HTML file (default: stdout)")
    brief.add_argument(
        "--with-sources",
        action="store_true",
        help="keep the archive's own agencies and outlets in the entity lists (left out by "
        "default: they name who filed the story)",
    )
    brief.add_argument("--home", help="data folder (default $WIREDESK_HOME or ./data)")
    brief.set_defaults(func=cmd_brief)
