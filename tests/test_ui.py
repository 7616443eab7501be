"""The Dagster UI as an operator sees it: `dagster dev` for real, its GraphQL API, Chromium."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.system import run_chromium

ASSETS = {
    "feed_items",
    "raw_pages",
    "articles",
    "entity_mentions",
    "quotes",
    "entities",
    "daily_source_volume",
    "daily_entity_mentions",
    "daily_speaker_quotes",
    "daily_entity_pairs",
}

LOCATION_QUERY = """
{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus
  locationOrLoadError {
    ... on RepositoryLocation { repositories { jobs { name } schedules { name } sensors { name }
      assetNodes { assetKey { path } description kinds
        assetChecksOrError { ... on AssetChecks { checks { name } } } } } }
    ... on PythonError { message } } } } } }
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def graphql(url: str, query: str) -> dict:
    request = urllib.request.Request(
        f"{url}/graphql",
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def dagster_ui(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("ui")
    port = free_port()
    env = dict(os.environ, DAGSTER_HOME=str(home / "dagster"), WIREDESK_HOME=str(home / "data"))
    (home / "dagster").mkdir()
    log = open(home / "dagster-dev.log", "w")  # noqa: SIM115 - closed in teardown
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("dagster")),
            "dev",
            "-w",
            "workspace.yaml",
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                entries = graphql(url, LOCATION_QUERY)["data"]["workspaceOrError"]
                if entries["locationEntries"][0]["loadStatus"] == "LOADED":
                    break
            except (OSError, KeyError, IndexError, TypeError, ValueError):
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail(
                    "dagster dev did not come up:\n"
                    + (home / "dagster-dev.log").read_text()[-3000:]
                )
            time.sleep(1)
        # What clicking "Skip" on the first-visit community dialog does, so it hides nothing.
        graphql(url, "mutation { setNuxSeen }")
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        log.close()


def test_location_loads_with_every_asset_check_schedule_and_sensor(dagster_ui: str) -> None:
    entry = graphql(dagster_ui, LOCATION_QUERY)["data"]["workspaceOrError"]["locationEntries"][0]
    assert entry["name"] == "wiredesk"
    (repo,) = entry["locationOrLoadError"]["repositories"]
    nodes = {"/".join(n["assetKey"]["path"]): n for n in repo["assetNodes"]}
    assert ASSETS <= set(nodes)
    for name in ASSETS:
        assert nodes[name]["description"], name
        assert nodes[name]["kinds"], name
        assert nodes[name]["assetChecksOrError"]["checks"], name
    assert "daily_ingest" in {j["name"] for j in repo["jobs"]}
    assert {s["name"] for s in repo["schedules"]} >= {"daily_ingest_schedule"}
    assert {s["name"] for s in repo["sensors"]} >= {"drop_folder_sensor"}


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # The asset groups page lists every group of the pipeline.
        ("/asset-groups", ["ingest", "articles", "entities", "quotes", "aggregates"]),
        # An asset's page shows its description, its kinds, its columns and its checks.
        (
            "/assets/quotes",
            ["Direct, partial and indirect quotations", "parquet", "speaker_mention", "Checks"],
        ),
    ],
)
def test_pages_render_in_chromium(
    dagster_ui: str, tmp_path: Path, page: str, expected: list[str]
) -> None:
    shot = tmp_path / (page.strip("/").replace("/", "-") + ".png")
    profile, wait = tmp_path / "profile", "--virtual-time-budget=20000"
    dom = run_chromium(profile, wait, "--dump-dom", dagster_ui + page, check=False)
    assert [text for text in expected if text not in dom.stdout] == []
    run_chromium(profile, wait, f"--screenshot={shot}", dagster_ui + page)
    assert shot.exists() and shot.stat().st_size > 10_000
