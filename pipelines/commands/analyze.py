"""wiredesk analyze: one article, or JSON lines, through the pipeline's own code."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from pipelines.commands.common import UsageError


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
    from wiredesk.analyze import Document, analyze_document
    from wiredesk.articles import ExtractionError

    if args.jsonl:
        return _analyze_jsonl(args.path, args.batch_size, args.workers)
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
    return 0


def _analyze_jsonl(path: str | None, batch_size: int, workers: int | None) -> int:
    """JSON lines from ``path`` (or stdin), one JSON line out per line in, as batches finish."""
    from wiredesk.workers import worker_count

    try:
        count = worker_count(workers)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if batch_size < 1:
        raise UsageError(f"--batch-size {batch_size} is not a positive number")
    if path in (None, "-"):
        return _write_jsonl(sys.stdin, "stdin", batch_size, count)
    try:
        with open(path, encoding="utf-8", errors="replace") as lines:
            return _write_jsonl(lines, path, batch_size, count)
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory, expected a JSON-lines file") from None


def _write_jsonl(lines: Iterable[str], label: str, batch_size: int, count: int) -> int:
    from wiredesk.analyze import analyze_jsonl

    failures = 0
    for batch in analyze_jsonl(lines, batch_size, count):
        for output in batch:
            if output.warning:
                failures += 1
                print(f"wiredesk: {label} {output.warning}", file=sys.stderr)
            sys.stdout.write(output.line + "\n")
        sys.stdout.flush()
    return 1 if failures else 0


def register(sub: argparse._SubParsersAction) -> None:
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
        help='batch: JSON lines {"id","text"} or {"id","html","url"} from PATH or stdin',
    )
    analyze.add_argument("--batch-size", type=int, default=16, help="articles per worker batch")
    analyze.add_argument(
        "--workers",
        type=int,
        help="worker processes for --jsonl (default $WIREDESK_WORKERS, else the cores available)",
    )
    analyze.add_argument("--compact", action="store_true", help="one-line JSON")
    analyze.set_defaults(func=cmd_analyze)
