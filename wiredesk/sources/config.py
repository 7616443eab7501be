"""sources.yaml: which feeds, sitemaps, URL lists and drop folders a run reads.

The file is checked field by field when it is loaded; an error names the file, the entry
and the field (``sources.yaml: sources[2] (harbor-times).kind: ...``), so a typo is found
before a run starts rather than half-way through one.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

KINDS = ("feed", "sitemap", "dropfolder", "urllist")
_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
#: Field name -> (required, description of what is accepted).
FIELDS: dict[str, tuple[bool, str]] = {
    "id": (True, "lower-case letters, digits, - _ ."),
    "name": (False, "a non-empty string"),
    "kind": (True, " | ".join(KINDS)),
    "location": (True, "an http(s) URL or a path relative to this file"),
    "language": (False, "an ISO 639 code such as en or pt-BR"),
    "enabled": (False, "true or false"),
    "max_items": (False, "a whole number of items per feed page, at least 1"),
    "max_pages": (False, "a whole number of feed pages to follow, at least 1"),
    "recent_days": (False, "a number of days of sitemap entries to take, above 0"),
    "poll_minutes": (False, "a whole number of minutes between polls, at least 1"),
}


class SourcesError(ValueError):
    """sources.yaml is missing or says something that cannot be used."""


@dataclass(frozen=True)
class Source:
    source_id: str
    name: str
    kind: str
    location: str  # an http(s) URL, or an absolute path
    language: str | None = None
    enabled: bool = True
    max_items: int | None = None
    max_pages: int | None = None
    recent_days: float | None = None
    poll_minutes: int | None = None

    @property
    def is_remote(self) -> bool:
        return self.location.startswith(("http://", "https://"))

    def as_row(self) -> dict:
        return {
            "source_id": self.source_id,
            "name": self.name,
            "kind": self.kind,
            "location": self.location,
            "language": self.language,
            "enabled": self.enabled,
        }


def load_sources(path: Path) -> list[Source]:
    """Read and check sources.yaml; relative paths are relative to the file itself."""
    path = Path(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourcesError(f"{path}: sources file not found") from None
    except IsADirectoryError:
        raise SourcesError(f"{path}: is a directory, expected a YAML file") from None
    except UnicodeDecodeError:
        raise SourcesError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        raise SourcesError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None
    if document is None:
        document = {}
    if not isinstance(document, dict):
        raise SourcesError(f"{path}: expected a mapping with a top-level 'sources:' list")
    unknown = sorted(set(document) - {"sources"})
    if unknown:
        raise SourcesError(f"{path}: {unknown[0]}: unknown top-level key (expected 'sources')")
    entries = document.get("sources")
    if not isinstance(entries, list):
        raise SourcesError(f"{path}: sources: expected a list of sources")
    sources: list[Source] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        source = _check_entry(path, index, entry)
        if source.source_id in seen:
            raise SourcesError(f"{path}: sources[{index}].id: duplicate id {source.source_id!r}")
        seen.add(source.source_id)
        sources.append(source)
    return sources


def _check_entry(path: Path, index: int, entry: Any) -> Source:
    where = f"{path}: sources[{index}]"
    if not isinstance(entry, dict):
        raise SourcesError(f"{where}: expected a mapping of fields, got {_type(entry)}")
    if isinstance(entry.get("id"), str) and entry["id"].strip():
        where = f"{where} ({entry['id'].strip()})"

    def bad(field: str, problem: str) -> SourcesError:
        return SourcesError(f"{where}.{field}: {problem}; expected {FIELDS[field][1]}")

    for key in entry:
        if key not in FIELDS:
            close = difflib.get_close_matches(str(key), FIELDS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise SourcesError(f"{where}.{key}: unknown field{hint}")
    for field, (required, _) in FIELDS.items():
        if required and entry.get(field) in (None, ""):
            raise bad(field, "missing")
    source_id = entry["id"]
    if not isinstance(source_id, str) or not _ID.fullmatch(source_id.strip()):
        raise bad("id", f"{source_id!r} is not a valid id")
    kind = entry["kind"]
    if kind not in KINDS:
        raise bad("kind", f"{kind!r} is not a kind")
    location = entry["location"]
    if not isinstance(location, str):
        raise bad("location", f"got {_type(location)}")
    location = location.strip()
    remote = location.startswith(("http://", "https://"))
    if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*://", location) and not remote:
        raise bad("location", f"{location!r} has an unsupported scheme")
    if kind == "dropfolder" and remote:
        raise bad("location", "a drop folder must be a local path")
    if not remote:
        location = str((path.parent / location).expanduser().resolve())
    name = entry.get("name", source_id)
    if not isinstance(name, str) or not name.strip():
        raise bad("name", f"got {_type(name)}")
    language = entry.get("language")
    if language is not None and (
        not isinstance(language, str) or not _LANGUAGE.fullmatch(language)
    ):
        raise bad("language", f"{language!r} is not a language code")
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise bad("enabled", f"got {enabled!r}")
    limits = {}
    for field in ("max_items", "max_pages", "poll_minutes"):
        value = entry.get(field)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < 1
        ):
            raise bad(field, f"got {value!r}")
        limits[field] = value
    recent = entry.get("recent_days")
    if recent is not None and (
        isinstance(recent, bool) or not isinstance(recent, int | float) or recent <= 0
    ):
        raise bad("recent_days", f"got {recent!r}")
    return Source(
        source_id=source_id.strip(),
        name=name.strip(),
        kind=kind,
        location=location,
        language=language,
        enabled=enabled,
        max_items=limits["max_items"],
        max_pages=limits["max_pages"],
        recent_days=float(recent) if recent is not None else None,
        poll_minutes=limits["poll_minutes"],
    )


def _type(value: Any) -> str:
    return "nothing" if value is None else f"a {type(value).__name__}"
