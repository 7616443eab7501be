"""Files built from installed dependencies once and kept in the user's cache folder.

Some inputs ship in a form that is slow to read in every process (compressed, or a list
to filter): building them costs a process half a second or more, and a run starts several.
What is built is kept under ``$XDG_CACHE_HOME/wiredesk`` (``~/.cache/wiredesk``), named by a
stamp of what it was built from, so a changed source builds it again. Writing goes through
a temporary file and a rename, so a reader never meets half a file; where nothing can be
written, callers build in memory instead.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

import numpy as np


def cache_folder(kind: str) -> Path:
    """``$XDG_CACHE_HOME/wiredesk/<kind>`` (``~/.cache/wiredesk/<kind>``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wiredesk" / kind


def file_stamp(path: str | os.PathLike) -> str:
    """What identifies a source file's version: its path, size and modification time."""
    info = os.stat(path)
    return f"{os.fspath(path)}:{info.st_size}:{info.st_mtime_ns}"


def stamped_name(name: str, stamp: str, suffix: str) -> str:
    """``name-<16 hex digits of the stamp><suffix>``: one file per version of the source."""
    return f"{name}-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}{suffix}"


def keep(path: Path, write: Callable[[IO[bytes]], None]) -> bool:
    """Write ``path`` whole or not at all (``write`` fills an open file); False when the
    cache folder cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=path.suffix, delete=False) as out:
            try:
                write(out)
            except BaseException:
                out.close()
                os.unlink(out.name)
                raise
        os.replace(out.name, path)  # whoever else builds it too, readers see one whole file
    except OSError:
        return False
    return True


def kept_arrays(
    kind: str, name: str, stamp: str, build: Callable[[], dict[str, np.ndarray]]
) -> dict[str, np.ndarray]:
    """The arrays ``build`` makes, read back from the cache when kept for this ``stamp``
    (with the same names), else built now and kept."""
    path = cache_folder(kind) / stamped_name(name, stamp, ".npz")
    try:
        with np.load(path, allow_pickle=False) as stored:
            arrays = {key: stored[key] for key in stored.files}
        if arrays:
            return arrays
    except (OSError, ValueError, EOFError, zipfile.BadZipFile):
        pass  # not built yet, or damaged: build it
    arrays = build()
    keep(path, lambda out: np.savez(out, **arrays))
    return arrays
