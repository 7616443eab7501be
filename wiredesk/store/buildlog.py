"""Which stages a run can skip: make's rule, applied to lake partitions.

A stage's output for a day is up to date when the stage last finished building it after
every input it reads was last written. "Finished building" is a record kept beside the
ledger in ``state/built.json`` (the time the build started, so an input rewritten during
the build still counts as newer); "last written" is the newest file of the input's lake
partition.
A stage that ran but left its output as it was (a poll that found nothing new) still
counts as built, so what follows it is not redone. A stage whose code version was raised
(it now writes other rows or another layout) counts as never built.

Only the graph's own edges count: a stage partitioned by day reads its inputs of the same
day; a cross-day stage reads every day of its inputs. A daily stage that reads a cross-day
table (the entity ids) is not made stale by it, or every new day would redo every old one;
views resolve such ids when queried.

The build record also stores the stage graph itself, so a later run can decide that
nothing needs doing without loading the pipeline's definitions.
"""

from __future__ import annotations

import datetime as dt
import graphlib
import json
import os
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from wiredesk.store.lake import Lake
from wiredesk.store.locks import exclusive

BUILD_FILE = "built.json"
#: The key under which a cross-day stage's build time is kept.
ALL_DAYS = "*"


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline: the lake table it writes and the stages it reads."""

    name: str
    table: str
    partitioned: bool
    deps: tuple[str, ...] = ()
    takes_range: bool = False  # builds a range of days in one run
    #: The asset's code version: raised when what it writes changes (rows or layout), so
    #: partitions built before are out of date whatever their inputs' times.
    version: str = ""

    @property
    def build_key(self) -> str:
        """The name its builds are recorded under: a new version has none yet."""
        return f"{self.name}@{self.version}" if self.version else self.name

    def as_json(self) -> dict:
        return {
            "table": self.table,
            "partitioned": self.partitioned,
            "deps": list(self.deps),
            "takes_range": self.takes_range,
            "version": self.version,
        }


def graph_from_json(data: Mapping[str, dict]) -> dict[str, Stage]:
    return {
        name: Stage(
            name,
            spec["table"],
            bool(spec["partitioned"]),
            tuple(spec["deps"]),
            bool(spec.get("takes_range", False)),
            str(spec.get("version", "")),
        )
        for name, spec in data.items()
    }


class BuildLog:
    """When each stage last built each day (``built.json`` in the home's state folder)."""

    def __init__(self, state_dir: Path) -> None:
        self.path = Path(state_dir) / BUILD_FILE
        data = _read(self.path)
        self.graph = graph_from_json(data.get("graph", {}))
        #: Fingerprint of the code the graph was read from: another one means reload it.
        self.code: str = data.get("code", "")
        self.built: dict[str, dict[str, int]] = data.get("built", {})

    def built_at(self, stage: str, day: dt.date | None) -> int | None:
        return self.built.get(stage, {}).get(_key(day))

    def record(
        self, stages: Iterable[str], days: Iterable[dt.date | None], started_ns: int
    ) -> None:
        days = list(days)
        for stage in stages:
            per_day = self.built.setdefault(stage, {})
            for day in days:
                per_day[_key(day)] = started_ns

    def save(self, graph: Mapping[str, Stage] | None = None, code: str | None = None) -> None:
        """Write the log, merged under a lock with what another command (a second
        ``wiredesk ingest`` at the same time) saved since it was read."""
        if graph is not None:
            self.graph = dict(graph)
        if code is not None:
            self.code = code
        with exclusive(self.path.with_name(f".{self.path.name}.lock")):
            # Another command may have saved since this log was read: keep its records too,
            # the newer of two for the same stage and day.
            saved = _read(self.path)
            for stage, per_day in saved.get("built", {}).items():
                mine = self.built.setdefault(stage, {})
                for day, started in per_day.items():
                    mine[day] = max(started, mine.get(day, started))
            if not self.graph:
                self.graph = graph_from_json(saved.get("graph", {}))
                self.code = self.code or saved.get("code", "")
            data = {
                "graph": {name: stage.as_json() for name, stage in sorted(self.graph.items())},
                "code": self.code,
                "built": self.built,
            }
            temporary = self.path.with_name(f".{self.path.name}.{uuid.uuid4().hex}.tmp")
            temporary.write_text(json.dumps(data, sort_keys=True, indent=1), encoding="utf-8")
            os.replace(temporary, self.path)


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


#: The write time a remote lake object carries in its name (see ``wiredesk.store.lake``).
_STAMP = re.compile(r"\.([0-9]{20})-[0-9a-f]+-[0-9a-f]+\.parquet$")


class WriteTimes:
    """When each table's partitions were last written, one listing per table.

    Locally that is the newest file's modification time; on object storage, the write time
    in the newest object's name (the object store's own dates are rounded to seconds).
    """

    def __init__(self, lake: Lake) -> None:
        self.lake = lake
        self._tables: dict[str, dict[dt.date | None, int]] = {}

    def days(self, table: str) -> dict[dt.date | None, int]:
        """Every partition's time (``None``: an unpartitioned table's files)."""
        per_day = self._tables.get(table)
        if per_day is None:
            per_day = self._tables[table] = self._list(table)
        return per_day

    def of(self, table: str, day: dt.date | None) -> int | None:
        """A partition's time; with no day, the newest of the whole table."""
        per_day = self.days(table)
        if day is None:
            return max(per_day.values(), default=None)
        return per_day.get(day)

    def _list(self, table: str) -> dict[dt.date | None, int]:
        found: dict[dt.date | None, int] = {}
        if getattr(self.lake, "remote", False):
            stamped = [(p, _STAMP.search(p.name)) for p in self.lake.current_files(table)]
            times = [(p, int(m.group(1))) for p, m in stamped if m]
        else:
            root = self.lake.table_dir(table)
            times = []
            for path in [*root.glob("*.parquet"), *root.glob("day=*/*.parquet")]:
                try:
                    times.append((path, path.stat().st_mtime_ns))
                except FileNotFoundError:
                    continue
        for path, written in times:
            folder = path.parent.name
            day = dt.date.fromisoformat(folder[4:]) if folder.startswith("day=") else None
            found[day] = max(found.get(day, 0), written)
        return found


@dataclass
class Plan:
    """What a run must build: daily stages per day, then cross-day stages."""

    daily: dict[dt.date, list[str]]
    cross_day: list[str]

    @property
    def empty(self) -> bool:
        return not self.cross_day and not any(self.daily.values())


def plan(
    lake: Lake,
    graph: Mapping[str, Stage],
    log: BuildLog,
    days: Sequence[dt.date],
    changed_days: Iterable[dt.date] = (),
) -> Plan:
    """The stages whose outputs are missing or older than their inputs, in graph order.

    ``changed_days``: days whose sources have news, so every stage of theirs is rebuilt.
    """
    changed = set(changed_days)
    times = WriteTimes(lake)
    order = topological(graph)
    daily: dict[dt.date, list[str]] = {}
    rebuilt_any: set[str] = set()
    for day in days:
        rebuilt: set[str] = set()
        for name in order:
            stage = graph[name]
            if not stage.partitioned:
                continue
            inputs = [graph[d] for d in stage.deps if d in graph and graph[d].partitioned]
            if day in changed or _stale(times, log, stage, day, inputs, rebuilt):
                rebuilt.add(name)
        daily[day] = [name for name in order if name in rebuilt]
        rebuilt_any |= rebuilt
    cross: list[str] = []
    for name in order:
        stage = graph[name]
        if stage.partitioned:
            continue
        inputs = [graph[d] for d in stage.deps if d in graph]
        if _stale(times, log, stage, None, inputs, rebuilt_any | set(cross)):
            cross.append(name)
    return Plan(daily, cross)


def _stale(
    times: WriteTimes,
    log: BuildLog,
    stage: Stage,
    day: dt.date | None,
    inputs: Sequence[Stage],
    rebuilt: set[str],
) -> bool:
    built = log.built_at(stage.build_key, day)
    if built is None or times.of(stage.table, day) is None:
        return True
    for source in inputs:
        if source.name in rebuilt:
            return True
        written = times.of(source.table, day if source.partitioned and day else None)
        if written is not None and written > built:
            return True
    return False


def topological(graph: Mapping[str, Stage]) -> list[str]:
    """Stage names, every stage after the stages it reads (inserted by name, so stable)."""
    needs = {name: sorted(d for d in graph[name].deps if d in graph) for name in sorted(graph)}
    try:
        return list(graphlib.TopologicalSorter(needs).static_order())
    except graphlib.CycleError as exc:
        raise ValueError(f"stage graph has a cycle: {exc.args[1]}") from None


def _key(day: dt.date | None) -> str:
    return ALL_DAYS if day is None else day.isoformat()
