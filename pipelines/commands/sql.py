"""wiredesk sql: a read-only query against the warehouse, printed as a table."""

from __future__ import annotations

import argparse
import sys

from pipelines.commands.common import UsageError, print_table


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    from wiredesk.store import connect_readonly, home_dir

    query = args.query if args.query != "-" else sys.stdin.read()
    try:
        con = connect_readonly(home_dir(args.home))
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    try:
        cursor = con.execute(query)
        if cursor.description is None:
            print("ok")
            return 0
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchmany(args.limit + 1)
    except duckdb.Error as exc:
        message = " ".join(str(exc).split())
        raise UsageError(f"query failed: {message}") from None
    finally:
        con.close()
    print_table(columns, rows[: args.limit])
    if len(rows) > args.limit:
        print(f"(first {args.limit} rows shown; use --limit)")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    sql = sub.add_parser(
        "sql",
        help="run a read-only query against the warehouse",
        description="Run SQL read-only against wiredesk.duckdb.",
    )
    sql.add_argument("query", help="the SQL, or - to read it from stdin")
    sql.add_argument("--home", help="data folder (default $WIREDESK_HOME or ./data)")
    sql.add_argument("--limit", type=int, default=100, help="rows to print (default 100)")
    sql.set_defaults(func=cmd_sql)
