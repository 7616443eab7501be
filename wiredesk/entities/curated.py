"""The analyst-editable alias file, ``entities.yaml``: names the archive must treat as one.

Each entry gives a canonical name, a type, the other names it goes by and, optionally, a
Wikidata id. The linker applies it on its next run: every mention of one of the names joins
that entity, which takes the canonical name and type. The file is optional; its location
is ``models.alias_file`` (``WIREDESK_ENTITIES``) or ``entities.yaml`` next to the sources file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from wiredesk.entities.mention import COUNTED_TYPES, normalise_name
from wiredesk.settings import current_settings

DEFAULT_NAME = "entities.yaml"
_WIKIDATA = re.compile(r"Q[1-9]\d*")


class EntitiesFileError(ValueError):
    """The alias file cannot be used; the message is one line naming the file and field."""


@dataclass(frozen=True)
class CuratedEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata_id: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def match_key(name: str) -> str:
    """How a listed name is compared with the names articles use (no "the", no case...)."""
    return normalise_name(re.sub(r"^(?:the)\s+", "", name.strip(), flags=re.IGNORECASE))


def entities_file(sources_path: str | os.PathLike[str] | None = None) -> Path:
    """``models.alias_file``, else ``entities.yaml`` beside the sources file (or here)."""
    chosen = current_settings().models.alias_file
    if chosen:
        return Path(chosen).expanduser().resolve()
    folder = Path(sources_path).expanduser().resolve().parent if sources_path else Path.cwd()
    return folder / DEFAULT_NAME


def _text(value: object, where: str, path: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise EntitiesFileError(f"{path}: {where}: expected a non-empty string")
    return " ".join(value.split())


def parse_entry(raw: object, index: int, path: Path) -> CuratedEntity:
    where = f"entities[{index}]"
    if not isinstance(raw, dict):
        raise EntitiesFileError(f"{path}: {where}: expected a mapping with name and type")
    unknown = sorted(set(raw) - {"name", "type", "aliases", "wikidata"})
    if unknown:
        raise EntitiesFileError(f"{path}: {where}.{unknown[0]}: unknown field")
    name = _text(raw.get("name"), f"{where}.name", path)
    type_ = _text(raw.get("type"), f"{where}.type", path).upper()
    if type_ not in COUNTED_TYPES:
        allowed = ", ".join(COUNTED_TYPES)
        raise EntitiesFileError(f"{path}: {where}.type: {type_!r} is not one of {allowed}")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list):
        raise EntitiesFileError(f"{path}: {where}.aliases: expected a list of names")
    names = tuple(_text(a, f"{where}.aliases[{i}]", path) for i, a in enumerate(aliases))
    wikidata = raw.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and _WIKIDATA.fullmatch(wikidata)):
        raise EntitiesFileError(f"{path}: {where}.wikidata: expected an id such as Q458")
    return CuratedEntity(name, type_, names, wikidata)


def load_curated(path: str | os.PathLike[str]) -> list[CuratedEntity]:
    """The entries of the alias file; a missing file means none."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        detail = " ".join(str(exc).split())
        raise EntitiesFileError(f"{path}: not valid YAML ({detail})") from None
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("entities", []), list):
        raise EntitiesFileError(f"{path}: entities: expected a list of entries")
    entries = [parse_entry(raw, i, path) for i, raw in enumerate(data.get("entities") or [])]
    owner: dict[str, int] = {}
    for i, entry in enumerate(entries):
        for name in entry.names:
            key = match_key(name)
            if owner.setdefault(key, i) != i:
                raise EntitiesFileError(
                    f"{path}: entities[{i}]: {name!r} is already a name of entities[{owner[key]}]"
                )
    return entries
