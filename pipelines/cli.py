"""The ``wiredesk`` command: analyze, ingest, sql. Bad input is one line on stderr."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn


class UsageError(Exception):
    """Bad input from the user: reported as one line, exit status 2."""


def fail(message: str, status: int = 2) -> NoReturn:
    print(f"wiredesk: {message}", file=sys.stderr)
    raise SystemExit(status)


# -- analyze ------------------------------------------------------------------------------
def _read_input(path: str | None, url: str | None) -> tuple[bytes, str | None]:
    if url and not path:
        from wiredesk.fetch import Fetcher

        with Fetcher() as fetcher:
            result = fetcher.fetch(url)
        if not result.ok:
            raise UsageError(result.detail or f"{url}: could not be read")
        return result.content, result.final_url
    if path in (None, "-"):
        return sys.stdin.buffer.read(), url
    try:
        return Path(path).read_bytes(), url or Path(path).resolve().as_uri()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory, expected an article file") from None
    except OSError as exc:
        raise UsageError(f"{path}: {exc.strerror or exc}") from None


def cmd_analyze(args: argparse.Namespace) -> int:
    from wiredesk.analyze import Document, analyze_document, analyze_extracted, extract_document
    from wiredesk.extract import ExtractionError

    if args.jsonl:
        return _analyze_jsonl(args.batch_size)
    data, url = _read_input(args.path, args.url)
    label = args.path or args.url or "stdin"
    if not data.strip():
        raise UsageError(f"{label}: empty input")
    try:
        result = analyze_document(Document(data, url, force_html=args.html))
    except ExtractionError as exc:
        raise UsageError(f"{label}: {exc.error_class}: {exc.detail}") from None
    json.dump(result, sys.stdout, ensure_ascii=False, indent=None if args.compact else 2)
    sys.stdout.write("\n")
    del analyze_extracted, extract_document
    return 0


def _analyze_jsonl(batch_size: int) -> int:
    from wiredesk.analyze import Document, analyze_extracted, extract_document
    from wiredesk.extract import ExtractionError

    failures = 0

    def flush(batch: list[tuple[Any, Any]]) -> None:
        good = [(key, item) for key, item in batch if not isinstance(item, str)]
        analysed = iter(analyze_extracted([item for _key, item in good]))
        for key, item in batch:
            if isinstance(item, str):
                record = {"id": key, "error": item}
            else:
                record = {"id": key, **next(analysed)}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    batch: list[tuple[Any, Any]] = []
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            failures += 1
            print(f"wiredesk: stdin line {number}: not a JSON object: {exc}", file=sys.stderr)
            batch.append((None, f"line {number}: not a JSON object"))
            continue
        key = record.get("id", number)
        try:
            if isinstance(record.get("html"), str):
                doc = Document(record["html"].encode("utf-8"), record.get("url"), True)
            elif isinstance(record.get("text"), str):
                doc = Document(record["text"].encode("utf-8"), record.get("url"))
            else:
                raise ExtractionError("missing_field", "needs a 'text' or 'html' string")
            batch.append((key, extract_document(doc)))
        except ExtractionError as exc:
            failures += 1
            print(f"wiredesk: stdin line {number} (id {key}): {exc.detail}", file=sys.stderr)
            batch.append((key, f"{exc.error_class}: {exc.detail}"))
        if len(batch) >= batch_size:
            flush(batch)
            batch = []
    if batch:
        flush(batch)
    return 1 if failures else 0


# -- ingest -------------------------------------------------------------------------------
def _parse_day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a day (YYYY-MM-DD)") from None


def cmd_ingest(args: argparse.Namespace) -> int:
    from wiredesk.config import home_dir, sources_file
    from wiredesk.sources.config import SourcesError, load_sources

    sources_path = sources_file(args.sources)
    try:
        load_sources(sources_path)
    except SourcesError as exc:
        raise UsageError(str(exc)) from None
    from pipelines.runner import available_days, ingest_days

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
        days = available_days(sources_path)
        if not days:
            raise UsageError(f"{sources_path}: the sources offer no items")
    home = home_dir(args.home)
    print(f"wiredesk ingest: {len(days)} day(s) {days[0]} .. {days[-1]} into {home}")
    report = ingest_days(days, home=str(home), sources=str(sources_path), progress=print)
    print_summary(home, [d.isoformat() for d in days])
    return 0 if report else 1


def print_summary(home: Path, days: Sequence[str]) -> None:
    from wiredesk.warehouse import memory_connection, warehouse_path

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


# -- sql ----------------------------------------------------------------------------------
def print_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = 60) -> None:
    def cell(value: Any) -> str:
        text = "NULL" if value is None else str(value)
        text = " ".join(text.split())
        return text if len(text) <= max_width else text[: max_width - 1] + "\u2026"

    body = [[cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in body]) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in body:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)))
    print(f"({len(body)} row{'s' if len(body) != 1 else ''})")


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    from wiredesk.config import home_dir
    from wiredesk.warehouse import connect_readonly

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


# -- entry point --------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wiredesk",
        description="News-wire copy into a warehouse of articles, quotes and entities.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    analyze = sub.add_parser(
        "analyze",
        help="analyse one article (text or HTML) and print JSON",
        description="Analyse one article with the pipeline's own code.",
    )
    analyze.add_argument("path", nargs="?", help="article file, or - for stdin (default)")
    analyze.add_argument("--html", action="store_true", help="treat the input as HTML")
    analyze.add_argument("--url", help="the article's URL (fetched when no PATH is given)")
    analyze.add_argument(
        "--jsonl",
        action="store_true",
        help='batch: JSON lines {"id","text"} or {"id","html","url"} on stdin',
    )
    analyze.add_argument("--batch-size", type=int, default=32, help="articles per NER batch")
    analyze.add_argument("--compact", action="store_true", help="one-line JSON")
    analyze.set_defaults(func=cmd_analyze)

    ingest = sub.add_parser(
        "ingest",
        help="fetch and process days into the warehouse",
        description="Materialise the pipeline in-process for days.",
    )
    ingest.add_argument("--sources", help="sources file (default ./sources.yaml)")
    ingest.add_argument("--home", help="data folder (default $WIREDESK_HOME or ./data)")
    ingest.add_argument("--day", type=_parse_day, help="one day, YYYY-MM-DD")
    ingest.add_argument("--from", dest="date_from", type=_parse_day, help="first day")
    ingest.add_argument("--to", dest="date_to", type=_parse_day, help="last day")
    ingest.set_defaults(func=cmd_ingest)

    sql = sub.add_parser(
        "sql",
        help="run a read-only query against the warehouse",
        description="Run SQL read-only against wiredesk.duckdb.",
    )
    sql.add_argument("query", help="the SQL, or - to read it from stdin")
    sql.add_argument("--home", help="data folder (default $WIREDESK_HOME or ./data)")
    sql.add_argument("--limit", type=int, default=100, help="rows to print (default 100)")
    sql.set_defaults(func=cmd_sql)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted", 130)


if __name__ == "__main__":
    raise SystemExit(main())
