"""``python -m wiredesk.settings table|example``: the README table or the example file."""

from __future__ import annotations

import sys

from wiredesk.settings.render import example_file, readme_table


def main(argv: list[str]) -> int:
    what = argv[0] if argv else ""
    if what == "table":
        sys.stdout.write(readme_table())
    elif what == "example":
        sys.stdout.write(example_file())
    else:
        sys.stderr.write("usage: python -m wiredesk.settings table|example\n")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
