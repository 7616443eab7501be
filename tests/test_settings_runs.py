"""A changed delay, contact and check threshold in wiredesk.yaml reach the fetcher, the
User-Agent and the check: through ``materialize()`` and through ``wiredesk ingest``."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from dagster import AssetKey, DagsterEventType, DagsterInstance, materialize

from assets.ingest import feed_items, raw_pages
from pipelines.cli import main
from pipelines.resources import CONFIG_TAG, configured_resource, default_wiredesk_resource
from wiredesk.fetch.loopback import LoopbackServer
from wiredesk.settings import load_settings

DAY = "2026-11-16"
#: Above the default of 1 s, so a run that ignored the file would space requests less.
DELAY = 1.4
CONTACT = "desk@example.org"
PAGES = ("/story-a", "/story-b")
ARTICLE = (
    b"<html><head><title>Harbour cranes return</title></head><body><article><h1>Harbour "
    b"cranes return</h1><p>The port authority said on Monday that two cranes were back in "
    b"service after a month of repairs, and that ships would no longer wait at anchor.</p>"
    b"</article></body></html>"
)


class Site(LoopbackServer):
    """A feed of two stories, one of which is gone (404): half of the source's fetches fail."""

    def __init__(self) -> None:
        super().__init__()
        self.page_starts: list[float] = []
        self.agents: list[str] = []
        items = "".join(
            f"<item><title>{path}</title><link>{self.url(path)}</link><guid>{path}</guid>"
            f"<pubDate>Mon, 16 Nov 2026 {10 + n}:00:00 GMT</pubDate></item>"
            for n, path in enumerate(PAGES)
        )
        feed = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Port</title>'
            f"<link>{self.origin}/</link><description>d</description>{items}</channel></rss>"
        ).encode()
        self.routes["/rss.xml"] = lambda h: h.send_body(200, feed, "application/rss+xml")
        self.routes[PAGES[0]] = self._page

    def record(self, path: str, headers: object) -> None:
        super().record(path, headers)
        if path in PAGES:
            self.page_starts.append(time.monotonic())
            self.agents.append(headers.get("User-Agent", ""))  # type: ignore[attr-defined]

    def _page(self, handler) -> None:  # noqa: ANN001 - http.server's handler
        handler.send_body(200, ARTICLE, "text/html; charset=utf-8")


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as server:
        yield server


def configure(site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **extra: str) -> Path:
    """wiredesk.yaml beside sources.yaml, with the home too: the environment sets nothing."""
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        f"sources:\n  - {{id: port, kind: feed, location: '{site.url('/rss.xml')}'}}\n",
        encoding="utf-8",
    )
    fetch = {
        "contact": CONTACT,
        "min_host_delay_s": str(DELAY),
        "allow_networks": f"['127.0.0.1:{site.port}']",
        "respect_robots": "false",
        "max_retries": "0",
        **extra,
    }
    config = tmp_path / "wiredesk.yaml"
    config.write_text(
        f"home:\n  path: {tmp_path / 'home'}\n  sources: {sources}\n"
        "fetch:\n"
        + "".join(f"  {key}: {value}\n" for key, value in fetch.items())
        + "checks:\n  max_fetch_error_rate: 0.6\n",
        encoding="utf-8",
    )
    monkeypatch.delenv("WIREDESK_HOME", raising=False)
    monkeypatch.setenv("WIREDESK_CONFIG", str(config))
    return config


def assert_the_settings_were_used(site: Site, check_passed: bool, check_metadata: dict) -> None:
    assert len(site.page_starts) == 2
    assert site.page_starts[1] - site.page_starts[0] >= DELAY - 0.05  # the fetcher's delay
    assert all(CONTACT in agent for agent in site.agents)  # the User-Agent
    # One of the source's two pages failed: 50%, above the default 20%, within the file's 60%.
    assert check_passed
    assert check_metadata["max_rate"] == 0.6 and check_metadata["worst_rate"] == 0.5


def check_evaluation(instance: DagsterInstance, run_id: str) -> tuple[bool, dict] | None:
    for entry in instance.all_logs(run_id, of_type=DagsterEventType.ASSET_CHECK_EVALUATION):
        evaluation = entry.dagster_event.event_specific_data
        if evaluation.asset_key == AssetKey("raw_pages"):
            metadata = {key: value.value for key, value in evaluation.metadata.items()}
            return evaluation.passed, metadata
    return None


def test_the_file_reaches_the_fetcher_the_user_agent_and_the_check_through_materialize(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(site, tmp_path, monkeypatch)
    instance = DagsterInstance.ephemeral()
    result = materialize(
        [feed_items, raw_pages],
        partition_key=DAY,
        resources={"wiredesk": default_wiredesk_resource()},
        instance=instance,
    )
    assert result.success
    assert (tmp_path / "home" / "lake" / "raw_pages").is_dir()  # the file's home
    evaluation = check_evaluation(instance, result.run_id)
    assert evaluation is not None
    assert_the_settings_were_used(site, *evaluation)


def test_the_file_reaches_the_fetcher_the_user_agent_and_the_check_through_ingest(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    config = configure(site, tmp_path, monkeypatch)
    status = main(["--config", str(config), "ingest", "--day", DAY])
    out = capsys.readouterr().out
    assert status == 0
    fetch_line = next(line for line in out.splitlines() if line.startswith("fetch: "))
    assert f"contact={CONTACT}" in fetch_line and f"min_host_delay_s={DELAY:g}" in fetch_line
    instance = DagsterInstance.get()
    runs = instance.get_runs()
    assert runs and {run.tags.get(CONFIG_TAG) for run in runs} == {load_settings(config).hash}
    evaluations = [check_evaluation(instance, run.run_id) for run in runs]
    [(passed, metadata)] = [found for found in evaluations if found is not None]
    assert_the_settings_were_used(site, passed, metadata)


def test_an_empty_contact_warns_once_and_strict_mode_refuses(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    config = configure(site, tmp_path, monkeypatch, contact='""', strict_contact="true")
    with pytest.raises(SystemExit) as stopped:
        main(["--config", str(config), "ingest", "--day", DAY])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "fetch.contact is empty and fetch.strict_contact is on" in err
    assert site.hits("/rss.xml") == 0  # nothing was fetched

    configure(site, tmp_path, monkeypatch, contact='""')
    instance = DagsterInstance.ephemeral()
    result = materialize(
        [feed_items, raw_pages],
        partition_key=DAY,
        resources={"wiredesk": default_wiredesk_resource()},
        instance=instance,
    )
    assert result.success
    warnings = [
        entry.user_message
        for entry in instance.all_logs(result.run_id)
        if "fetch.contact is empty" in (entry.user_message or "")
    ]
    assert len(warnings) == 1
    assert all("wiredesk/" in agent and CONTACT not in agent for agent in site.agents)


def test_a_launchpad_value_the_model_refuses_stops_the_run_with_one_line(
    tmp_path: Path,
) -> None:
    # What an operator would type in the UI's launchpad: a negative delay between requests.
    instance = DagsterInstance.ephemeral()
    resource = configured_resource(home=str(tmp_path / "home"), min_host_delay_s=-2.0)
    result = materialize(
        [feed_items],
        partition_key=DAY,
        resources={"wiredesk": resource},
        instance=instance,
        raise_on_error=False,
    )
    assert not result.success
    (failure,) = instance.all_logs(result.run_id, of_type=DagsterEventType.RUN_FAILURE)
    cause = failure.dagster_event.event_specific_data.error.cause  # shown in the UI
    assert cause.cls_name == "SettingsError"
    line = cause.message.removeprefix("wiredesk.settings.load.SettingsError: ").rstrip("\n")
    assert line == (
        "resources.wiredesk.config: fetch.min_host_delay_s: "
        "expected greater than or equal to 0, got -2.0"
    )
    assert not (tmp_path / "home" / "lake").exists()  # nothing ran
    accepted = configured_resource(home=str(tmp_path / "home"), min_host_delay_s=0.0)
    assert accepted.checked().fetch.min_host_delay_s == 0.0
