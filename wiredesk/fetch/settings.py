"""Everything that bounds a fetch, in one place, with the defaults a polite crawler uses."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wiredesk import __version__
from wiredesk.settings import current_settings

PROJECT_URL = "https://github.com/wiredesk/wiredesk"


@dataclass(frozen=True)
class FetchSettings:
    """Limits and manners of the HTTP client.

    ``allow_networks`` is the one way past the SSRF guard: addresses (``127.0.0.1``),
    networks (``10.0.0.0/8``) or one port of an address (``127.0.0.1:8080``). Empty in
    production; tests that start loopback servers name exactly those servers.
    """

    contact: str = ""  # an e-mail or URL for site owners, sent in the User-Agent
    require_contact: bool = False  # strict mode: no http(s) fetch without a contact
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

    @classmethod
    def configured(cls, state_dir: Path | None = None) -> FetchSettings:
        """The ``fetch`` section of the settings in force."""
        fetch = current_settings().fetch
        return cls(
            contact=fetch.contact,
            require_contact=fetch.strict_contact,
            timeout_s=fetch.deadline_s,
            max_bytes=fetch.max_bytes,
            per_host_concurrency=fetch.per_host_concurrency,
            min_host_delay_s=fetch.min_host_delay_s,
            global_concurrency=fetch.global_concurrency,
            max_retries=fetch.max_retries,
            respect_robots=fetch.respect_robots,
            allow_networks=tuple(fetch.allow_networks),
            state_dir=state_dir,
        )

    def contact_notice(self, locations: Iterable[str]) -> str | None:
        """What to tell the operator when pages will be fetched from the internet without a
        contact address (strict mode refuses such fetches), or None."""
        if self.contact or not any(loc.startswith(("http://", "https://")) for loc in locations):
            return None
        if self.require_contact:
            return "fetch.contact is empty and fetch.strict_contact is on: http(s) is refused"
        return (
            "fetch.contact is empty: site owners cannot reach you; set it in wiredesk.yaml "
            "(or WIREDESK_FETCH__CONTACT)"
        )

    def summary(self) -> str:
        """One line for a run's log: what this run fetches with."""
        return (
            f"contact={self.contact or '(none)'} per_host_concurrency={self.per_host_concurrency}"
            f" min_host_delay_s={self.min_host_delay_s:g}"
            f" global_concurrency={self.global_concurrency} deadline_s={self.timeout_s:g}"
            f" max_bytes={self.max_bytes} max_retries={self.max_retries}"
            f" respect_robots={str(self.respect_robots).lower()}"
            f" allow_networks={','.join(self.allow_networks) or '(none)'}"
        )

    @property
    def user_agent(self) -> str:
        contact = f"; {self.contact}" if self.contact else ""
        return f"wiredesk/{__version__} (+{PROJECT_URL}{contact})"

    @property
    def robots_agent(self) -> str:
        """The product token robots.txt groups are matched against."""
        return "wiredesk"
