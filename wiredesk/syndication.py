"""The syndication table: each member of a multi-outlet cluster, measured against the original.

The original is the cluster's earliest copy (its id is the cluster id, see
``wiredesk.dedup``). For every other member the table says which outlet carried it, how
long after the original it appeared, how similar it still is, and how much was rewritten.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from wiredesk.clusters import earliest_copies
from wiredesk.dedup import (
    CANDIDATE_JACCARD,
    MIN_SHINGLES,
    NUM_PERM,
    SAME_CONTAINMENT,
    SAME_JACCARD,
    Fingerprint,
    Match,
    estimated_jaccard,
)
from wiredesk.lake import Lake
from wiredesk.revisions import words_changed
from wiredesk.text import fold

Row = dict[str, Any]
#: article ids -> their texts
TextLoader = Callable[[Collection[str]], Mapping[str, str]]
#: What clustering reads of every article (the text only for articles with copies).
ARTICLE_COLUMNS = [
    "article_id",
    "version_id",
    "source_id",
    "sitename",
    "title",
    "published_at",
    "version",
    "cluster_id",
    "day",
]


def _lag_minutes(original: dt.datetime | None, member: dt.datetime | None) -> float | None:
    if original is None or member is None:
        return None
    return round((member - original).total_seconds() / 60, 1)


def syndication_rows(
    articles: Mapping[str, Row],
    fingerprints: Mapping[str, Fingerprint],
    matches: Mapping[str, Match],
) -> list[Row]:
    """One row per member of every cluster with more than one member.

    ``articles`` maps article_id to a row with at least source_id, sitename, title,
    published_at, text and day; ``matches`` is ``dedup.assign_clusters`` output.
    """
    members: dict[str, list[str]] = defaultdict(list)
    for article_id, match in matches.items():
        members[match.cluster_id].append(article_id)
    rows: list[Row] = []
    for cluster_id, ids in sorted(members.items()):
        if len(ids) < 2 or cluster_id not in articles:
            continue
        original = articles[cluster_id]
        original_words = len(fold(original["text"]).split())
        for article_id in sorted(ids, key=lambda a: fingerprints[a].order):
            article = articles[article_id]
            is_original = article_id == cluster_id
            changed = 0 if is_original else words_changed(original["text"], article["text"])
            rows.append(
                {
                    "cluster_id": cluster_id,
                    "article_id": article_id,
                    "source_id": article["source_id"],
                    "outlet": article.get("sitename") or article["source_id"],
                    "title": article.get("title"),
                    "is_original": is_original,
                    "original_article_id": cluster_id,
                    "original_source_id": original["source_id"],
                    "matched_article_id": matches[article_id].matched_id,
                    "published_at": article.get("published_at"),
                    "lag_minutes": _lag_minutes(
                        original.get("published_at"), article.get("published_at")
                    ),
                    "similarity": round(
                        estimated_jaccard(fingerprints[cluster_id], fingerprints[article_id]), 3
                    ),
                    "words_changed": changed,
                    "changed_share": round(changed / original_words, 3) if original_words else None,
                    "members": len(ids),
                    "day": article["day"],
                }
            )
    return rows


def members_by_cluster(rows: Iterable[Row]) -> dict[str, set[str]]:
    clusters: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        clusters[row["cluster_id"]].add(row["article_id"])
    return dict(clusters)


def _latest_by_article(rows: Iterable[Row]) -> dict[str, Row]:
    latest: dict[str, Row] = {}
    for row in rows:
        current = latest.get(row["article_id"])
        if current is None or (row.get("version") or 1, row.get("day")) > (
            current.get("version") or 1,
            current.get("day"),
        ):
            latest[row["article_id"]] = row
    return latest


def build_syndication(
    signatures: pa.Table | Iterable[Row],
    article_rows: Iterable[Row],
    texts: TextLoader | None = None,
) -> tuple[list[Row], dict[str, tuple[str | None, str]]]:
    """Clusters over every day at once (the authoritative result, whatever order the days
    were ingested in), as syndication rows; plus article_id -> (stored cluster_id, cluster
    recomputed here) for every article whose stored cluster_id disagrees.

    ``signatures``: article_signatures rows (or that table, which keeps memory small: the
    MinHash values become one numpy matrix). ``article_rows`` may leave out ``text``;
    ``texts`` then loads it for the articles that turn out to have copies (a small share),
    so a long archive's text is never all in memory.
    """
    articles = _latest_by_article(article_rows)
    table = signatures if isinstance(signatures, pa.Table) else _signature_table(signatures)
    table = table.take(_latest_signatures(table, articles.keys()))
    matches, fingerprints = _clusters(table)
    if texts is not None:
        wanted = set(fingerprints)
        for article_id, text in (texts(wanted) if wanted else {}).items():
            articles[article_id] = {**articles[article_id], "text": text}
    rows = syndication_rows(articles, fingerprints, matches)
    for row in rows:
        row["member_day"] = row.pop("day")
    disagreements = {
        article_id: (articles[article_id].get("cluster_id"), match.cluster_id)
        for article_id, match in matches.items()
        if articles[article_id].get("cluster_id") != match.cluster_id
    }
    return rows, disagreements


SIGNATURE_COLUMNS = {
    "article_id": pa.string(),
    "version": pa.int64(),
    "published_at": pa.timestamp("us", tz="UTC"),
    "content_hash": pa.string(),
    "shingle_count": pa.int64(),
    "minhash": pa.list_(pa.int64()),
    "day": pa.date32(),
}


def _signature_table(rows: Iterable[Row]) -> pa.Table:
    rows = list(rows)
    return pa.table(
        {
            name: pa.array([r.get(name) for r in rows], kind)
            for name, kind in SIGNATURE_COLUMNS.items()
        }
    )


def _latest_signatures(table: pa.Table, wanted: Collection[str]) -> list[int]:
    """Row numbers of the latest version of every wanted article's signature."""
    wanted = set(wanted)
    best: dict[str, tuple[tuple, int]] = {}
    columns = (table.column(c).to_pylist() for c in ("article_id", "version", "day"))
    for index, (article_id, version, day) in enumerate(zip(*columns, strict=True)):
        if article_id not in wanted:
            continue
        key = (version or 1, day or dt.date.min)
        if article_id not in best or key > best[article_id][0]:
            best[article_id] = (key, index)
    return sorted(index for _, index in best.values())


def _clusters(table: pa.Table) -> tuple[dict[str, Match], dict[str, Fingerprint]]:
    """Every article's Match, and the fingerprints of the articles in multi-member clusters."""
    ids = table.column("article_id").to_pylist()
    published = table.column("published_at").to_pylist()
    hashes = table.column("content_hash").to_pylist()
    shingle_counts = np.array(
        [n or 0 for n in table.column("shingle_count").to_pylist()], dtype=np.int64
    )
    minhash = table.column("minhash").combine_chunks()
    values = pc.list_flatten(minhash).to_numpy(zero_copy_only=False)
    matrix = values.reshape(len(ids), -1) if len(ids) else values.reshape(0, NUM_PERM)
    if matrix.shape[1] * len(ids) != len(values) or any(
        n != matrix.shape[1] for n in pc.list_value_length(minhash).to_pylist()
    ):
        raise ValueError("article_signatures: MinHash signatures of different lengths")
    latest = dt.datetime.max.replace(tzinfo=dt.UTC)
    by_order = sorted(range(len(ids)), key=lambda i: (published[i] or latest, ids[i]))
    rank = np.empty(len(ids), dtype=np.int64)
    rank[by_order] = np.arange(len(ids))
    found = earliest_copies(
        matrix,
        rank,
        hashes,
        shingle_counts,
        np.arange(len(ids)),
        threshold=CANDIDATE_JACCARD,
        same_jaccard=SAME_JACCARD,
        same_containment=SAME_CONTAINMENT,
        min_shingles=MIN_SHINGLES,
    )
    cluster_of: dict[int, int] = {}
    matches: dict[str, Match] = {}
    for i in by_order:
        if i in found:
            j, jaccard = found[i]
            cluster_of[i] = cluster_of[j]
            matches[ids[i]] = Match(ids[cluster_of[i]], matched_id=ids[j], similarity=jaccard)
        else:
            cluster_of[i] = i
            matches[ids[i]] = Match(ids[i])
    sizes = Counter(cluster_of.values())
    fingerprints = {
        ids[i]: Fingerprint(
            article_id=ids[i],
            published_at=published[i],
            content_hash=hashes[i],
            minhash=tuple(int(v) for v in matrix[i]),
            shingle_count=int(shingle_counts[i]),
        )
        for i, root in cluster_of.items()
        if sizes[root] > 1
    }
    return matches, fingerprints


def read_lake(lake: Lake) -> tuple[pa.Table, list[Row], TextLoader]:
    """Signatures and article rows (without text) of every day, read a day at a time, and a
    loader for the texts ``build_syndication`` turns out to need."""
    signature_parts: list[pa.Table] = []
    article_rows: list[Row] = []
    days = lake.days("articles")
    for day in days:
        data = lake.read("article_signatures", day).select(list(SIGNATURE_COLUMNS))
        signature_parts.append(data.cast(pa.schema(SIGNATURE_COLUMNS)))
        article_rows.extend(lake.read("articles", day).select(ARTICLE_COLUMNS).to_pylist())
    signatures = pa.concat_tables(signature_parts) if signature_parts else _signature_table([])

    def texts(ids: Collection[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        wanted = pa.array(sorted(ids), pa.string())
        for day in days:
            data = lake.read("articles", day).select(["article_id", "text"])
            data = data.filter(pc.is_in(data.column("article_id"), value_set=wanted))
            ids, texts_of_day = data.column("article_id"), data.column("text")
            found.update(zip(ids.to_pylist(), texts_of_day.to_pylist(), strict=True))
        return found

    return signatures, article_rows, texts
