"""Shared by every command: one-line errors and plain-text tables."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from typing import Any, NoReturn


class UsageError(Exception):
    """Bad input from the user: reported as one line, exit status 2."""


def fail(message: str, status: int = 2) -> NoReturn:
    print(f"wiredesk: {message}", file=sys.stderr)
    raise SystemExit(status)


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


def parse_day(value: str) -> dt.date:
    """argparse type for YYYY-MM-DD days."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a day (YYYY-MM-DD)") from None
