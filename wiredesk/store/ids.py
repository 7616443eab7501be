"""Stable identifiers: hashes of content, so re-runs and parallel writers agree."""

from __future__ import annotations

import hashlib


def stable_id(*parts: object, length: int = 16) -> str:
    """Hex digest of the parts joined unambiguously; never depends on row order."""
    digest = hashlib.sha256()
    for part in parts:
        data = "" if part is None else str(part)
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data.encode("utf-8"))
    return digest.hexdigest()[:length]
