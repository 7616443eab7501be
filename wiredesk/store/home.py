"""Where wiredesk keeps its data: one home, the ``home.path`` setting (``WIREDESK_HOME``).

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

from wiredesk.settings import Settings, current_settings
from wiredesk.store.storage import AnyPath, as_path, is_remote

DEFAULT_HOME: str = Settings().home.path
DEFAULT_SOURCES: str = Settings().home.sources
#: Local home of a remote home when ``home.local`` is unset: beside ``.dagster``.
DEFAULT_LOCAL_ROOT = ".wiredesk"


def home_dir(home: str | os.PathLike[str] | None = None) -> AnyPath:
    """The home: the argument, else the ``home.path`` setting (default ``./data``).

    A local home is an absolute ``Path`` so that views written into the warehouse work from
    any current directory; a remote one is a ``UPath``.
    """
    chosen = home if home else current_settings().home.path
    return as_path(chosen)


def local_home(home: str | os.PathLike[str] | None = None) -> Path:
    """Local folder for the warehouse file and ``state/``: the home itself when local; for a
    remote home the ``home.local`` setting if set, else ``./.wiredesk/<bucket>/<prefix>``.

    The setting applies to remote homes only, so a local run elsewhere never writes into a
    remote home's folder. By default each remote home has its own folder, so two remote
    homes never share a ledger. Past one machine, point ``home.local`` at a volume
    the fetching steps share (see deploy/README.md).
    """
    resolved = home_dir(home)
    if not is_remote(resolved):
        return Path(resolved)
    chosen = current_settings().home.local
    if chosen:
        return Path(chosen).expanduser().resolve()
    bucket_and_prefix = str(resolved).partition("://")[2]
    return (Path(DEFAULT_LOCAL_ROOT) / bucket_and_prefix).resolve()


def state_dir(home: str | os.PathLike[str] | None = None) -> Path:
    """The pipeline's state folder (ledger, poll times, fetch validators)."""
    return local_home(home) / "state"


def sources_file(path: str | os.PathLike[str] | None = None) -> Path:
    """The sources file: the argument, else the ``home.sources`` setting (``./sources.yaml``)."""
    chosen = path if path else current_settings().home.sources
    return Path(chosen).expanduser().resolve()
