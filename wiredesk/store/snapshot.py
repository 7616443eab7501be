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
(``storage.snapshot_retention_hours``, default 1) longer than any query. Publication is
serialised by a file lock, so parallel Dagster steps never race each other.

Publishing is cheap when nothing changed: the state file records the identity of every lake
file it linked, and a publication that finds the same files, with no superseded link due for
removal, returns the recorded one without linking, listing the published folder or writing.
When something changed, a file whose link already exists (its name says its identity) keeps
it without another stat or link, and one walk of the published folder finds the links no
current file has: an ingest publishes once per step.

A remote lake (object storage) needs no links: its objects are already immutable and uniquely
named (see ``wiredesk.store.lake``), so publishing there lists the newest object of every part and
deletes objects superseded longer ago than the retention period. It keeps no state: an object
was superseded when its part's newest object was written, which the listing tells.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from wiredesk.settings import current_settings
from wiredesk.store.home import local_home
from wiredesk.store.lake import Lake, newest_per_part, part_of
from wiredesk.store.locks import exclusive
from wiredesk.store.schema import TABLES
from wiredesk.store.storage import AnyPath, is_remote

PUBLISHED_DIR = "published"
STATE_FILE = "state.json"


@dataclass
class Publication:
    """The files of one publication: table name -> absolute paths, sorted; and the replaced
    links still kept for queries already running, which a view's glob also lists."""

    files: dict[str, list[str]] = field(default_factory=dict)
    retained: dict[str, list[str]] = field(default_factory=dict)

    def of(self, table: str) -> list[str]:
        return self.files.get(table, [])

    def retained_of(self, table: str) -> list[str]:
        return self.retained.get(table, [])


def retention_seconds() -> float:
    """How long replaced files stay readable (the ``storage.snapshot_retention_hours``)."""
    return current_settings().storage.snapshot_retention_hours * 3600


def published_root(home: AnyPath) -> AnyPath:
    """Where views read: the links of a local home, the lake itself of a remote one."""
    if is_remote(home):
        return Lake(home).root
    return Path(home) / PUBLISHED_DIR


def _lock_file(home: AnyPath) -> Path:
    if is_remote(home):
        return local_home(home) / ".publish.lock"
    return published_root(home) / ".lock"


@contextlib.contextmanager
def publish_lock(home: AnyPath) -> Iterator[None]:
    """An exclusive lock across processes (held for milliseconds, never by readers).

    For a remote home it serialises one machine's publications only; they are stateless
    listings and idempotent deletions, so machines need not exclude each other."""
    with exclusive(_lock_file(home)):
        yield


def _current_files(lake: Lake, table: str) -> dict[str, str]:
    """Relative path (under the lake) -> file identity, of every current file of a table.

    ``os.scandir`` rather than globbing: this runs on every publication, changed or not."""
    directory = str(lake.table_dir(table))
    folders = [directory]
    if TABLES[table].partitioned:
        folders = [entry.path for entry in _scan(directory) if entry.name.startswith("day=")]
    found: dict[str, str] = {}
    for folder in folders:
        for entry in _scan(folder):
            if entry.name.endswith(".parquet") and not entry.name.startswith("."):
                try:
                    stat = entry.stat()
                except FileNotFoundError:
                    continue
                if not entry.is_dir():
                    relative = os.path.relpath(entry.path, lake.root)
                    found[relative] = _file_id(stat)
    return dict(sorted(found.items()))


def _scan(folder: str) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except (FileNotFoundError, NotADirectoryError):
        return []


def _file_id(stat: os.stat_result) -> str:
    """Newest first when sorted in reverse: the modification time leads, zero-padded."""
    return f"{stat.st_mtime_ns:020d}-{stat.st_ino:x}-{stat.st_size:x}"


def _link_name(source_name: str, identity: str) -> str:
    """The link's name for a lake file of this name and identity (see ``_file_id``)."""
    return f"{source_name[: -len('.parquet')]}.{identity}.parquet"


def _published(root: Path) -> tuple[set[str], list[str]]:
    """Relative paths of the links under the published folder, and of the temporary files
    a link in progress leaves; one walk of plain strings (this runs on every publication
    that found a change)."""
    links: set[str] = set()
    temporary: list[str] = []
    base = str(root)
    for folder, _, names in os.walk(base):
        relative_folder = os.path.relpath(folder, base)
        for name in names:
            relative = name if relative_folder == "." else os.path.join(relative_folder, name)
            if name.endswith(".parquet"):
                links.add(relative)
            elif name.startswith(".") and name.endswith(".tmp"):
                temporary.append(relative)
    return links, temporary


def _link(source: Path, target_dir: Path) -> Path | None:
    """Link ``source`` under a content-unique name; None if it vanished meanwhile."""
    target_dir.mkdir(parents=True, exist_ok=True)
    stem = source.name[: -len(".parquet")]
    try:
        known = _file_id(os.stat(source))
    except FileNotFoundError:
        return None
    target = target_dir / _link_name(source.name, known)
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
        target = target_dir / _link_name(source.name, _file_id(os.stat(temporary)))
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


def publish(home: AnyPath) -> Publication:
    """Link every current lake file, drop links past retention; returns the publication."""
    if is_remote(home):
        return publish_remote(home)
    with publish_lock(Path(home)):
        return publish_locked(Path(home))


def publish_locked(home: AnyPath) -> Publication:
    """``publish`` for a caller that already holds ``publish_lock``."""
    if is_remote(home):
        return publish_remote(home)
    lake = Lake(home)
    root = published_root(home)
    state_path = root / STATE_FILE
    state = _load_state(state_path)
    now = time.time()
    keep = retention_seconds()
    sources = {table: _current_files(lake, table) for table in TABLES}
    superseded: dict[str, float] = dict(state.get("superseded", {}))
    due = any(now - since > keep for since in superseded.values())
    if state.get("sources") == sources and not due and "files" in state:
        return _publication(root, state["files"], superseded)
    existing, temporary = _published(root)
    files: dict[str, list[str]] = {}
    for table, current in sources.items():
        linked = []
        for relative_source, identity in current.items():
            folder = os.path.dirname(relative_source)
            known = os.path.join(folder, _link_name(os.path.basename(relative_source), identity))
            if known in existing:  # linked by an earlier publication: the name says the content
                linked.append(known)
                continue
            target = _link(lake.root / relative_source, root / folder)
            if target is not None:
                linked.append(str(target.relative_to(root)))
        if linked:
            files[table] = sorted(linked)
    current_links = {path for paths in files.values() for path in paths}
    for relative in existing - current_links:
        superseded.setdefault(relative, now)
    for relative, since in list(superseded.items()):
        if relative in current_links:
            del superseded[relative]
        elif now - since > keep:
            (root / relative).unlink(missing_ok=True)
            del superseded[relative]
    for relative in temporary:
        stale = root / relative
        with contextlib.suppress(FileNotFoundError):
            if now - stale.stat().st_mtime > 3600:
                stale.unlink(missing_ok=True)
    wanted = {"files": files, "superseded": superseded, "sources": sources}
    if state != wanted:
        _save_state(state_path, wanted)
    return _publication(root, files, superseded)


def _publication(
    root: Path, files: dict[str, list[str]], superseded: dict[str, float]
) -> Publication:
    return Publication(
        {t: [str(root / p) for p in paths] for t, paths in files.items()},
        _by_table(root, superseded),
    )


def _by_table(root: AnyPath, relatives: Iterable[str]) -> dict[str, list[str]]:
    """Paths under ``root`` (``<table>/…``) grouped by their table, sorted."""
    grouped: dict[str, list[str]] = {}
    for relative in sorted(relatives):
        grouped.setdefault(relative.split("/", 1)[0], []).append(str(root / relative))
    return grouped


def publish_remote(home: AnyPath) -> Publication:
    """The newest object of every part of a remote lake; deletes objects superseded longer
    ago than the retention period (superseded when their part's newest object was written).
    """
    lake = Lake(home)
    keep = retention_seconds()
    now = time.time()
    files: dict[str, list[str]] = {}
    expired: list[str] = []
    everything = lake.objects()  # one listing of the whole lake
    for table in TABLES:
        current = [str(path) for path in lake.current_files(table, objects=everything)]
        if current:
            files[table] = current
    by_folder: dict[str, list[str]] = {}
    for key in everything:
        folder, _, name = key.rpartition("/")
        by_folder.setdefault(folder, []).append(name)
    retained: list[str] = []
    root_key = lake.root.path.rstrip("/") + "/"
    for folder, names in by_folder.items():
        newest = newest_per_part(names)
        for name in names:
            part_newest = newest.get(part_of(name))
            if part_newest is None or part_newest == name:
                continue
            since = _modified(everything[f"{folder}/{part_newest}"])
            if now - since > keep:
                expired.append(f"{folder}/{name}")
            elif folder.startswith(root_key):
                retained.append(f"{folder}/{name}"[len(root_key) :])
    if expired:
        try:
            lake.root.fs.rm(expired)  # one bulk request per thousand keys
        except FileNotFoundError:
            pass  # another machine's publication removed them first
    return Publication(files, _by_table(lake.root, retained))


def _modified(info: dict) -> float:
    """An object's write time, in seconds since the epoch, from an fsspec listing."""
    stamp = info.get("LastModified") or info.get("mtime") or info.get("last_modified")
    if hasattr(stamp, "timestamp"):
        return stamp.timestamp()
    return float(stamp) if stamp is not None else time.time()
