"""A real PostgreSQL server for tests: Debian's package, a throw-away cluster on loopback."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.system import debian_package


def _bin_dir() -> Path | None:
    candidates = [shutil.which("pg_ctl"), *sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return Path(candidate).resolve().parent  # beside pg_isready and createdb
    return None


def postgres_bin() -> Path:
    """Where initdb/pg_ctl live; installs Debian's postgresql package when it is missing."""
    return Path(debian_package("postgresql", lambda: str(d) if (d := _bin_dir()) else None))


def _as_postgres(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: drop to the package's system user when root."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


def _run(args: list[str]) -> None:
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail(f"{args[0]} failed: {done.stdout[-1500:]} {done.stderr[-1500:]}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_postgres() -> Iterator[dict[str, object]]:
    """Start a cluster on a free loopback port; stop it and delete it on exit.

    The cluster lives in its own folder directly under the system temporary folder: the
    server's user must reach it, and pytest keeps its own temporary tree private.
    """
    binaries = postgres_bin()
    base = Path(tempfile.mkdtemp(prefix="wiredesk-pg-"))
    data, sockets = base / "pgdata", base / "pgsock"
    sockets.mkdir()
    os.chmod(base, 0o755)
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sockets, "postgres")
    port = _free_port()
    initdb = [str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]
    _run(_as_postgres([*initdb, "-E", "UTF8"]))
    options = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={sockets}"
    log = str(base / "postgres.log")
    _run(
        _as_postgres(
            [str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-l", log, "-w", "start"]
        )
    )
    try:
        deadline = time.monotonic() + 30
        address = ["-h", "127.0.0.1", "-p", str(port)]
        while (
            subprocess.run([str(binaries / "pg_isready"), *address], capture_output=True).returncode
            != 0
        ):
            if time.monotonic() > deadline:
                pytest.fail("PostgreSQL did not accept connections")
            time.sleep(0.3)
        _run([str(binaries / "createdb"), *address, "-U", "postgres", "dagster"])
        yield {
            "hostname": "127.0.0.1",
            "port": port,
            "username": "postgres",
            "password": "",
            "db_name": "dagster",
        }
    finally:
        subprocess.run(
            _as_postgres([str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)
