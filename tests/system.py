"""Programs the tests drive for real (Chromium, PostgreSQL): found, or installed from
Debian's packages on first use, and Chromium started the one way this machine allows."""

from __future__ import annotations

import os
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
    """``find()``'s answer, installing ``package`` with apt-get first when it finds nothing."""
    found = find()
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.fail(f"{package} is not installed and cannot be installed here (needs root + apt)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, capture_output=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", package], check=True, env=env, capture_output=True
    )
    found = find()
    if not found:
        pytest.fail(f"{package} installed but not found")
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
