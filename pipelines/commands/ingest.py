"""wiredesk ingest: materialise days in-process and report what was done."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines.commands.common import UsageError, parse_day, print_table

if TYPE_CHECKING:
    from wiredesk.sources import PendingWork


def cmd_ingest(args: argparse.Namespace) -> int:
    from wiredesk.fetch import FetchSettings
    from wiredesk.settings import current
    from wiredesk.sources import SourcesError, load_sources
    from wiredesk.store import home_dir, sources_file

    sources_path = sources_file(args.sources)
    try:
        sources = load_sources(sources_path)
    except SourcesError as exc:
        raise UsageError(str(exc)) from None
    fetch = FetchSettings.configured()
    loaded = current()
    where = loaded.path if loaded.file_found else "defaults and environment"
    print(f"settings: {where} (hash {loaded.hash})")
    print(f"fetch: {fetch.summary()}")
    notice = fetch.contact_notice(s.location for s in sources if s.enabled)
    if notice and fetch.require_contact:
        raise UsageError(f"{sources_path}: {notice}")
    if notice:
        print(f"warning: {notice}")
    home = home_dir(args.home)
    if args.day:
        days = [args.day]
    elif args.date_from or args.date_to:
        if not (args.date_from and args.date_to):
            raise UsageError("--from and --to go together")
        if args.date_to < args.date_from:
            raise UsageError(f"--to {args.date_to} is before --from {args.date_from}")
        span = (args.date_to - args.date_from).days
        days = [args.date_from + dt.timedelta(days=i) for i in range(span + 1)]
    else:
        return ingest_new(sources, sources_path, args.home)
    from pipelines.runner import ingest_days

    print(f"wiredesk ingest: {len(days)} day(s) {days[0]} .. {days[-1]} into {home}")
    report = ingest_days(days, home=str(home), sources=str(sources_path), progress=print)
    print_summary(home, [d.isoformat() for d in days])
    return 0 if report else 1


def ingest_new(sources: list, sources_path: Path, home_arg: str | None) -> int:
    """Without days: what is new, and whatever is out of date, and nothing else.

    Deciding needs no pipeline definitions (the build log keeps the stage graph), so a run
    with nothing to do costs a look at the sources and a stat of the lake.
    """
    from wiredesk.fetch import Fetcher, FetchSettings
    from wiredesk.sources import Ledger, pending_work
    from wiredesk.store import local_home

    state = local_home(home_arg) / "state"
    with Fetcher(FetchSettings.configured(state)) as fetcher, Ledger(state) as ledger:
        pending = pending_work(sources, fetcher, ledger)
    for failure in pending.failures:
        print(f"warning: {failure.error_class}: {failure.detail}")
    from wiredesk.early_pages import pages_extracted_early
    from wiredesk.warm_ups import warm_up_for
    from wiredesk.workers import stage_workers

    # New items are articles to extract: the workers start loading their models now, while
    # the plan is made and Dagster is imported and set up (else ``run_plan`` starts them),
    # and then extract the new drop-folder files, before the run has stored them.
    early = warm_up_for(["articles"]) if sum(pending.new_items.values()) else None
    with stage_workers(warm_up=early) if early else nullcontext():
        with pages_extracted_early(pending.items):
            return _plan_and_run(pending, sources_path, home_arg)


def _plan_and_run(pending: PendingWork, sources_path: Path, home_arg: str | None) -> int:
    """``ingest_new`` once the sources were read: the plan, then its runs."""
    from pipelines.code_stamp import code_stamp
    from wiredesk.store import BuildLog, Lake, home_dir, local_home, plan

    home, state = home_dir(home_arg), local_home(home_arg) / "state"
    lake = Lake(home)
    days = sorted(set(lake.days("feed_items")) | set(pending.days))
    if not days:
        raise UsageError(f"{sources_path}: the sources offer no items")
    log = BuildLog(state)
    graph = log.graph
    if not graph or log.code != code_stamp():  # first run, or the pipeline's code changed
        from pipelines.runner import stage_graph

        graph = stage_graph()
    work = plan(lake, graph, log, days, pending.days)
    new = sum(pending.new_items.values()) + sum(pending.new_errors.values())
    if work.empty:
        print(f"wiredesk ingest: nothing new in {sources_path}; {len(days)} day(s) up to date")
        print_summary(home, [d.isoformat() for d in days])
        return 0
    busy = [day for day, stages in work.daily.items() if stages]
    print(
        f"wiredesk ingest: {new} new item(s); rebuilding {len(busy)} day(s)"
        f"{' and the cross-day tables' if work.cross_day else ''} in {home}"
    )
    from pipelines.runner import run_plan

    run_plan(work, home=str(home), sources=str(sources_path), progress=print)
    print_summary(home, [d.isoformat() for d in (busy or days)])
    return 0


def print_summary(home: Path, days: Sequence[str]) -> None:
    from wiredesk.store import memory_connection, warehouse_path

    con = memory_connection(home)
    rows = con.execute(
        """
        SELECT d.day,
               (SELECT count(*) FROM articles a WHERE a.day = d.day) AS articles,
               (SELECT count(*) FROM quotes q WHERE q.day = d.day) AS quotes,
               (SELECT count(DISTINCT m.entity_id) FROM entity_mentions m
                 WHERE m.day = d.day) AS entities,
               (SELECT count(*) FROM fetch_log f WHERE f.day = d.day
                 AND f.status = 'error') AS errors
        FROM (SELECT unnest($days)::DATE AS day) AS d
        ORDER BY d.day
        """,
        {"days": list(days)},
    ).fetchall()
    print()
    print_table(["day", "articles", "quotes", "entities", "errors"], rows)
    total = con.execute("SELECT count(*) FROM entities").fetchone()[0]
    failures = con.execute(
        """SELECT day, stage, error_class, detail FROM fetch_log
           WHERE status = 'error' AND day IN (SELECT unnest($days)::DATE)
           ORDER BY day, stage, url""",
        {"days": list(days)},
    ).fetchall()
    con.close()
    if failures:
        print(f"\n{len(failures)} input(s) could not be used (all in fetch_log):")
        for day, stage, error_class, detail in failures:
            print(f"  {day}  {stage:<10}  {error_class:<15}  {detail}")
    print(f"\n{total} entities linked across all days.")
    print(f"Warehouse: {warehouse_path(home)}")
    print('  query:  wiredesk sql "SELECT * FROM quotes_with_speakers LIMIT 10"')
    print(f"  or:     duckdb -readonly {warehouse_path(home)}")
    print("  UI:     make dev   (then open http://127.0.0.1:3000)")


def register(sub: argparse._SubParsersAction) -> None:
    ingest = sub.add_parser(
        "ingest",
        help="fetch and process days into the warehouse",
        description="Materialise the pipeline in-process. Without days, only what is new "
        "since the last run (new items, and stages whose inputs changed) is built; with "
        "--day or --from/--to, those days are rebuilt whole.",
    )
    ingest.add_argument("--sources", help="sources file (default home.sources: ./sources.yaml)")
    ingest.add_argument("--home", help="data folder (default $WIREDESK_HOME or ./data)")
    ingest.add_argument(
        "--day", type=parse_day, help="rebuild one day, YYYY-MM-DD (default: only what is new)"
    )
    ingest.add_argument("--from", dest="date_from", type=parse_day, help="first day")
    ingest.add_argument("--to", dest="date_to", type=parse_day, help="last day")
    ingest.set_defaults(func=cmd_ingest)
