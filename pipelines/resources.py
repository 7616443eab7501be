"""Typed resources: where the data lives and how sources are read."""

from __future__ import annotations

import os
from pathlib import Path

from dagster import ConfigurableResource, EnvVar
from pydantic import Field

from wiredesk.fetch import Fetcher, FetchSettings
from wiredesk.sources import DiscoverySettings, Ledger, Source, load_sources
from wiredesk.store import (
    DEFAULT_HOME,
    DEFAULT_SOURCES,
    AnyPath,
    Lake,
    ensure_warehouse,
    home_dir,
    local_home,
    sources_file,
)


class WiredeskResource(ConfigurableResource):
    """The home folder (lake + warehouse), the sources file and fetch limits."""

    home: str = Field(
        default=DEFAULT_HOME,
        description="WIREDESK_HOME: lake and warehouse; a folder or s3://bucket/prefix.",
    )
    sources_file: str = Field(default=DEFAULT_SOURCES, description="Path of sources.yaml.")
    http_timeout_s: float = Field(default=20.0, description="Total deadline per request.")
    max_bytes: int = Field(default=10 * 1024 * 1024, description="Largest body accepted.")
    contact: str = Field(
        default="", description="E-mail or URL for site owners, sent in the User-Agent."
    )
    per_host_concurrency: int = Field(default=2, description="Requests at once per host.")
    min_host_delay_s: float = Field(default=1.0, description="Seconds between starts per host.")
    global_concurrency: int = Field(default=16, description="Requests at once in all.")
    max_retries: int = Field(default=2, description="Retries after connect errors, 5xx, 429.")
    respect_robots: bool = Field(default=True, description="Obey robots.txt.")
    allow_networks: list[str] = Field(
        default_factory=list,
        description="Addresses the SSRF guard lets through (e.g. 127.0.0.1:8080); "
        "empty in production.",
    )
    sitemap_recent_days: float = Field(default=2.0, description="Sitemap entries taken, days.")
    max_feed_pages: int = Field(default=5, description="Feed pages followed per poll.")
    # Asset check thresholds (an operator tunes these to their sources).
    max_fetch_error_rate: float = Field(
        default=0.2, description="Check: share of a source's fetches that may fail in a day."
    )
    max_extraction_failure_rate: float = Field(
        default=0.1, description="Check: share of fetched pages that may yield no article."
    )
    max_duplicate_rate: float = Field(
        default=0.5, description="Check: share of a day's articles that may be exact copies."
    )
    min_speaker_share: float = Field(
        default=0.5, description="Check: share of direct quotes that must have a speaker."
    )
    max_mentions_per_article: float = Field(
        default=150.0, description="Check: mean entity mentions per article, upper bound."
    )

    def home_path(self) -> AnyPath:
        """The home: a local ``Path`` or, on object storage, a ``UPath``."""
        return home_dir(self.home)

    def local_path(self) -> Path:
        """Local folder for the warehouse file and ``state/`` (the home, when local)."""
        return local_home(self.home)

    def state_dir(self) -> Path:
        """What earlier runs leave for later ones: ledger, fetch validators, build log,
        syndication matches (under the local home, also when the lake is remote)."""
        return self.local_path() / "state"

    def lake(self) -> Lake:
        return Lake(self.home_path())

    def sources(self) -> list[Source]:
        return load_sources(sources_file(self.sources_file))

    def fetcher(self) -> Fetcher:
        return Fetcher(
            FetchSettings(
                contact=self.contact,
                timeout_s=self.http_timeout_s,
                max_bytes=self.max_bytes,
                per_host_concurrency=self.per_host_concurrency,
                min_host_delay_s=self.min_host_delay_s,
                global_concurrency=self.global_concurrency,
                max_retries=self.max_retries,
                respect_robots=self.respect_robots,
                allow_networks=tuple(self.allow_networks),
                state_dir=self.state_dir(),
            )
        )

    def ledger(self) -> Ledger:
        """Items and drop-folder files earlier runs saw."""
        return Ledger(self.state_dir())

    def discovery(self) -> DiscoverySettings:
        return DiscoverySettings(
            max_pages=self.max_feed_pages, recent_days=self.sitemap_recent_days
        )

    def publish(self) -> None:
        """Keep the analyst's warehouse file in step with the lake (cheap when unchanged)."""
        ensure_warehouse(self.home_path())


def _env_or(name: str, default: str) -> str | EnvVar:
    return EnvVar(name) if os.environ.get(name) else default


def default_wiredesk_resource() -> WiredeskResource:
    """Paths from ``WIREDESK_HOME`` / ``WIREDESK_SOURCES`` when set, else the defaults."""
    return WiredeskResource(
        home=_env_or("WIREDESK_HOME", DEFAULT_HOME),
        sources_file=_env_or("WIREDESK_SOURCES", DEFAULT_SOURCES),
    )
