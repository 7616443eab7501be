"""Published snapshots of the lake: immutable links that every reader goes through.

DuckDB opens a Parquet file by its path more than once per query (footer while planning, row
groups while scanning), so a file renamed over while a query runs gives torn reads ("Parquet
file is likely corrupted", "bytes outside file"). The lake's writers replace files in place,
so nothing reads the lake's own paths. Publishing hard-links each current file under a name
made of its inode, size and modification time; such a name never changes content. Views list
those names, so a query sees exactly the files of one publication, complete and consistent.

Views read every link of a table by glob and keep, for each partition part, only the newest
link that ``glob()`` lists (names sort by modification time). An open connection therefore
sees new data at its next query, and a query already running keeps reading the links it
started with: superseded links stay for a retention period
(``WIREDESK_SNAPSHOT_RETENTION_HOURS``, default 1) longer than any query. Publication is
serialised by a file lock, so parallel Dagster steps never race each other.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from wiredesk.lake import Lake
from wiredesk.schema import TABLES

PUBLISHED_DIR = "published"
STATE_FILE = "state.json"
DEFAULT_RETENTION_HOURS = 1.0


@dataclass
class Publication:
    """The files of one publication: table name -> absolute paths, sorted."""

    files: dict[str, list[str]] = field(default_factory=dict)

    def of(self, table: str) -> list[str]:
        return self.files.get(table, [])


def retention_seconds() -> float:
    hours = os.environ.get("WIREDESK_SNAPSHOT_RETENTION_HOURS")
    try:
        return float(hours) * 3600 if hours else DEFAULT_RETENTION_HOURS * 3600
    except ValueError:
        return DEFAULT_RETENTION_HOURS * 3600


def published_root(home: Path) -> Path:
    return Path(home) / PUBLISHED_DIR


@contextlib.contextmanager
def publish_lock(home: Path) -> Iterator[None]:
    """An exclusive lock across processes (held for milliseconds, never by readers)."""
    root = published_root(home)
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _current_files(lake: Lake, table: str) -> list[Path]:
    directory = lake.table_dir(table)
    if not directory.exists():
        return []
    pattern = "day=*/*.parquet" if TABLES[table].partitioned else "*.parquet"
    return sorted(p for p in directory.glob(pattern) if not p.name.startswith("."))


def _file_id(stat: os.stat_result) -> str:
    """Newest first when sorted in reverse: the modification time leads, zero-padded."""
    return f"{stat.st_mtime_ns:020d}-{stat.st_ino:x}-{stat.st_size:x}"


def _link(source: Path, target_dir: Path) -> Path | None:
    """Link ``source`` under a content-unique name; None if it vanished meanwhile."""
    target_dir.mkdir(parents=True, exist_ok=True)
    stem = source.name[: -len(".parquet")]
    try:
        known = _file_id(os.stat(source))
    except FileNotFoundError:
        return None
    target = target_dir / f"{stem}.{known}.parquet"
    if target.exists():
        return target
    temporary = target_dir / f".{stem}.{uuid.uuid4().hex}.tmp"
    try:
        try:
            os.link(source, temporary)
        except FileNotFoundError:
            return None
        except OSError:  # no hard links on this file system: a copy is just as immutable
            shutil.copy2(source, temporary)
        # The source may have been replaced between stat and link: name what was linked.
        target = target_dir / f"{stem}.{_file_id(os.stat(temporary))}.parquet"
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target


def _load_state(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"files": {}, "superseded": {}}


def _save_state(path: Path, state: dict) -> None:
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    temporary.write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(temporary, path)


def publish(home: Path) -> Publication:
    """Link every current lake file, drop links past retention; returns the publication."""
    with publish_lock(Path(home)):
        return publish_locked(Path(home))


def publish_locked(home: Path) -> Publication:
    """``publish`` for a caller that already holds ``publish_lock``."""
    lake = Lake(home)
    root = published_root(home)
    state_path = root / STATE_FILE
    state = _load_state(state_path)
    now = time.time()
    files: dict[str, list[str]] = {}
    for table in TABLES:
        linked = []
        for source in _current_files(lake, table):
            relative = source.parent.relative_to(lake.root)
            target = _link(source, root / relative)
            if target is not None:
                linked.append(str(target.relative_to(root)))
        if linked:
            files[table] = sorted(linked)
    current = {path for paths in files.values() for path in paths}
    superseded: dict[str, float] = dict(state.get("superseded", {}))
    for path in root.rglob("*.parquet"):
        relative = str(path.relative_to(root))
        if relative not in current:
            superseded.setdefault(relative, now)
    keep = retention_seconds()
    for relative, since in list(superseded.items()):
        if relative in current:
            del superseded[relative]
        elif now - since > keep:
            (root / relative).unlink(missing_ok=True)
            del superseded[relative]
    for stale in root.rglob(".*.tmp"):
        if now - stale.stat().st_mtime > 3600:
            stale.unlink(missing_ok=True)
    if state.get("files") != files or state.get("superseded") != superseded:
        _save_state(state_path, {"files": files, "superseded": superseded})
    return Publication({t: [str(root / p) for p in paths] for t, paths in files.items()})
