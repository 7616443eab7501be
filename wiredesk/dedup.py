"""Exact and near-duplicate copy: the same wire story carried by several outlets.

Exact duplicates share ``content_hash`` (the hash of the folded text). Near-duplicates are
found with MinHash over word 5-gram shingles and LSH, then verified: two texts are copies
when their estimated Jaccard similarity is high, or when most of the shorter one is
contained in the longer one (an outlet that cut the wire story to six paragraphs and added
its own furniture).

Clusters follow the "earliest similar predecessor" rule: articles are taken in order of
publication time (then article_id), and each joins the cluster of the earliest earlier
article it is a copy of, or starts its own cluster named after itself. So the cluster id is
the article_id of the earliest copy (the original); the result depends only on the set of
articles, never on the order they arrive in; and adding later articles never changes an
earlier article's cluster, which keeps ids stable across re-runs and days.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from wiredesk.text import fold_line

NUM_PERM = 128
SHINGLE = 5
SEED = 1
#: datasketch's hashing scheme, pinned so stored signatures stay comparable across versions.
SCHEME = "affine32"
#: LSH band threshold: candidates only; every candidate is verified below.
CANDIDATE_JACCARD = 0.25
#: Verified copies: Jaccard at least this ...
SAME_JACCARD = 0.5
#: ... or at least this share of the shorter text's shingles found in the longer one.
SAME_CONTAINMENT = 0.6
#: Texts shorter than this many shingles are too short to call copies by containment.
MIN_SHINGLES = 20
_LATEST = dt.datetime.max.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class Fingerprint:
    """What clustering needs to know about one article, storable per day and read back."""

    article_id: str
    published_at: dt.datetime | None
    content_hash: str
    minhash: tuple[int, ...]
    shingle_count: int
    cluster_id: str | None = None  # set for articles already clustered (earlier days)

    @property
    def order(self) -> tuple[dt.datetime, str]:
        return (self.published_at or _LATEST, self.article_id)


@dataclass(frozen=True)
class Match:
    """Where one article landed: its cluster and the predecessor that put it there."""

    cluster_id: str
    matched_id: str | None = None
    similarity: float = 1.0  # estimated Jaccard with the matched predecessor


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Word n-grams of the folded text, never spanning a paragraph break, so that an
    outlet reordering paragraphs changes no shingle."""
    grams: set[str] = set()
    for paragraph in text.split("\n"):
        words = fold_line(paragraph).split()
        if len(words) <= size:
            if words:
                grams.add(" ".join(words))
            continue
        grams.update(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
    return grams


@functools.cache
def _permutations() -> object:
    """The seeded permutations, drawn once: drawing them costs more than using them."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def _minhash(values: Iterable[int] | None = None) -> MinHash:
    hashvalues = None if values is None else np.array(values, dtype=np.uint64)
    return MinHash(
        num_perm=NUM_PERM,
        seed=SEED,
        scheme=SCHEME,
        hashvalues=hashvalues,
        permutations=_permutations(),
    )


@functools.cache
def _lsh_params() -> tuple[int, int]:
    """Bands and rows for CANDIDATE_JACCARD: datasketch derives them by numerical
    integration, worth doing once rather than on every clustering."""
    lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def signature(text: str) -> MinHash:
    minhash = _minhash()
    minhash.update_batch([s.encode("utf-8") for s in shingles(text)])
    return minhash


def fingerprint(
    article_id: str, text: str, published_at: dt.datetime | None, content_hash: str
) -> Fingerprint:
    grams = shingles(text)
    minhash = _minhash()
    minhash.update_batch([s.encode("utf-8") for s in grams])
    return Fingerprint(
        article_id=article_id,
        published_at=published_at,
        content_hash=content_hash,
        minhash=tuple(int(v) for v in minhash.hashvalues),
        shingle_count=len(grams),
    )


def estimated_jaccard(a: Fingerprint, b: Fingerprint) -> float:
    if a.content_hash == b.content_hash:
        return 1.0
    return float(np.mean(np.array(a.minhash) == np.array(b.minhash)))


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Share of the smaller set inside the larger, from Jaccard and the two set sizes."""
    smaller = min(size_a, size_b)
    if smaller == 0:
        return 0.0
    intersection = jaccard * (size_a + size_b) / (1 + jaccard)
    return min(1.0, intersection / smaller)


def is_copy(a: Fingerprint, b: Fingerprint) -> tuple[bool, float]:
    """(copies?, estimated Jaccard)."""
    jaccard = estimated_jaccard(a, b)
    return _verified(a, b, jaccard), jaccard


def _verified(a: Fingerprint, b: Fingerprint, jaccard: float) -> bool:
    if jaccard >= SAME_JACCARD:
        return True
    if min(a.shingle_count, b.shingle_count) < MIN_SHINGLES:
        return False
    return containment(jaccard, a.shingle_count, b.shingle_count) >= SAME_CONTAINMENT


def assign_clusters(
    new: Sequence[Fingerprint], prior: Sequence[Fingerprint] = ()
) -> dict[str, Match]:
    """article_id -> Match for every article in ``new``.

    ``prior`` are already clustered articles (earlier days, read back from the lake): new
    articles may join their clusters, but their own assignments are not revisited.
    """
    lsh = MinHashLSH(num_perm=NUM_PERM, params=_lsh_params())
    known: dict[str, Fingerprint] = {}
    cluster_of: dict[str, str] = {}
    for item in prior:
        if item.article_id in known:
            continue
        known[item.article_id] = item
        cluster_of[item.article_id] = item.cluster_id or item.article_id
        lsh.insert(item.article_id, _minhash(item.minhash))
    result: dict[str, Match] = {}
    arrays = {key: np.asarray(f.minhash, dtype=np.uint64) for key, f in known.items()}
    for item in sorted(new, key=lambda f: f.order):
        if item.article_id in result:
            continue
        signature_of_item = _minhash(item.minhash)
        arrays[item.article_id] = np.asarray(item.minhash, dtype=np.uint64)
        earlier = [
            other_id
            for other_id in lsh.query(signature_of_item)
            if other_id != item.article_id and known[other_id].order < item.order
        ]
        best = _earliest_copy(item, [known[o] for o in earlier], arrays)
        if best is None:
            match = Match(cluster_id=item.article_id)
        else:
            match = Match(cluster_id=cluster_of[best[0]], matched_id=best[0], similarity=best[1])
        result[item.article_id] = match
        cluster_of[item.article_id] = match.cluster_id
        known[item.article_id] = item
        if item.article_id not in lsh:
            lsh.insert(item.article_id, signature_of_item)
    return result


def _earliest_copy(
    item: Fingerprint, candidates: Sequence[Fingerprint], arrays: dict[str, np.ndarray]
) -> tuple[str, float] | None:
    """The earliest candidate verified as a copy of ``item``, with its estimated Jaccard.

    All candidates are verified at once with numpy: LSH at a low threshold returns many
    candidates per article, and checking them one by one dominated clustering time.
    """
    if not candidates:
        return None
    matrix = np.stack([arrays[c.article_id] for c in candidates])
    jaccard = np.count_nonzero(matrix == arrays[item.article_id], axis=1) / matrix.shape[1]
    same_text = np.array([c.content_hash == item.content_hash for c in candidates])
    jaccard = np.where(same_text, 1.0, jaccard)
    sizes = np.array([c.shingle_count for c in candidates], dtype=float)
    smaller = np.minimum(sizes, item.shingle_count)
    intersection = jaccard * (sizes + item.shingle_count) / (1 + jaccard)
    with np.errstate(divide="ignore", invalid="ignore"):
        contained = np.minimum(1.0, np.where(smaller > 0, intersection / smaller, 0.0))
    verified = (jaccard >= SAME_JACCARD) | (
        (smaller >= MIN_SHINGLES) & (contained >= SAME_CONTAINMENT)
    )
    if not verified.any():
        return None
    winner = min(np.flatnonzero(verified), key=lambda i: candidates[i].order)
    return candidates[winner].article_id, float(jaccard[winner])


def exact_duplicates(hashes: dict[str, str]) -> dict[str, list[str]]:
    """content_hash -> article_ids sharing it, for hashes held by more than one article."""
    groups: dict[str, list[str]] = {}
    for article_id, digest in sorted(hashes.items()):
        groups.setdefault(digest, []).append(article_id)
    return {digest: ids for digest, ids in groups.items() if len(ids) > 1}
