"""The ``wiredesk`` command. Bad input is one line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from pipelines.commands import analyze, brief, feed, ingest, search, sql
from pipelines.commands.common import UsageError, fail

#: Sub-commands in the order ``--help`` lists them.
COMMANDS = [analyze, ingest, sql, search, brief, feed]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wiredesk",
        description="News-wire copy into a warehouse of articles, quotes and entities.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(sub)
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
