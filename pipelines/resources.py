"""Typed resources: where the data lives and how sources are read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dagster import ConfigurableResource, InitResourceContext
from pydantic import Field

from wiredesk.fetch import Fetcher, FetchSettings
from wiredesk.settings import Settings, check_values, current, current_settings
from wiredesk.sources import DiscoverySettings, Ledger, Source, load_sources
from wiredesk.store import (
    AnyPath,
    Lake,
    home_dir,
    local_home,
    publish_warehouse,
    sources_file,
)

#: The resource's field for each setting it carries (the UI's launchpad can override them).
RESOURCE_FIELDS = {
    "home": ("home", "path"),
    "sources_file": ("home", "sources"),
    "http_timeout_s": ("fetch", "deadline_s"),
    "max_bytes": ("fetch", "max_bytes"),
    "contact": ("fetch", "contact"),
    "strict_contact": ("fetch", "strict_contact"),
    "per_host_concurrency": ("fetch", "per_host_concurrency"),
    "min_host_delay_s": ("fetch", "min_host_delay_s"),
    "global_concurrency": ("fetch", "global_concurrency"),
    "max_retries": ("fetch", "max_retries"),
    "respect_robots": ("fetch", "respect_robots"),
    "allow_networks": ("fetch", "allow_networks"),
    "sitemap_recent_days": ("fetch", "sitemap_recent_days"),
    "max_feed_pages": ("fetch", "max_feed_pages"),
    "max_fetch_error_rate": ("checks", "max_fetch_error_rate"),
    "max_extraction_failure_rate": ("checks", "max_extraction_failure_rate"),
    "max_duplicate_rate": ("checks", "max_duplicate_rate"),
    "min_speaker_share": ("checks", "min_speaker_share"),
    "max_mentions_per_article": ("checks", "max_mentions_per_article"),
}


def from_model(name: str) -> Any:
    """The resource field ``name``: default and description of its setting (one place)."""
    section, key = RESOURCE_FIELDS[name]
    info = Settings.model_fields[section].annotation.model_fields[key]
    default = info.get_default(call_default_factory=True)
    description = f"{section}.{key}: {info.description}"
    if isinstance(default, list):
        return Field(default_factory=lambda: list(default), description=description)
    return Field(default=default, description=description)


class WiredeskResource(ConfigurableResource):
    """The home folder (lake + warehouse), the sources file, fetch limits and check
    thresholds; defaults and meanings come from the settings model (``wiredesk.yaml``)."""

    home: str = from_model("home")
    sources_file: str = from_model("sources_file")
    http_timeout_s: float = from_model("http_timeout_s")
    max_bytes: int = from_model("max_bytes")
    contact: str = from_model("contact")
    strict_contact: bool = from_model("strict_contact")
    per_host_concurrency: int = from_model("per_host_concurrency")
    min_host_delay_s: float = from_model("min_host_delay_s")
    global_concurrency: int = from_model("global_concurrency")
    max_retries: int = from_model("max_retries")
    respect_robots: bool = from_model("respect_robots")
    allow_networks: list[str] = from_model("allow_networks")
    sitemap_recent_days: float = from_model("sitemap_recent_days")
    max_feed_pages: int = from_model("max_feed_pages")
    # Asset check thresholds (an operator tunes these to their sources).
    max_fetch_error_rate: float = from_model("max_fetch_error_rate")
    max_extraction_failure_rate: float = from_model("max_extraction_failure_rate")
    max_duplicate_rate: float = from_model("max_duplicate_rate")
    min_speaker_share: float = from_model("min_speaker_share")
    max_mentions_per_article: float = from_model("max_mentions_per_article")
    #: False when whoever starts the run brings the analyst's file up to date after it
    #: (``wiredesk ingest``: once per run instead of after every step).
    publish_each_step: bool = True

    def setup_for_execution(self, context: InitResourceContext) -> None:
        """A launchpad value is checked as the settings file's would be: a run with a
        negative delay or a share above 1 stops here, with one line naming the key."""
        self.checked()

    def checked(self) -> Settings:
        """The resource's values through the settings model (``SettingsError`` if not)."""
        sections: dict[str, dict[str, Any]] = {}
        for name, (section, key) in RESOURCE_FIELDS.items():
            sections.setdefault(section, {})[key] = getattr(self, name)
        return check_values(sections, "resources.wiredesk.config")

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

    def fetch_settings(self) -> FetchSettings:
        return FetchSettings(
            contact=self.contact,
            require_contact=self.strict_contact,
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

    def fetcher(self) -> Fetcher:
        return Fetcher(self.fetch_settings())

    def ledger(self) -> Ledger:
        """Items and drop-folder files earlier runs saw."""
        return Ledger(self.state_dir())

    def discovery(self) -> DiscoverySettings:
        return DiscoverySettings(
            max_pages=self.max_feed_pages, recent_days=self.sitemap_recent_days
        )

    def publish(self) -> None:
        """Keep the analyst's warehouse file in step with the lake (cheap when unchanged; in
        a run whose steps share its process, once at the run's end: ``published_at_end``)."""
        if self.publish_each_step:
            publish_warehouse(self.home_path())


def configured_resource(settings: Settings | None = None, **overrides: Any) -> WiredeskResource:
    """The resource with every field from the settings in force (``wiredesk.yaml`` and the
    environment), so the UI, the command line, schedules and sensors run with the same."""
    settings = settings or current_settings()
    values = {
        name: getattr(getattr(settings, section), key)
        for name, (section, key) in RESOURCE_FIELDS.items()
    }
    return WiredeskResource(**{**values, **overrides})


#: Run tag carrying the hash of the settings a run used (``wiredesk config`` prints it).
CONFIG_TAG = "wiredesk/config_hash"


def config_tags() -> dict[str, str]:
    """Tags every run wiredesk starts carries: the hash of the settings in force."""
    return {CONFIG_TAG: current().hash}


def default_wiredesk_resource() -> WiredeskResource:
    """The code location's resource: the settings in force when the code loads."""
    return configured_resource()
