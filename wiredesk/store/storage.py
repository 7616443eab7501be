"""Where the home lives: a local folder, or a prefix on object storage (``s3://bucket/prefix``).

A remote home is a ``UPath`` (universal_pathlib, over fsspec), so code that walks the lake
with ``/``, ``glob`` and ``stat`` works on both. What differs is confined to a few calls here:
object stores have no rename, so "write then rename" becomes one PUT (which is atomic: a reader
sees the old object or the new one), and DuckDB reaches the objects through the same fsspec
filesystem registered on each connection (its own httpfs extension is downloaded at run time,
which this deployment cannot do).

Settings are the standard AWS ones, read by botocore: ``AWS_ACCESS_KEY_ID``,
``AWS_SECRET_ACCESS_KEY``, ``AWS_SESSION_TOKEN``, ``AWS_DEFAULT_REGION``, and
``AWS_ENDPOINT_URL_S3`` or ``AWS_ENDPOINT_URL`` for an S3-compatible server (MinIO, Ceph, R2).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import TypeAlias

import duckdb
import fsspec
from upath import UPath

#: A home, or anything under it: a local path or an object-store path.
AnyPath: TypeAlias = Path | UPath

LOCAL_SCHEMES = ("", "file", "local")


def scheme(location: str | os.PathLike[str]) -> str:
    """The URL scheme of a location ('' for a plain local path)."""
    text = str(location)
    head, sep, _ = text.partition("://")
    return head.lower() if sep and head.isidentifier() else ""


def is_remote(location: str | os.PathLike[str]) -> bool:
    return scheme(location) not in LOCAL_SCHEMES


def storage_options(protocol: str) -> dict:
    """fsspec options for a protocol, from the environment.

    Listings are never cached: each query and each publication must see the objects written
    a moment ago by another step, and a stale listing would hide them.
    """
    if protocol in ("s3", "s3a"):
        options: dict = {"use_listings_cache": False}
        endpoint = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
        if endpoint:
            options["endpoint_url"] = endpoint
        return options
    return {"use_listings_cache": False}


def filesystem(protocol: str, snapshot: bool = False) -> fsspec.AbstractFileSystem:
    """The fsspec filesystem of a protocol (fsspec caches one instance per set of options).

    ``snapshot`` gives a new instance that lists each folder once and then answers from
    memory: for a connection that must see one state of the lake for its whole life (the
    pipeline's reads, the definition of the views), never for an analyst's connection.
    """
    options = storage_options(protocol)
    if protocol not in ("s3", "s3a"):
        if snapshot:
            options |= {"use_listings_cache": True, "skip_instance_cache": True}
        return fsspec.filesystem(protocol, **options)
    # s3fs (and botocore under it) is imported only when a home is on S3: it costs most of
    # a second and tens of MB in every process that never needs it.
    from wiredesk.store.s3_cache import ImmutableCachingS3FileSystem

    shared = ImmutableCachingS3FileSystem(**options)
    if not snapshot:
        return shared
    # A new instance for its own listings, on the shared client: making an S3 client costs
    # a fifth of a second, more than the listings it saves.
    shared.connect()
    own = ImmutableCachingS3FileSystem(**options, skip_instance_cache=True)
    for name in ("_s3", "session", "_s3creator", "_kwargs_helper"):
        own.__dict__[name] = shared.__dict__.get(name)
    own.__dict__["_session_is_owned"] = False  # the shared instance closes the client
    own.snapshot = True
    return own


#: What follows the part in an immutable file's name: ``.<20-digit stamp>-<hex>-<hex>.parquet``
#: (published links, and every object of a remote lake; see ``wiredesk.store.lake``).
IMMUTABLE_SUFFIX = r"\.[0-9]{20}-[0-9a-f]+-[0-9a-f]+\.parquet$"


def as_path(location: str | os.PathLike[str]) -> AnyPath:
    """A local location as an absolute ``Path``, a remote one as a ``UPath`` with options.

    Local paths are absolute so that views written into the warehouse work from any current
    directory; remote ones lose a trailing slash so that ``/`` joins give one key each.
    """
    if isinstance(location, UPath) and is_remote(location):
        return location
    if is_remote(location):
        text = str(location).rstrip("/")
        return UPath(text, **storage_options(scheme(text)))
    text = str(location)
    if scheme(text):
        text = text.partition("://")[2]
    return Path(text).expanduser().resolve()


def register(
    con: duckdb.DuckDBPyConnection, location: str | os.PathLike[str], snapshot: bool = False
) -> None:
    """Let DuckDB read a remote home's objects; ``snapshot`` as in ``filesystem``.

    Parquet footers are cached on every connection, local or remote: a lake file is never
    rewritten under its name (each write is a new stamped file), and a query over a year of
    days otherwise parses hundreds of footers again each time.
    """
    con.execute("SET parquet_metadata_cache = true")
    if not is_remote(location):
        return
    fs = filesystem(scheme(location), snapshot=snapshot)
    protocols = fs.protocol if isinstance(fs.protocol, tuple | list) else (fs.protocol,)
    if not set(protocols) & set(con.list_filesystems()):  # registering twice is an error
        con.register_filesystem(fs)


def write_bytes_atomic(path: AnyPath, data: bytes) -> None:
    """Replace a file whole: a temporary name then a rename locally, one PUT remotely."""
    if isinstance(path, UPath) and is_remote(path):
        path.write_bytes(data)
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_text_atomic(path: AnyPath, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def fs_and_path(path: AnyPath) -> tuple[fsspec.AbstractFileSystem | None, str]:
    """What pyarrow needs to open a file: (filesystem or None for local, path in it)."""
    if isinstance(path, UPath) and is_remote(path):
        return path.fs, path.path
    text = str(path)
    if is_remote(text):
        return filesystem(scheme(text)), text.partition("://")[2]
    return None, text
