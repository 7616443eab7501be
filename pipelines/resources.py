"""Typed resources: where the data lives and how sources are read."""

from __future__ import annotations

import os
from pathlib import Path

from dagster import ConfigurableResource, EnvVar
from pydantic import Field

from wiredesk.config import DEFAULT_HOME, DEFAULT_SOURCES, home_dir, sources_file
from wiredesk.fetch import Fetcher
from wiredesk.lake import Lake
from wiredesk.sources.config import Source, load_sources
from wiredesk.warehouse import ensure_warehouse


class WiredeskResource(ConfigurableResource):
    """The home folder (lake + warehouse), the sources file and fetch limits."""

    home: str = Field(default=DEFAULT_HOME, description="WIREDESK_HOME: lake and warehouse.")
    sources_file: str = Field(default=DEFAULT_SOURCES, description="Path of sources.yaml.")
    http_timeout_s: float = Field(default=20.0, description="Total deadline per request.")
    max_bytes: int = Field(default=10 * 1024 * 1024, description="Largest body accepted.")

    def home_path(self) -> Path:
        return home_dir(self.home)

    def lake(self) -> Lake:
        return Lake(self.home_path())

    def sources(self) -> list[Source]:
        return load_sources(sources_file(self.sources_file))

    def fetcher(self) -> Fetcher:
        return Fetcher(timeout=self.http_timeout_s, max_bytes=self.max_bytes)

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
