"""The fetch layer against a loopback server that plays every fault, and the SSRF guard."""

import ipaddress
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from wiredesk.fetch import FEED, Fetcher, FetchError, FetchSettings
from wiredesk.fetch.errors import ERROR_CLASSES
from wiredesk.fetch.guard import AddressPolicy, blocked_reason, literal_address, static_resolver
from wiredesk.fetch.loopback import HTML_PAGE, LoopbackServer
from wiredesk.stages import fetch_pages

CAP = 1024 * 1024


@pytest.fixture(scope="module")
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as srv:
        yield srv


def settings_for(*servers: LoopbackServer, **changes: object) -> FetchSettings:
    """Tight limits so every fault ends within a few seconds. The read timeout is above the
    drip's one-byte-a-second pace: only the total deadline can stop a drip."""
    base = FetchSettings(
        timeout_s=2.0,
        connect_timeout_s=0.5,
        read_timeout_s=1.2,
        max_bytes=CAP,
        min_host_delay_s=0.0,
        max_retries=1,
        backoff_base_s=0.05,
        allow_networks=tuple(f"127.0.0.1:{s.port}" for s in servers),
    )
    return replace(base, **changes)


@pytest.fixture
def fetcher(server: LoopbackServer) -> Iterator[Fetcher]:
    with Fetcher(settings_for(server)) as f:
        yield f


def test_good_pages_redirects_and_encodings(server: LoopbackServer, fetcher: Fetcher) -> None:
    for path in ("/page", "/to-page", "/gzip-page", "/br-page"):
        result = fetcher.fetch(server.url(path))
        assert result.ok, (path, result.detail)
        assert result.content == HTML_PAGE and result.format == "html"
    moved = fetcher.fetch(server.url("/to-page"))
    assert moved.final_url == server.url("/page") and moved.status == 200
    sent = dict(server.requests)[server.url("/page").removeprefix(server.origin)]
    assert sent["User-Agent"].startswith("wiredesk/") and "br" in sent["Accept-Encoding"]


# (path, error class, seconds it may take at most with the fixture's limits)
FAULTS = [
    ("/hang", "timeout", 3.5),  # no headers ever: the read timeout, once per attempt
    ("/drip", "deadline_exceeded", 3.0),  # one byte a second: only a total deadline stops it
    ("/drip-headers", "deadline_exceeded", 3.0),
    ("/short", "truncated_body", 2.0),
    ("/huge", "too_large", 1.0),  # 5 GB Content-Length, refused before reading
    ("/endless", "too_large", 2.0),  # no Content-Length, stopped while streaming
    ("/gzip-bomb", "decompression_cap", 2.0),
    ("/br-bomb", "decompression_cap", 2.0),
    ("/loop-a", "too_many_redirects", 2.0),
    ("/to-metadata", "ssrf_blocked", 1.0),
    ("/to-file", "scheme_blocked", 1.0),
    ("/png-as-html", "not_html", 1.0),
    ("/always-503", "http_5xx", 2.0),
    ("/missing", "not_found", 1.0),
]


@pytest.mark.parametrize(("path", "error_class", "limit"), FAULTS)
def test_each_fault_ends_in_its_class_within_the_deadline(
    server: LoopbackServer, fetcher: Fetcher, path: str, error_class: str, limit: float
) -> None:
    tracemalloc.start()
    started = time.monotonic()
    result = fetcher.fetch(server.url(path))
    elapsed = time.monotonic() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert not result.ok
    assert result.error_class == error_class, result.detail
    assert error_class in ERROR_CLASSES
    assert result.detail.startswith(server.url(path))
    assert elapsed < limit
    assert peak < 8 * CAP  # bombs and endless bodies stop at the cap, not at memory's end
    assert result.attempts and result.attempts[-1].status == "error"


def test_redirect_to_another_loopback_port_is_blocked(server: LoopbackServer) -> None:
    with LoopbackServer() as other, Fetcher(settings_for(server)) as fetcher:
        server.add_redirect("/to-other", other.url("/page"))
        result = fetcher.fetch(server.url("/to-other"))
    assert result.error_class == "ssrf_blocked"
    assert "redirected to" in result.detail and other.hits("/page") == 0


def test_retry_after_and_a_503_then_200_are_retried(server: LoopbackServer) -> None:
    with Fetcher(settings_for(server)) as fetcher:
        started = time.monotonic()
        limited = fetcher.fetch(server.url("/429"))
        waited = time.monotonic() - started
        flaky = fetcher.fetch(server.url("/503-then-200"))
    assert limited.ok and [a.status for a in limited.attempts] == ["retry", "ok"]
    assert limited.attempts[0].http_status == 429 and waited >= 0.9  # Retry-After: 1
    assert flaky.ok and [a.http_status for a in flaky.attempts] == [503, 200]


def test_retry_after_beyond_the_cap_gives_up(server: LoopbackServer) -> None:
    server.add("/429-long", b"no", "text/plain", 429, {"Retry-After": "3600"})
    with Fetcher(settings_for(server)) as fetcher:
        result = fetcher.fetch(server.url("/429-long"))
    assert result.error_class == "http_4xx" and len(result.attempts) == 1
    assert "exceeds" in result.detail


def test_windows_1252_declared_as_utf8_decodes_right(fetcher: Fetcher, server) -> None:
    result = fetcher.fetch(server.url("/cp1252-as-utf8"))
    assert result.ok and result.charset == "cp1252"
    text = result.content.decode("utf-8")
    assert "caf\u00e9 owner said \u201cwe are open\u201d \u2014 prices rose 5\u20ac" in text
    assert result.content_type == "text/html; charset=utf-8"


def test_conditional_get_costs_one_304(server: LoopbackServer, tmp_path: Path) -> None:
    url = server.add_conditional("/feed-etag", b"<rss version='2.0'/>", '"v1"', "text/xml")
    settings = settings_for(server, state_dir=tmp_path)
    with Fetcher(settings) as fetcher:
        first = fetcher.fetch(url, kind=FEED, conditional=True)
        fetcher.remember(first)
    with Fetcher(settings) as fetcher:
        second = fetcher.fetch(url, kind=FEED, conditional=True)
    assert first.ok and not first.not_modified and first.validators.etag == '"v1"'
    assert second.ok and second.not_modified and second.content == b""
    assert [a.status for a in second.attempts] == ["not_modified"]
    assert server.requests[-1][1].get("If-None-Match") == '"v1"'


@pytest.mark.parametrize(
    ("robots", "error_class"),
    [
        ("User-agent: *\nDisallow: /private\n", "robots_disallowed"),
        ("5xx", "robots_unavailable"),
        ("garbage", None),  # unreadable rules are no rules
        ("User-agent: wiredesk\nCrawl-delay: 0.3\n", None),
    ],
)
def test_robots_txt(robots: str, error_class: str | None) -> None:
    with LoopbackServer(robots=robots) as site, Fetcher(settings_for(site)) as fetcher:
        site.add("/private/a", HTML_PAGE)
        result = fetcher.fetch(site.url("/private/a"))
        again = fetcher.fetch(site.url("/private/a"))
        robots_hits = site.hits("/robots.txt")
        delay = fetcher.gate.stats()[f"127.0.0.1:{site.port}"]["delay_s"]
    assert result.error_class == error_class, result.detail
    assert again.error_class == error_class
    assert robots_hits == 1  # cached per host
    if "Crawl-delay" in robots:
        assert delay == pytest.approx(0.3)
    if error_class:
        assert site.hits("/private/a") == 0


def test_robots_404_means_allowed(server: LoopbackServer, fetcher: Fetcher) -> None:
    assert fetcher.fetch(server.url("/page")).ok
    assert server.hits("/robots.txt") >= 1


def test_per_host_concurrency_is_held() -> None:
    with LoopbackServer(delay_s=0.1) as site:
        with Fetcher(settings_for(site, per_host_concurrency=2, global_concurrency=8)) as fetcher:
            results = fetcher.fetch_all([site.url("/slow")] * 8)
    assert all(r.ok for r in results)
    assert site.peak == 2


def test_other_urls_in_the_same_run_are_fetched_and_logged(server: LoopbackServer) -> None:
    paths = ["/page", "/hang", "/gzip-bomb", "/gzip-page", "/to-metadata", "/drip", "/br-page"]
    items = [
        {"item_id": f"i{n}", "source_id": "s", "url": server.url(p), "format": "html"}
        for n, p in enumerate(paths)
    ]
    with Fetcher(settings_for(server)) as fetcher:
        pages, log = fetch_pages(items, fetcher, "run-1")
    assert sorted(p["url"].removeprefix(server.origin) for p in pages) == [
        "/br-page",
        "/gzip-page",
        "/page",
    ]
    final = {row["url"].removeprefix(server.origin): row for row in log if row["status"] != "retry"}
    assert final["/hang"]["error_class"] == "timeout"
    assert final["/gzip-bomb"]["error_class"] == "decompression_cap"
    assert final["/to-metadata"]["error_class"] == "ssrf_blocked"
    assert final["/drip"]["error_class"] == "deadline_exceeded"
    assert all(row["run_id"] == "run-1" and row["elapsed_ms"] is not None for row in log)


def test_local_files(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_bytes(HTML_PAGE)
    with Fetcher() as fetcher:
        assert fetcher.fetch(page.as_uri()).ok
        assert fetcher.fetch((tmp_path / "missing.html").as_uri()).error_class == "not_found"
        assert fetcher.fetch("ftp://example.org/x").error_class == "scheme_blocked"
        assert fetcher.fetch("gopher://example.org/x").error_class == "scheme_blocked"


# -- the SSRF guard -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "localhost",
        "2130706433",  # decimal integer 127.0.0.1
        "0x7f.1",
        "0177.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "100.64.0.1",  # CGNAT
        "169.254.169.254",  # cloud metadata
        "0.0.0.0",
        "224.0.0.1",
        "[::1]",
        "[::ffff:127.0.0.1]",
        "[::ffff:169.254.169.254]",
        "[fe80::1]",
        "[fc00::1]",
        "[::]",
        "[64:ff9b::a9fe:a9fe]",  # NAT64 form of the metadata address
        "[2002:7f00:1::]",  # 6to4 around 127.0.0.1
    ],
)
def test_guard_refuses_internal_addresses(host: str) -> None:
    policy = AddressPolicy(resolver=static_resolver({"localhost": ["127.0.0.1"]}))
    with pytest.raises(FetchError) as info:
        policy.resolve(host.strip("[]"), 80, 1.0)
    assert getattr(info.value, "error_class", None) == "ssrf_blocked"


def test_guard_checks_every_resolved_address_and_honours_the_allow_list() -> None:
    mixed = static_resolver({"rebind.example": ["93.184.216.34", "10.0.0.7"]})
    with pytest.raises(FetchError) as info:
        AddressPolicy(resolver=mixed).resolve("rebind.example", 443, 1.0)
    assert info.value.error_class == "ssrf_blocked"
    public = static_resolver({"news.example": ["93.184.216.34"]})
    assert AddressPolicy(resolver=public).resolve("news.example", 443, 1.0) == ["93.184.216.34"]
    allowed = AddressPolicy(["127.0.0.1:8080"])
    assert allowed.resolve("127.0.0.1", 8080, 1.0) == ["127.0.0.1"]
    with pytest.raises(FetchError):
        allowed.resolve("127.0.0.1", 8081, 1.0)
    with pytest.raises(FetchError) as info:
        AddressPolicy(resolver=public).resolve("unknown.example", 80, 1.0)
    assert info.value.error_class == "dns_error"


def test_literal_forms_and_reasons() -> None:
    assert literal_address("2130706433") == ipaddress.ip_address("127.0.0.1")
    assert literal_address("news.example") is None
    assert blocked_reason(ipaddress.ip_address("93.184.216.34")) is None
    assert "metadata" in blocked_reason(ipaddress.ip_address("169.254.169.254"))


def test_every_transport_verifies_certificates_with_one_shared_context() -> None:
    import ssl

    import httpx

    from wiredesk.fetch.network import GuardedTransport, shared_ssl_context

    policy = AddressPolicy(resolver=static_resolver({}))
    first = GuardedTransport(policy, http2=False, limits=httpx.Limits())
    second = GuardedTransport(policy, http2=False, limits=httpx.Limits())
    context = shared_ssl_context()
    assert first._pool._ssl_context is second._pool._ssl_context is context  # noqa: SLF001
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
