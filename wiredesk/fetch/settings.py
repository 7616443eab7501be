"""Everything that bounds a fetch, in one place, with the defaults a polite crawler uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wiredesk import __version__

PROJECT_URL = "https://github.com/wiredesk/wiredesk"


@dataclass(frozen=True)
class FetchSettings:
    """Limits and manners of the HTTP client.

    ``allow_networks`` is the one way past the SSRF guard: addresses (``127.0.0.1``),
    networks (``10.0.0.0/8``) or one port of an address (``127.0.0.1:8080``). Empty in
    production; tests that start loopback servers name exactly those servers.
    """

    contact: str = ""  # an e-mail or URL for site owners, sent in the User-Agent
    timeout_s: float = 20.0  # total deadline of one request, redirects included
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 10.0  # longest silence between two reads
    max_bytes: int = 10 * 1024 * 1024  # body cap, on the wire and after decompression
    max_redirects: int = 5
    per_host_concurrency: int = 2
    min_host_delay_s: float = 1.0  # between two request starts on the same host
    global_concurrency: int = 16
    max_retries: int = 2  # extra attempts after a retryable failure
    backoff_base_s: float = 1.0
    backoff_cap_s: float = 30.0
    max_retry_after_s: float = 120.0  # a longer Retry-After gives up instead of waiting
    respect_robots: bool = True
    robots_ttl_s: float = 6 * 3600.0
    robots_failure_ttl_s: float = 600.0  # how long a host stays deferred after a 5xx
    max_crawl_delay_s: float = 10.0
    robots_max_bytes: int = 512 * 1024
    http2: bool = True
    allow_networks: tuple[str, ...] = ()
    state_dir: Path | None = None  # conditional-GET validators and robots.txt cache
    extra_headers: tuple[tuple[str, str], ...] = field(default=())

    @property
    def user_agent(self) -> str:
        contact = f"; {self.contact}" if self.contact else ""
        return f"wiredesk/{__version__} (+{PROJECT_URL}{contact})"

    @property
    def robots_agent(self) -> str:
        """The product token robots.txt groups are matched against."""
        return "wiredesk"
