"""Shared fixtures: every test gets its own wiredesk home and Dagster home."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

#: Tests that make a step fail want the failure, not the step retries' 30 s and 60 s waits
#: (read when the assets are defined, so set before any test module imports them).
os.environ.setdefault("WIREDESK_STEP_RETRIES", "0")


def imported_on_a_thread(
    imports: str, prepare: str, library: str, thread: str, then: str = ""
) -> str:
    """In a fresh Python: after ``imports``, ``library`` is not loaded; ``prepare()`` starts a
    thread named ``thread`` that loads it. Runs ``then`` after; returns what it printed."""
    code = (
        f"import sys\n{imports}\n"
        f"assert {library!r} not in sys.modules\n"
        f"thread = {prepare}()\n"
        "thread.join()\n"
        f"assert {library!r} in sys.modules and thread.name == {thread!r}\n"
        f"{then}\n"
    )
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert child.returncode == 0, child.stderr
    return child.stdout


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test runs may touch the developer's ./data or ./.dagster."""
    monkeypatch.setenv("WIREDESK_HOME", str(tmp_path / "env-home"))
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster-home"))
    (tmp_path / "dagster-home").mkdir(exist_ok=True)
    os.environ.pop("WIREDESK_SOURCES", None)


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded sample ingested once per session (read it, never write to it)."""
    from tests.sample_warehouse import build_sample

    return build_sample(tmp_path_factory.mktemp("sample-warehouse"))
