"""sources.yaml: which feeds, sitemaps and drop folders a run reads."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

KINDS = ("feed", "sitemap", "dropfolder")


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
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise SourcesError(f"{path}: sources file not found") from None
    except yaml.YAMLError as exc:
        raise SourcesError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None
    entries = document.get("sources") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise SourcesError(f"{path}: expected a top-level 'sources:' list")
    sources: list[Source] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        where = f"{path}: sources[{index}]"
        if not isinstance(entry, dict):
            raise SourcesError(f"{where}: expected a mapping")
        source_id = str(entry.get("id") or "").strip()
        if not re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", source_id):
            raise SourcesError(f"{where}: 'id' must be lower-case letters, digits, - _ .")
        if source_id in seen:
            raise SourcesError(f"{where}: duplicate id {source_id!r}")
        seen.add(source_id)
        kind = str(entry.get("kind") or "").strip()
        if kind not in KINDS:
            raise SourcesError(f"{where}: 'kind' must be one of {', '.join(KINDS)}")
        location = str(entry.get("location") or "").strip()
        if not location:
            raise SourcesError(f"{where}: 'location' is required")
        if not location.startswith(("http://", "https://")):
            location = str((path.parent / location).resolve())
        sources.append(
            Source(
                source_id=source_id,
                name=str(entry.get("name") or source_id),
                kind=kind,
                location=location,
                language=entry.get("language"),
                enabled=bool(entry.get("enabled", True)),
            )
        )
    return sources
