"""Measured work in a process of its own, so peak memory is that work's alone."""

from __future__ import annotations

import json
import subprocess
import sys

#: The line a child prints its measurements on, as JSON.
PREFIX = "RESULT "


def report(result: dict) -> None:
    """Called in the child: hand the measurements to the parent."""
    print(PREFIX + json.dumps(result))


def run_child(module: str, *args: str) -> dict:
    """Run ``python -m module args...`` and return what it reported."""
    done = subprocess.run(
        [sys.executable, "-m", module, *args], capture_output=True, text=True, check=False
    )
    for line in done.stdout.splitlines():
        if line.startswith(PREFIX):
            return json.loads(line[len(PREFIX) :])
    raise RuntimeError(f"{module} {' '.join(args)} failed:\n{done.stderr[-3000:]}")
