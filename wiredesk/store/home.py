"""Where wiredesk keeps its data: one home, set by ``WIREDESK_HOME``.

The home is a local folder or an object-store prefix (``s3://bucket/prefix``, see
``wiredesk.store.storage``). Two things cannot live on object storage and go to the *local home*
instead: the analyst's DuckDB file (DuckDB opens database files through the operating system
only) and ``state/``, the pipeline's small SQLite and JSON files (the ledger of items seen,
poll times, conditional-GET validators), which need transactions and file locks that an
object store does not offer. For a local home the local home is the home itself.
"""

from __future__ import annotations

import os
from pathlib import Path

from wiredesk.store.storage import AnyPath, as_path, is_remote

DEFAULT_HOME = "data"
DEFAULT_SOURCES = "sources.yaml"
#: Local home of a remote home when ``WIREDESK_LOCAL_HOME`` is unset: beside ``.dagster``.
DEFAULT_LOCAL_ROOT = ".wiredesk"


def home_dir(home: str | os.PathLike[str] | None = None) -> AnyPath:
    """The home: the argument, else ``$WIREDESK_HOME``, else ``./data``.

    A local home is an absolute ``Path`` so that views written into the warehouse work from
    any current directory; a remote one is a ``UPath``.
    """
    chosen = home if home else os.environ.get("WIREDESK_HOME") or DEFAULT_HOME
    return as_path(chosen)


def local_home(home: str | os.PathLike[str] | None = None) -> Path:
    """Local folder for the warehouse file and ``state/``: the home itself when local; for a
    remote home ``$WIREDESK_LOCAL_HOME`` if set, else ``./.wiredesk/<bucket>/<prefix>``.

    The setting applies to remote homes only, so a local run elsewhere never writes into a
    remote home's folder. By default each remote home has its own folder, so two remote
    homes never share a ledger. Past one machine, point ``WIREDESK_LOCAL_HOME`` at a volume
    the fetching steps share (see deploy/README.md).
    """
    resolved = home_dir(home)
    if not is_remote(resolved):
        return Path(resolved)
    chosen = os.environ.get("WIREDESK_LOCAL_HOME")
    if chosen:
        return Path(chosen).expanduser().resolve()
    bucket_and_prefix = str(resolved).partition("://")[2]
    return (Path(DEFAULT_LOCAL_ROOT) / bucket_and_prefix).resolve()


def state_dir(home: str | os.PathLike[str] | None = None) -> Path:
    """The pipeline's state folder (ledger, poll times, fetch validators)."""
    return local_home(home) / "state"


def sources_file(path: str | os.PathLike[str] | None = None) -> Path:
    """The sources file: the argument, else ``$WIREDESK_SOURCES``, else ``./sources.yaml``."""
    chosen = path if path else os.environ.get("WIREDESK_SOURCES") or DEFAULT_SOURCES
    return Path(chosen).expanduser().resolve()
