"""Programs the tests drive for real (Chromium, PostgreSQL), and Chromium started the one
way this machine allows. The tests install nothing: ``make test-deps`` does, before them."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

#: Headless, and nothing that reaches for the network on its own.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def debian_package(package: str, find: Callable[[], str | None]) -> str:
    """``find()``'s answer; a test that needs a program the machine lacks fails with what to
    install (``make test-deps`` installs every one of them)."""
    found = find()
    if not found:
        pytest.fail(
            f"{package} is not installed: run `make test-deps` "
            f"(or `apt-get install {package}`) before the tests"
        )
    return found


def chromium() -> str:
    return debian_package("chromium", lambda: shutil.which("chromium"))


def run_chromium(
    profile: Path, *args: str, window: str = "1400,900", check: bool = True
) -> subprocess.CompletedProcess:
    """One headless Chromium run with a fresh profile folder."""
    return subprocess.run(
        [
            chromium(),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--window-size={window}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=check,
    )
