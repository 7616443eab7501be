"""A cheap fingerprint of the code that defines the asset graph.

The build log keeps the stage graph so that a run with nothing to do need not import the
pipeline's definitions; after an upgrade that adds or rewires an asset, this fingerprint
differs and the graph is read again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def code_stamp() -> str:
    """Size and modification time of every module of ``assets/`` and the definitions."""
    files = sorted([*(ROOT / "assets").glob("*.py"), ROOT / "pipelines" / "definitions.py"])
    marks = []
    for path in files:
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        marks.append((path.name, stat.st_size, stat.st_mtime_ns))
    return hashlib.sha256(repr(marks).encode("utf-8")).hexdigest()[:16]
