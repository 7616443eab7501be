"""S3 that caches what cannot change, for homes on S3 (see ``storage.filesystem``).

Imported only when a home is remote: s3fs and botocore are heavy to import.
"""

from __future__ import annotations

import io
import re
import threading
from collections import OrderedDict

import s3fs

from wiredesk.settings import current_settings
from wiredesk.store.storage import IMMUTABLE_SUFFIX

_IMMUTABLE = re.compile(IMMUTABLE_SUFFIX)
#: Metadata entries kept (a few hundred bytes each).
CACHED_INFOS = 200_000
#: Objects up to this size are kept whole in memory once read; larger ones are read by range.
CACHED_OBJECT_BYTES = 32 * 1024 * 1024


class _ObjectCache:
    """A process-wide LRU of immutable objects' metadata and bytes, bounded in bytes."""

    def __init__(self, limit: int | None = None) -> None:
        self._limit = limit
        self.size = 0
        self.infos: OrderedDict[tuple, dict] = OrderedDict()
        self.blobs: OrderedDict[tuple, bytes] = OrderedDict()
        self.lock = threading.Lock()

    @property
    def limit(self) -> int:
        """Bytes kept: the ``storage.object_cache_mb`` setting, read when first needed."""
        if self._limit is None:
            self._limit = current_settings().storage.object_cache_mb * 1024 * 1024
        return self._limit

    def blob(self, key: tuple) -> bytes | None:
        with self.lock:
            data = self.blobs.get(key)
            if data is not None:
                self.blobs.move_to_end(key)
            return data

    def info(self, key: tuple) -> dict | None:
        with self.lock:
            found = self.infos.get(key)
            return dict(found) if found is not None else None

    def keep_info(self, key: tuple, info: dict) -> None:
        with self.lock:
            self.infos[key] = dict(info)
            while len(self.infos) > CACHED_INFOS:
                self.infos.popitem(last=False)

    def keep(self, key: tuple, data: bytes) -> None:
        with self.lock:
            if key in self.blobs or len(data) > self.limit:
                return
            self.blobs[key] = data
            self.size += len(data)
            while self.size > self.limit:
                _, dropped = self.blobs.popitem(last=False)
                self.size -= len(dropped)


_CACHE = _ObjectCache()


class ImmutableCachingS3FileSystem(s3fs.S3FileSystem):
    """S3 that caches what cannot change: the metadata and bytes of immutable lake objects.

    DuckDB opens a Parquet file several times per query and re-reads footers each time a view
    is bound (every ``CREATE VIEW`` over a lake view binds it again); over a network each is
    a request. Lake objects are never rewritten (a new write is a new name, see
    ``wiredesk.store.lake``), so their ``info`` and bytes are cached for the life of the process,
    keyed by endpoint and key. Listings are not cached, so new objects are seen at once,
    except by a ``snapshot`` instance (see ``filesystem``).
    """

    snapshot = False

    def _cache_key(self, path: str) -> tuple | None:
        key = self._strip_protocol(path)
        if not _IMMUTABLE.search(key):
            return None
        return (self.endpoint_url, key)

    async def _info(self, path, bucket=None, key=None, refresh=False, version_id=None):  # noqa: ANN001, ANN202 - s3fs's signature (its exists() passes bucket and key)
        cached = self._cache_key(path) if not (version_id or refresh) else None
        known = _CACHE.info(cached) if cached is not None else None
        if known is not None:
            return known
        info = await super()._info(path, bucket, key, refresh=refresh, version_id=version_id)
        if cached is not None and info.get("type") == "file":
            _CACHE.keep_info(cached, info)
        return info

    @property
    def _snapshot_listings(self) -> dict:
        """Listings this snapshot instance already made: path -> objects under it."""
        return self.__dict__.setdefault("_listings", {})

    async def _find(self, path, maxdepth=None, withdirs=None, detail=False, prefix="", **kwargs):  # noqa: ANN001, ANN202, E501 - fsspec's signature
        """One flat listing, cut to ``maxdepth``, instead of one listing per folder level
        (a glob like ``lake/articles/*/*.parquet`` otherwise lists every day folder); a
        snapshot instance lists each folder once."""
        if maxdepth is None or prefix:
            return await super()._find(
                path, maxdepth=maxdepth, withdirs=withdirs, detail=detail, prefix=prefix, **kwargs
            )
        memo = (self._strip_protocol(path), bool(withdirs))
        found = self._snapshot_listings.get(memo) if self.snapshot else None
        if found is None:
            found = await super()._find(path, withdirs=withdirs, detail=True, **kwargs)
            if self.snapshot:
                self._snapshot_listings[memo] = found
        base = self._strip_protocol(path).rstrip("/")
        kept = {
            name: info
            for name, info in found.items()
            if name[len(base) :].strip("/").count("/") < maxdepth
        }
        return kept if detail else sorted(kept)

    def _open(self, path, mode="rb", **kwargs):  # noqa: ANN001, ANN202 - fsspec's signature
        key = self._cache_key(path) if mode == "rb" and not kwargs.get("version_id") else None
        if key is None:
            return super()._open(path, mode=mode, **kwargs)
        data = _CACHE.blob(key)
        if data is None:
            if self.info(path)["size"] > CACHED_OBJECT_BYTES:
                return super()._open(path, mode=mode, **kwargs)
            data = self.cat_file(path)
            _CACHE.keep(key, data)
        return io.BytesIO(data)
