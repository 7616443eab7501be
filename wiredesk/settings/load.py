"""Reading the settings: defaults, then ``wiredesk.yaml``, then the environment.

This is the one place that reads ``WIREDESK_*`` variables. Every value remembers where it came
from, so ``wiredesk config`` can show it and an error can name the file or the variable. A
file that does not validate stops everything: nothing runs with half of it.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from wiredesk.settings.model import (
    PATH_OR_NAME,
    Settings,
    env_name,
    fields,
    legacy_env,
    path_kind,
)

CONFIG_ENV = "WIREDESK_CONFIG"
CONFIG_NAME = "wiredesk.yaml"
PREFIX = "WIREDESK_"
#: Variables with the prefix that are not settings (tools' own switches).
NOT_SETTINGS = {CONFIG_ENV}


class SettingsError(ValueError):
    """One line: the file or variable, the key, and what was expected."""


@dataclass(frozen=True)
class Origin:
    """Where a value came from: ``default``, ``file`` (with its path) or ``env`` (its name)."""

    kind: str
    where: str = ""

    def __str__(self) -> str:
        return f"{self.kind} {self.where}".strip()


@dataclass(frozen=True)
class Loaded:
    """The settings with the file they were read from and each value's origin."""

    settings: Settings
    path: Path
    file_found: bool
    origins: dict[str, Origin] = field(default_factory=dict)

    def origin(self, key: str) -> Origin:
        return self.origins.get(key, Origin("default"))

    @property
    def hash(self) -> str:
        return settings_hash(self.settings)


def settings_hash(settings: Settings) -> str:
    """Twelve hex digits that change whenever any effective value does (for run tags)."""
    return hashlib.sha256(settings.model_dump_json().encode("utf-8")).hexdigest()[:12]


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$WIREDESK_CONFIG``, else ``wiredesk.yaml`` beside the sources file."""
    environ = os.environ if environ is None else environ
    chosen = environ.get(CONFIG_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    sources = environ.get(env_name("home", "sources")) or environ.get("WIREDESK_SOURCES")
    folder = Path(sources).expanduser().resolve().parent if sources else Path.cwd()
    return folder / CONFIG_NAME


def read_file(path: Path, required: bool) -> dict[str, Any] | None:
    """The file's sections, or None when it does not exist (and was not asked for)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if required:
            raise SettingsError(f"{path}: no such settings file ({CONFIG_ENV})") from None
        return None
    except OSError as exc:
        raise SettingsError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "cannot be parsed"
        raise SettingsError(f"{path}: not valid YAML{where}: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SettingsError(f"{path}: expected sections (home:, fetch:, ...), got a value")
    return data


def read_environment(environ: Mapping[str, str]) -> tuple[dict[str, dict[str, str]], dict]:
    """``WIREDESK_<SECTION>__<FIELD>`` and the older names, as sections, with each value's
    variable. The new name wins over the older one when both are set."""
    values: dict[str, dict[str, str]] = {}
    origins: dict[str, Origin] = {}
    for section, name, info in fields():
        old = legacy_env(info)
        if old and old in environ:
            values.setdefault(section, {})[name] = environ[old]
            origins[f"{section}.{name}"] = Origin("env", old)
    for variable, value in environ.items():
        if not variable.startswith(PREFIX) or "__" not in variable:
            continue
        section, _, name = variable[len(PREFIX) :].lower().partition("__")
        values.setdefault(section, {})[name] = value
        origins[f"{section}.{name}"] = Origin("env", variable)
    return values, origins


def resolve_paths(data: dict[str, Any], folder: Path) -> dict[str, Any]:
    """The file's relative paths read from the file's own folder, as its author meant them,
    not from wherever a scheduler happens to start the command. URLs (``s3://``), absolute
    paths and empty values are kept; a model setting that names no file there stays a name."""
    resolved = {
        key: dict(value) if isinstance(value, dict) else value for key, value in data.items()
    }
    for section, name, info in fields():
        values = resolved.get(section)
        kind = path_kind(info)
        if not kind or not isinstance(values, dict):
            continue
        value = values.get(name)
        if not isinstance(value, str) or not value or "://" in value:
            continue
        written = Path(value).expanduser()
        if written.is_absolute():
            continue
        candidate = folder / written
        if kind == PATH_OR_NAME and not candidate.exists():
            continue
        values[name] = str(candidate.resolve())
    return resolved


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if key not in merged:
            merged[key] = value
        elif isinstance(merged[key], dict):
            merged[key] = {**merged[key], **value}
        # else: the file's section is not a mapping; keep it so that it is reported
    return merged


def _expected(error: Mapping[str, Any], loc: tuple) -> str:
    """Pydantic's message as what the key expects."""
    if error["type"] == "extra_forbidden":
        known = _known_keys(loc[:-1])
        return f"unknown key (expected one of: {', '.join(known)})"
    message = str(error["msg"])
    got = error.get("input")
    shown = "" if isinstance(got, dict | list) or got is None else f", got {got!r}"
    if message.startswith("Value error, "):  # the model's own checks say what they expect
        return message.removeprefix("Value error, ") + shown
    return f"expected {message.removeprefix('Input should be ')}{shown}"


def _known_keys(section: tuple) -> list[str]:
    if not section:
        return list(Settings.model_fields)
    model = Settings.model_fields.get(str(section[0]))
    annotation = model.annotation if model else None
    return list(getattr(annotation, "model_fields", {}))


def _error_line(exc: ValidationError, path: Path, origins: Mapping[str, Origin]) -> str:
    first = exc.errors()[0]
    loc = tuple(str(part) for part in first["loc"])
    key = ".".join(loc[:2]) if loc else ""
    origin = origins.get(key) or (origins.get(loc[0]) if loc else None)
    if origin is None and len(loc) == 1:  # a model check over the section: the file set it
        origin = next((o for k, o in origins.items() if k.startswith(f"{loc[0]}.")), None)
    where = f"environment {origin.where}" if origin and origin.kind == "env" else str(path)
    more = len(exc.errors()) - 1
    tail = f" (and {more} more)" if more else ""
    return f"{where}: {'.'.join(loc) or 'settings'}: {_expected(first, loc)}{tail}"


def load_settings(
    path: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
) -> Loaded:
    """Defaults, then the file (``path``, else ``config_path()``), then the environment."""
    environ = os.environ if environ is None else environ
    required = path is not None or bool(environ.get(CONFIG_ENV))
    chosen = Path(path).expanduser().resolve() if path is not None else config_path(environ)
    from_file = read_file(chosen, required)
    origins: dict[str, Origin] = {}
    for section, values in (from_file or {}).items():
        if isinstance(values, dict):
            for name in values:
                origins[f"{section}.{name}"] = Origin("file", str(chosen))
        else:
            origins[str(section)] = Origin("file", str(chosen))
    from_env, env_origins = read_environment(environ)
    origins.update(env_origins)
    file_values = resolve_paths(from_file or {}, chosen.parent)
    try:
        settings = Settings(**_merge(file_values, from_env))
    except ValidationError as exc:
        raise SettingsError(_error_line(exc, chosen, origins)) from None
    return Loaded(settings, chosen, from_file is not None, origins)


def check_values(values: Mapping[str, Mapping[str, Any]], where: str) -> Settings:
    """Values set outside the file and the environment (the UI's launchpad), checked by the
    same model: a negative delay there stops a run as it would in ``wiredesk.yaml``. Raises
    ``SettingsError`` naming ``where`` and the key."""
    sections = {section: dict(fields_) for section, fields_ in values.items()}
    origins = {
        f"{section}.{name}": Origin("file", where)
        for section, fields_ in sections.items()
        for name in fields_
    }
    try:
        return Settings(**sections)
    except ValidationError as exc:
        raise SettingsError(_error_line(exc, Path(where), origins)) from None


_cache: dict[tuple, Loaded] = {}
_cache_lock = threading.Lock()


def _cache_key() -> tuple:
    environ = os.environ
    path = config_path(environ)
    try:
        stat = path.stat()
        stamp: tuple = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = ()
    variables = tuple(sorted((k, v) for k, v in environ.items() if k.startswith(PREFIX)))
    return (str(path), stamp, variables)


def current() -> Loaded:
    """The settings in force now: read again only when the file or a variable changed."""
    key = _cache_key()
    with _cache_lock:
        found = _cache.get(key)
    if found is None:
        found = load_settings()
        with _cache_lock:
            _cache.clear()
            _cache[key] = found
    return found


def current_settings() -> Settings:
    """Shorthand for ``current().settings``: what every module asks for its values."""
    return current().settings
