"""The syndication table: each member of a multi-outlet cluster, measured against the original.

The original is the cluster's earliest copy (its id is the cluster id, see
``wiredesk.dedup``). For every other member the table says which outlet carried it, how
long after the original it appeared, how similar it still is, and how much was rewritten.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from wiredesk.dedup import Fingerprint, Match, assign_clusters, estimated_jaccard
from wiredesk.revisions import words_changed
from wiredesk.text import fold

Row = dict[str, Any]


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
    signature_rows: Iterable[Row], article_rows: Iterable[Row]
) -> tuple[list[Row], dict[str, tuple[str | None, str]]]:
    """Clusters over every day at once (the authoritative result, whatever order the days
    were ingested in), as syndication rows; plus article_id -> (stored cluster_id, cluster
    recomputed here) for every article whose stored cluster_id disagrees."""
    articles = _latest_by_article(article_rows)
    signatures = {
        article_id: row
        for article_id, row in _latest_by_article(signature_rows).items()
        if article_id in articles
    }
    fingerprints = {
        article_id: Fingerprint(
            article_id=article_id,
            published_at=row["published_at"],
            content_hash=row["content_hash"],
            minhash=tuple(row["minhash"]),
            shingle_count=row["shingle_count"] or 0,
        )
        for article_id, row in signatures.items()
    }
    matches = assign_clusters(list(fingerprints.values()))
    rows = syndication_rows(articles, fingerprints, matches)
    for row in rows:
        row["member_day"] = row.pop("day")
    disagreements = {
        article_id: (articles[article_id].get("cluster_id"), match.cluster_id)
        for article_id, match in matches.items()
        if articles[article_id].get("cluster_id") != match.cluster_id
    }
    return rows, disagreements
