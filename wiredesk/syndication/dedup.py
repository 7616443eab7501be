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
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from wiredesk.articles import fold_line, text_digest

if TYPE_CHECKING:
    from datasketch import MinHash
from wiredesk.syndication.clusters import earliest_copies

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
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def prepare_signatures() -> None:
    """Import datasketch and draw the permutations now: what a stage worker's warm-up does,
    so the workers forked after it sign their first texts without either."""
    _permutations()


def prepare_in_background() -> threading.Thread:
    """Import datasketch (with scipy: about 0.6 CPU s) and draw the permutations on a thread
    of their own. The articles stage starts this as it sends its pages to the workers, so
    the import happens while this process only waits for them, not after, when the first
    day's signatures are computed and every worker waits for this process instead."""
    thread = threading.Thread(target=_permutations, name="minhash-import", daemon=True)
    thread.start()
    return thread


def _minhash(values: Iterable[int] | None = None) -> MinHash:
    from datasketch import MinHash  # with scipy: imported when a page is first compared

    hashvalues = None if values is None else np.array(values, dtype=np.uint64)
    return MinHash(
        num_perm=NUM_PERM,
        seed=SEED,
        scheme=SCHEME,
        hashvalues=hashvalues,
        permutations=_permutations(),
    )


#: The key of an extracted article row that carries its ``TextSignature``, when the worker
#: that extracted it computed one; not a column of any table.
SIGNATURE = "text_signature"


@dataclass(frozen=True)
class TextSignature:
    """A text's MinHash values and shingle count, computed where the text was extracted (a
    stage worker, in parallel) and carried with its row, so the process that clusters the
    day only compares. ``text_digest`` ties it to the exact text it was computed from."""

    text_digest: bytes
    minhash: tuple[int, ...]
    shingle_count: int

    def signs(self, text: str) -> bool:
        """Whether this signature was computed from ``text``."""
        return self.text_digest == text_digest(text)


def text_signature(text: str) -> TextSignature:
    grams = shingles(text)
    minhash = _minhash()
    minhash.update_batch([s.encode("utf-8") for s in grams])
    return TextSignature(text_digest(text), tuple(int(v) for v in minhash.hashvalues), len(grams))


def fingerprint(
    article_id: str,
    text: str,
    published_at: dt.datetime | None,
    content_hash: str,
    signed: TextSignature | None = None,
) -> Fingerprint:
    """What clustering compares of one article; ``signed`` is its text's signature when
    computed already (used only if it was computed from this very text)."""
    if signed is None or not signed.signs(text):
        signed = text_signature(text)
    return Fingerprint(
        article_id=article_id,
        published_at=published_at,
        content_hash=content_hash,
        minhash=signed.minhash,
        shingle_count=signed.shingle_count,
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
    rows: list[Fingerprint] = []
    seen: set[str] = set()
    for item in prior:
        if item.article_id not in seen:
            seen.add(item.article_id)
            rows.append(item)
    first_new = len(rows)
    done: set[str] = set()
    for item in new:
        if item.article_id not in done:
            done.add(item.article_id)
            rows.append(item)
    if first_new == len(rows):
        return {}
    ids = [f.article_id for f in rows]
    by_order = sorted(range(len(rows)), key=lambda i: rows[i].order)
    rank = np.empty(len(rows), dtype=np.int64)
    rank[by_order] = np.arange(len(rows))
    codes = {article_id: code for code, article_id in enumerate(sorted(set(ids)))}
    found = earliest_copies(
        np.array([f.minhash for f in rows], dtype=np.uint64),
        rank,
        [f.content_hash for f in rows],
        np.array([f.shingle_count for f in rows], dtype=np.int64),
        np.arange(first_new, len(rows)),
        threshold=CANDIDATE_JACCARD,
        same_jaccard=SAME_JACCARD,
        same_containment=SAME_CONTAINMENT,
        min_shingles=MIN_SHINGLES,
        identity=np.array([codes[a] for a in ids], dtype=np.int64),
    )
    cluster_of = {i: rows[i].cluster_id or ids[i] for i in range(first_new)}
    result: dict[str, Match] = {}
    for i in by_order:
        if i < first_new:
            continue
        if i in found:
            j, jaccard = found[i]
            cluster_of[i] = cluster_of[j]
            result[ids[i]] = Match(cluster_of[i], matched_id=ids[j], similarity=jaccard)
        else:
            cluster_of[i] = ids[i]
            result[ids[i]] = Match(ids[i])
    return result


def exact_duplicates(hashes: dict[str, str]) -> dict[str, list[str]]:
    """content_hash -> article_ids sharing it, for hashes held by more than one article."""
    groups: dict[str, list[str]] = {}
    for article_id, digest in sorted(hashes.items()):
        groups.setdefault(digest, []).append(article_id)
    return {digest: ids for digest, ids in groups.items() if len(ids) > 1}
