"""wiredesk config: the settings in force, and where each value came from."""

from __future__ import annotations

import argparse
import json

from pipelines.commands.common import print_table


def cmd_config(args: argparse.Namespace) -> int:
    from wiredesk.settings import current, effective_rows

    loaded = current()
    rows = effective_rows(loaded)
    if args.json:
        print(
            json.dumps(
                {
                    "file": str(loaded.path),
                    "file_found": loaded.file_found,
                    "hash": loaded.hash,
                    "settings": rows,
                },
                indent=2,
            )
        )
        return 0
    found = "" if loaded.file_found else " (not found: defaults and environment only)"
    print(f"settings file: {loaded.path}{found}")
    print(f"hash: {loaded.hash}  (the wiredesk/config_hash tag of runs using these settings)\n")
    table = [(row["key"], json.dumps(row["value"]), _origin(row)) for row in rows]
    print_table(["setting", "value", "from"], table, max_width=80)
    return 0


def _origin(row: dict) -> str:
    """``file`` (its path heads the table, so no long path is cut), ``env NAME`` or
    ``default``."""
    return row["source"] if row["source"] == "file" else f"{row['source']} {row['where']}".strip()


def register(sub: argparse._SubParsersAction) -> None:
    config = sub.add_parser(
        "config",
        help="print the settings in force and where each came from",
        description="Print the effective settings: defaults, then wiredesk.yaml (beside "
        "sources.yaml, or $WIREDESK_CONFIG), then WIREDESK_* environment variables.",
    )
    config.add_argument("--json", action="store_true", help="print JSON for tools")
    config.set_defaults(func=cmd_config)
