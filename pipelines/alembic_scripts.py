"""Dagster's schema-migration scripts read once per process, not once per database.

Every SQLite database Dagster opens for the first time checks and stamps its schema version
through alembic: the run history, schedules and event index of a new ``$DAGSTER_HOME``, and
the event database of every run. Each check builds a new ``ScriptDirectory``, which reads
and executes every migration script of Dagster's folder to find the newest (about 25 ms a
time on a 2-core machine; seven times before the first run of ``wiredesk ingest`` on a new
home, twice more for each run). The folder belongs to the installed Dagster and does not
change while a process runs, so one ``ScriptDirectory`` per configuration file and script
location serves them all.
"""

from __future__ import annotations

import threading

from alembic.config import Config
from alembic.script import ScriptDirectory

_read: dict[tuple[str | None, str | None], ScriptDirectory] = {}
_lock = threading.Lock()
_installed = False


def migration_scripts_read_once() -> None:
    """From now on ``ScriptDirectory.from_config`` returns one directory per configuration
    (once per process)."""
    global _installed
    if _installed:
        return
    build = ScriptDirectory.from_config

    def from_config(config: Config) -> ScriptDirectory:
        key = (config.config_file_name, config.get_main_option("script_location"))
        with _lock:
            scripts = _read.get(key)
            if scripts is None:
                scripts = _read[key] = build(config)
        return scripts

    ScriptDirectory.from_config = staticmethod(from_config)  # type: ignore[method-assign,assignment]
    _installed = True
