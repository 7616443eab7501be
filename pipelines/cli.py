"""The ``wiredesk`` command. Bad input is one line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from pipelines.commands import analyze, brief, config, feed, ingest, search, sql
from pipelines.commands.common import UsageError, fail

#: Sub-commands in the order ``--help`` lists them.
COMMANDS = [analyze, ingest, sql, search, brief, feed, config]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wiredesk",
        description="News-wire copy into a warehouse of articles, quotes and entities.",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="settings file (default $WIREDESK_CONFIG, else wiredesk.yaml beside sources.yaml)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from wiredesk.settings import SettingsError, current

    if args.config:  # for this process and the step processes it starts
        os.environ["WIREDESK_CONFIG"] = os.path.abspath(args.config)
    try:
        current()  # a settings file that does not validate stops every command here
        return int(args.func(args) or 0)
    except (UsageError, SettingsError) as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted", 130)


if __name__ == "__main__":
    raise SystemExit(main())
