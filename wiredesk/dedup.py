"""Exact and near-duplicate copy: the same wire story carried by several outlets.

Near-duplicates are found with MinHash over word 5-gram shingles and LSH; clusters are
connected components of similar pairs, named after their earliest member, so the result
does not depend on the order articles arrive in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from wiredesk.text import fold

NUM_PERM = 128
SHINGLE = 5
THRESHOLD = 0.5


@dataclass(frozen=True)
class DedupInput:
    article_id: str
    text: str
    published_at: dt.datetime | None


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = fold(text).split()
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    for shingle in shingles(text):
        minhash.update(shingle.encode("utf-8"))
    return minhash


def _sort_key(item: DedupInput) -> tuple:
    stamp = item.published_at or dt.datetime.max.replace(tzinfo=dt.UTC)
    return (stamp, item.article_id)


def cluster(items: Sequence[DedupInput], threshold: float = THRESHOLD) -> dict[str, str]:
    """article_id -> cluster_id (the article_id of the earliest copy in its cluster)."""
    ordered = sorted(items, key=_sort_key)
    parent = {item.article_id: item.article_id for item in ordered}

    def find(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    rank = {item.article_id: index for index, item in enumerate(ordered)}
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    signatures = {}
    for item in ordered:
        signatures[item.article_id] = signature(item.text)
        for other in lsh.query(signatures[item.article_id]):
            if signatures[other].jaccard(signatures[item.article_id]) >= threshold:
                a, b = find(other), find(item.article_id)
                if a != b:
                    # The earlier article is the root, so the cluster is named after it.
                    first, second = (a, b) if rank[a] < rank[b] else (b, a)
                    parent[second] = first
        lsh.insert(item.article_id, signatures[item.article_id])
    return {article_id: find(article_id) for article_id in parent}
