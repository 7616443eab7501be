"""Near-duplicate clusters over a whole archive, with signatures held as one numpy matrix.

The rule is ``wiredesk.syndication.dedup``'s: articles are taken oldest first, and each joins the
cluster of the earliest older article verified as its copy (Jaccard from the MinHash
signatures, or containment for a shortened copy). Candidates come from LSH banding, with the
bands and rows datasketch would choose for the same threshold, so the candidates are the
same; what differs is the storage. datasketch keeps a Python dict of byte strings per band,
which for an archive of 100,000 articles took most of 2.5 GB; here a band is a sorted
uint64 array, and candidates are found with ``searchsorted`` for all the rows asked about
at once. ``earliest_copies_after_change`` continues an earlier result, asking only about
the rows a change can affect.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

#: Odd 64-bit multipliers mixing a band's values into one key (a collision only adds a
#: candidate, which verification then rejects).
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)


@functools.cache
def band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) for an LSH threshold, as datasketch derives them."""
    from datasketch import MinHashLSH  # with scipy: imported when a day is first clustered

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


@dataclass(frozen=True)
class _Rule:
    """LSH threshold for candidates; what verifies one as a copy."""

    threshold: float
    same_jaccard: float
    same_containment: float
    min_shingles: int


class _Archive:
    """Signatures with their LSH bands sorted, and the rule that verifies a candidate copy."""

    def __init__(
        self,
        signatures: np.ndarray,
        content_hashes: Sequence[str],
        shingle_counts: np.ndarray,
        rule: _Rule,
        queried: np.ndarray,
    ) -> None:
        """``queried``: the rows whose candidates will be asked for; only their places in
        the sorted bands are looked up, so a few new rows cost little in a large archive."""
        self.signatures = signatures
        codes: dict[str | None, int] = {}  # equal hashes, equal codes: compared as integers
        self.hashes = np.fromiter(
            (codes.setdefault(h, len(codes)) for h in content_hashes),
            dtype=np.int64,
            count=len(content_hashes),
        )
        self.shingle_counts = shingle_counts
        self.rule = rule
        bands, rows = band_layout(rule.threshold, signatures.shape[1])
        keys = band_keys(signatures, bands, rows)
        self.order = np.argsort(keys, axis=0, kind="stable")
        sorted_keys = np.take_along_axis(keys, self.order, axis=0)
        self.slot = np.full(signatures.shape[0], -1, dtype=np.int64)
        self.slot[queried] = np.arange(len(queried))
        self.low = np.empty((len(queried), bands), dtype=np.int64)
        self.high = np.empty((len(queried), bands), dtype=np.int64)
        for b in range(bands):
            asked = keys[queried, b]
            self.low[:, b] = np.searchsorted(sorted_keys[:, b], asked, side="left")
            self.high[:, b] = np.searchsorted(sorted_keys[:, b], asked, side="right")
        self.shared = (self.high - self.low) > 1

    def candidates(self, i: int) -> np.ndarray:
        """Rows sharing at least one band with queried row ``i`` (``i`` among them), or none."""
        slot = self.slot[i]
        if slot < 0:
            raise ValueError(f"row {i} was not among the queried rows")
        low, high = self.low[slot], self.high[slot]
        wanted = np.flatnonzero(self.shared[slot])
        if not len(wanted):
            return wanted
        return np.unique(np.concatenate([self.order[low[b] : high[b], b] for b in wanted]))

    def verified(self, i: int, candidates: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Which candidates are copies of row ``i`` (the test is symmetric), and their
        estimated Jaccard."""
        num_perm = self.signatures.shape[1]
        same = np.count_nonzero(self.signatures[candidates] == self.signatures[i], axis=1)
        jaccard = np.where(self.hashes[candidates] == self.hashes[i], 1.0, same / num_perm)
        sizes = self.shingle_counts[candidates].astype(float)
        smaller = np.minimum(sizes, self.shingle_counts[i])
        intersection = jaccard * (sizes + self.shingle_counts[i]) / (1 + jaccard)
        with np.errstate(divide="ignore", invalid="ignore"):
            contained = np.minimum(1.0, np.where(smaller > 0, intersection / smaller, 0.0))
        verified = (jaccard >= self.rule.same_jaccard) | (
            (smaller >= self.rule.min_shingles) & (contained >= self.rule.same_containment)
        )
        return verified, jaccard


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
    if signatures.shape[0] == 0:
        return {}
    rule = _Rule(threshold, same_jaccard, same_containment, min_shingles)
    queried = np.asarray(todo, dtype=np.int64)
    archive = _Archive(signatures, content_hashes, shingle_counts, rule, queried)
    return _earliest(archive, rank, todo, identity)


def _earliest(
    archive: _Archive, rank: np.ndarray, todo: Iterable[int], identity: np.ndarray | None = None
) -> dict[int, tuple[int, float]]:
    found: dict[int, tuple[int, float]] = {}
    for i in todo:
        candidates = archive.candidates(i)
        candidates = candidates[rank[candidates] < rank[i]]
        if identity is not None:
            candidates = candidates[identity[candidates] != identity[i]]
        if not len(candidates):
            continue
        verified, jaccard = archive.verified(i, candidates)
        if verified.any():
            hits = np.flatnonzero(verified)
            best = hits[np.argmin(rank[candidates[hits]])]
            found[int(i)] = (int(candidates[best]), float(jaccard[best]))
    return found


def earliest_copies_after_change(
    signatures: np.ndarray,
    rank: np.ndarray,
    content_hashes: Sequence[str],
    shingle_counts: np.ndarray,
    changed: np.ndarray,
    previous: Mapping[int, tuple[int, float]],
    threshold: float,
    same_jaccard: float,
    same_containment: float,
    min_shingles: int,
) -> dict[int, tuple[int, float]]:
    """``earliest_copies`` for every row, given its result before some rows changed.

    ``changed`` marks the rows that are new, or whose signature or rank is not the one the
    earlier result saw; ``previous`` is that result for the other rows (row -> (matched
    row, Jaccard); matched row -1 when that article is gone). Whether a row copies another
    depends on the two rows alone, so an unchanged row keeps its match unless the match
    changed or went (then it is searched again), or a changed row is an older verified
    copy (then that one is its match). Only changed rows and the rows that matched them
    are searched, so a new day costs what its own articles share bands with, not the
    whole archive over again.
    """
    if signatures.shape[0] == 0:
        return {}
    redo = changed.copy()
    for i, (j, _) in previous.items():
        if j < 0 or changed[j]:
            redo[i] = True
    rule = _Rule(threshold, same_jaccard, same_containment, min_shingles)
    queried = np.flatnonzero(redo)  # the changed rows among them
    archive = _Archive(signatures, content_hashes, shingle_counts, rule, queried)
    found = _earliest(archive, rank, np.flatnonzero(redo))
    # A changed row may be an older copy of rows kept as they were: the earliest such wins.
    nearer: dict[int, tuple[int, float]] = {}
    for c in np.flatnonzero(changed):
        candidates = archive.candidates(c)
        candidates = candidates[(rank[candidates] > rank[c]) & ~redo[candidates]]
        if not len(candidates):
            continue
        verified, jaccard = archive.verified(c, candidates)
        for i, similarity in zip(candidates[verified], jaccard[verified], strict=True):
            best = nearer.get(int(i))
            if best is None or rank[c] < rank[best[0]]:
                nearer[int(i)] = (int(c), float(similarity))
    for i in np.flatnonzero(~redo):
        i = int(i)
        kept, closer = previous.get(i), nearer.get(i)
        if closer is not None and (kept is None or rank[closer[0]] < rank[kept[0]]):
            found[i] = closer
        elif kept is not None:
            found[i] = kept
    return found
