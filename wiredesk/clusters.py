"""Near-duplicate clusters over a whole archive, with signatures held as one numpy matrix.

The rule is ``wiredesk.dedup``'s: articles are taken oldest first, and each joins the
cluster of the earliest older article verified as its copy (Jaccard from the MinHash
signatures, or containment for a shortened copy). Candidates come from LSH banding, with the
bands and rows datasketch would choose for the same threshold, so the candidates are the
same; what differs is the storage. datasketch keeps a Python dict of byte strings per band,
which for an archive of 100,000 articles took most of 2.5 GB; here a band is a sorted
uint64 array, and candidates are found with ``searchsorted`` for all articles at once.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np
from datasketch import MinHashLSH

#: Odd 64-bit multipliers mixing a band's values into one key (a collision only adds a
#: candidate, which verification then rejects).
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)


@functools.cache
def band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) for an LSH threshold, as datasketch derives them."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One uint64 key per article and band: equal keys for equal runs of ``rows`` values."""
    n = signatures.shape[0]
    keys = np.zeros((n, bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(rows):
            column = signatures[:, r : bands * rows : rows].astype(np.uint64)
            keys = keys * _MIX[r % len(_MIX)] + column + np.uint64(r + 1)
    return keys


def earliest_copies(
    signatures: np.ndarray,
    rank: np.ndarray,
    content_hashes: Sequence[str],
    shingle_counts: np.ndarray,
    todo: np.ndarray,
    threshold: float,
    same_jaccard: float,
    same_containment: float,
    min_shingles: int,
    identity: np.ndarray | None = None,
) -> dict[int, tuple[int, float]]:
    """For each row in ``todo``: the lowest-ranked older row verified as its copy.

    ``rank`` orders the rows (publication time, then id); a row is compared only with rows
    of lower rank, and never with a row of the same ``identity`` (another reading of the
    same article). Returns row -> (matched row, estimated Jaccard) for rows with a match.
    """
    n, num_perm = signatures.shape
    if n == 0:
        return {}
    bands, rows = band_layout(threshold, num_perm)
    keys = band_keys(signatures, bands, rows)
    order = np.argsort(keys, axis=0, kind="stable")
    sorted_keys = np.take_along_axis(keys, order, axis=0)
    low = np.empty_like(order)
    high = np.empty_like(order)
    for b in range(bands):
        low[:, b] = np.searchsorted(sorted_keys[:, b], keys[:, b], side="left")
        high[:, b] = np.searchsorted(sorted_keys[:, b], keys[:, b], side="right")
    shared = (high - low) > 1
    hashes = np.asarray(content_hashes, dtype=object)
    found: dict[int, tuple[int, float]] = {}
    for i in todo:
        wanted = np.flatnonzero(shared[i])
        if not len(wanted):
            continue
        candidates = np.unique(np.concatenate([order[low[i, b] : high[i, b], b] for b in wanted]))
        candidates = candidates[rank[candidates] < rank[i]]
        if identity is not None:
            candidates = candidates[identity[candidates] != identity[i]]
        if not len(candidates):
            continue
        jaccard = np.count_nonzero(signatures[candidates] == signatures[i], axis=1) / num_perm
        jaccard = np.where(hashes[candidates] == hashes[i], 1.0, jaccard)
        sizes = shingle_counts[candidates].astype(float)
        smaller = np.minimum(sizes, shingle_counts[i])
        intersection = jaccard * (sizes + shingle_counts[i]) / (1 + jaccard)
        with np.errstate(divide="ignore", invalid="ignore"):
            contained = np.minimum(1.0, np.where(smaller > 0, intersection / smaller, 0.0))
        verified = (jaccard >= same_jaccard) | (
            (smaller >= min_shingles) & (contained >= same_containment)
        )
        if verified.any():
            hits = np.flatnonzero(verified)
            best = hits[np.argmin(rank[candidates[hits]])]
            found[int(i)] = (int(candidates[best]), float(jaccard[best]))
    return found
