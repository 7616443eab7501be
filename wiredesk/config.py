"""Where wiredesk keeps its data: one home folder, set by ``WIREDESK_HOME``."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_HOME = "data"
DEFAULT_SOURCES = "sources.yaml"


def home_dir(home: str | os.PathLike[str] | None = None) -> Path:
    """Absolute home folder: the argument, else ``$WIREDESK_HOME``, else ``./data``.

    Absolute so that views written into the warehouse work from any current directory.
    """
    chosen = home if home else os.environ.get("WIREDESK_HOME") or DEFAULT_HOME
    return Path(chosen).expanduser().resolve()


def sources_file(path: str | os.PathLike[str] | None = None) -> Path:
    """The sources file: the argument, else ``$WIREDESK_SOURCES``, else ``./sources.yaml``."""
    chosen = path if path else os.environ.get("WIREDESK_SOURCES") or DEFAULT_SOURCES
    return Path(chosen).expanduser().resolve()
