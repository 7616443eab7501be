"""The ``wiredesk`` command. Bad input is one line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
import atexit
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

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


def console() -> NoReturn:
    """The ``wiredesk`` script: ``main``, then the process ends without taking the interpreter
    apart. By then every file is written and closed, output is flushed below and the exit
    handlers have run; what teardown would add is freeing, one by one, the objects of the
    models, the Dagster definitions and the tables read (about a second after an ingest),
    which the system frees at once when the process ends."""
    try:
        code = main()
    except SystemExit as exc:
        code = exc.code
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    status = 0 if code is None else int(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):
            status = status or 120  # what Python exits with when it cannot flush stdout
    atexit._run_exitfuncs()  # noqa: SLF001 - the handlers os._exit would skip
    os._exit(status)


if __name__ == "__main__":
    console()
