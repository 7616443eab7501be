"""feed_items and raw_pages through Dagster against a loopback site: classes in fetch_log,
counts per class in the metadata, and an unchanged feed costing one 304 on the next run."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from dagster import DagsterInstance, materialize

from assets.ingest import feed_items, raw_pages
from pipelines.resources import WiredeskResource
from wiredesk.fetch.loopback import LoopbackServer
from wiredesk.store.lake import Lake

DAY = "2026-11-16"


def feed(site: LoopbackServer) -> bytes:
    entries = "".join(
        f"<item><title>{path}</title><link>{site.url(path)}</link><guid>g{path}</guid>"
        f"<pubDate>Mon, 16 Nov 2026 {10 + n}:00:00 GMT</pubDate></item>"
        for n, path in enumerate(
            ["/page", "/gzip-page", "/png-as-html", "/missing", "/to-metadata"]
        )
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback</title>'
        f"<link>{site.origin}/</link><description>d</description>{entries}</channel></rss>"
    ).encode()


@pytest.fixture
def site() -> Iterator[LoopbackServer]:
    with LoopbackServer() as server:
        server.add_conditional("/rss.xml", feed(server), '"feed-v1"', "application/rss+xml")
        yield server


def run(site: LoopbackServer, home: Path, sources: Path):  # noqa: ANN201 - Dagster result
    resource = WiredeskResource(
        home=str(home),
        sources_file=str(sources),
        http_timeout_s=3.0,
        min_host_delay_s=0.0,
        max_retries=0,
        allow_networks=[f"127.0.0.1:{site.port}"],
    )
    return materialize(
        [feed_items, raw_pages],
        partition_key=DAY,
        resources={"wiredesk": resource},
        instance=DagsterInstance.ephemeral(),
    )


def test_loopback_site_through_the_assets(site: LoopbackServer, home: Path, tmp_path: Path) -> None:
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        f"sources:\n  - {{id: loop, kind: feed, location: '{site.url('/rss.xml')}'}}\n"
    )
    first = run(site, home, sources)
    assert first.success
    lake = Lake(home)
    items = lake.read("feed_items", DAY).to_pylist()
    pages = lake.read("raw_pages", DAY).to_pylist()
    log = lake.read("fetch_log", DAY).to_pylist()
    assert len(items) == 5
    assert sorted(p["url"].removeprefix(site.origin) for p in pages) == ["/gzip-page", "/page"]
    classes = {r["url"].removeprefix(site.origin): r["error_class"] for r in log}
    assert classes["/png-as-html"] == "not_html"
    assert classes["/missing"] == "not_found"
    assert classes["/to-metadata"] == "ssrf_blocked"
    assert classes["/rss.xml"] is None
    metadata = first.asset_materializations_for_node("raw_pages")[0].metadata
    counts = metadata["fetch_log_classes"].value
    assert counts == {"not_found": 1, "not_html": 1, "ok": 2, "ssrf_blocked": 1}

    feed_requests = site.hits("/rss.xml")
    second = run(site, home, sources)
    assert second.success
    assert site.hits("/rss.xml") == feed_requests + 1  # one conditional request ...
    last_feed_request = [h for p, h in site.requests if p == "/rss.xml"][-1]
    assert last_feed_request.get("If-None-Match") == '"feed-v1"'
    again = lake.read("feed_items", DAY).to_pylist()
    assert again == items  # ... and nothing new written
    feed_log = lake.read("fetch_log", DAY, part="feed_items").to_pylist()
    assert [(r["status"], r["http_status"]) for r in feed_log] == [("not_modified", 304)]
    feed_meta = second.asset_materializations_for_node("feed_items")[0].metadata
    assert feed_meta["partition_unchanged"].value is True
