"""The syndication table: each member of a multi-outlet cluster, measured against the original.

The original is the cluster's earliest copy (its id is the cluster id, see
``wiredesk.syndication.dedup``). For every other member the table says which outlet carried it, how
long after the original it appeared, how similar it still is, and how much was rewritten.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from wiredesk.articles import fold, superseded_rows, words_changed
from wiredesk.store import Lake
from wiredesk.syndication.clusters import earliest_copies, earliest_copies_after_change
from wiredesk.syndication.dedup import (
    CANDIDATE_JACCARD,
    MIN_SHINGLES,
    NUM_PERM,
    SAME_CONTAINMENT,
    SAME_JACCARD,
    SCHEME,
    SEED,
    SHINGLE,
    Fingerprint,
    Match,
    estimated_jaccard,
)

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
    measured: Mapping[str, tuple[int, float | None]] | None = None,
) -> list[Row]:
    """One row per member of every cluster with more than one member.

    ``articles`` maps article_id to a row with at least source_id, sitename, title,
    published_at and day, and text for the members not in ``measured``; ``matches`` is
    ``dedup.assign_clusters`` output. ``measured`` holds (words_changed, changed_share)
    still true from an earlier run (``reusable_measures``), so their texts need no diff.
    """
    measured = measured or {}
    members: dict[str, list[str]] = defaultdict(list)
    for article_id, match in matches.items():
        members[match.cluster_id].append(article_id)
    rows: list[Row] = []
    for cluster_id, ids in sorted(members.items()):
        if len(ids) < 2 or cluster_id not in articles:
            continue
        original = articles[cluster_id]
        original_words: int | None = None
        for article_id in sorted(ids, key=lambda a: fingerprints[a].order):
            article = articles[article_id]
            is_original = article_id == cluster_id
            if article_id in measured:
                changed, share = measured[article_id]
            else:
                if original_words is None:
                    original_words = len(fold(original["text"]).split())
                changed = 0 if is_original else words_changed(original["text"], article["text"])
                share = round(changed / original_words, 3) if original_words else None
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
                    "changed_share": share,
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


class Syndication(NamedTuple):
    rows: list[Row]
    #: article_id -> (stored cluster_id, cluster recomputed here), where they differ.
    disagreements: dict[str, tuple[str | None, str]]
    #: What the next run starts from (``save_state``): every article's match and measures.
    state: pa.Table


def build_syndication(
    signatures: pa.Table | Iterable[Row],
    article_rows: Iterable[Row],
    texts: TextLoader | None = None,
    previous: pa.Table | None = None,
) -> Syndication:
    """Clusters over every day at once (the authoritative result, whatever order the days
    were ingested in), as syndication rows; the articles whose stored cluster_id disagrees;
    and the state a later run continues from.

    ``signatures``: article_signatures rows (or that table, which keeps memory small: the
    MinHash values become one numpy matrix). ``article_rows`` may leave out ``text``;
    ``texts`` then loads it for the members whose words changed must be measured (a small
    share), so a long archive's text is never all in memory. ``previous`` is the state of
    an earlier run (``load_state``): only articles new or changed since, and those whose
    match they were, are searched again, with the same result as searching everything.
    """
    articles = _latest_by_article(article_rows)
    table = signatures if isinstance(signatures, pa.Table) else _signature_table(signatures)
    table = table.take(pa.array(_latest_signatures(table, articles.keys()), pa.int64()))
    matches, fingerprints, keys, unchanged = _clusters(table, previous)
    measured = reusable_measures(previous, unchanged, matches)
    if texts is not None:
        wanted = {a for a in fingerprints if a not in measured}
        wanted |= {matches[a].cluster_id for a in wanted}
        for article_id, text in (texts(wanted) if wanted else {}).items():
            articles[article_id] = {**articles[article_id], "text": text}
    rows = syndication_rows(articles, fingerprints, matches, measured)
    for row in rows:
        row["member_day"] = row.pop("day")
    disagreements = {
        article_id: (articles[article_id].get("cluster_id"), match.cluster_id)
        for article_id, match in matches.items()
        if articles[article_id].get("cluster_id") != match.cluster_id
    }
    return Syndication(rows, disagreements, _state(keys, matches, rows))


def _state(keys: pa.Table, matches: Mapping[str, Match], rows: Iterable[Row]) -> pa.Table:
    """What the next run starts from, one row per article: what tells whether it changed
    (``keys``), its match, its cluster and its measures."""
    measures = {r["article_id"]: (r["words_changed"], r["changed_share"]) for r in rows}
    ids = keys.column("article_id").to_pylist()
    found = [matches[a] for a in ids]
    columns = {
        "matched_id": [m.matched_id for m in found],
        "similarity": [m.similarity if m.matched_id else None for m in found],
        "cluster_id": [m.cluster_id for m in found],
        "words_changed": [measures.get(a, (None, None))[0] for a in ids],
        "changed_share": [measures.get(a, (None, None))[1] for a in ids],
    }
    for name, values in columns.items():
        field = STATE_SCHEMA.field(name)
        keys = keys.append_column(field, pa.array(values, field.type))
    return keys.cast(STATE_SCHEMA)


def update_syndication(
    lake: Lake, state_dir: Path, publish: Callable[[], object] = lambda: None
) -> tuple[Syndication, list[str]]:
    """The cross-day step whole: cluster every day from the saved state, write syndication
    and superseded_articles, ``publish``, and only then save the new state. Also returns
    the partition days of the articles whose stored cluster_id disagrees (to re-run)."""
    state_file = state_dir / STATE_FILE
    signatures, article_rows, texts = read_lake(lake)
    result = build_syndication(signatures, article_rows, texts, load_state(state_file))
    lake.write("syndication", result.rows)
    lake.write("superseded_articles", superseded_rows(article_rows))
    publish()
    save_state(state_file, result.state)
    days = {row["article_id"]: row["day"] for row in article_rows}
    return result, sorted({days[a].isoformat() for a in result.disagreements})


def reusable_measures(
    previous: pa.Table | None, unchanged: Collection[str], matches: Mapping[str, Match]
) -> dict[str, tuple[int, float | None]]:
    """(words_changed, changed_share) of the earlier run that still hold: the member and
    its cluster's original are ``unchanged`` articles (the same texts), in the same cluster."""
    if previous is None or not unchanged:
        return {}
    kept: dict[str, tuple[int, float | None]] = {}
    names = ("article_id", "cluster_id", "words_changed", "changed_share")
    for article_id, cluster_id, changed, share in zip(
        *(previous.column(name).to_pylist() for name in names), strict=True
    ):
        if changed is None or article_id not in unchanged or cluster_id not in unchanged:
            continue
        if matches[article_id].cluster_id == cluster_id:
            kept[article_id] = (changed, share)
    return kept


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


#: Where the syndication asset keeps its state, in the local home's ``state`` folder.
STATE_FILE = "syndication.parquet"
#: The dedup settings a state was computed under: another set means start again.
RULE = (
    f"perm={NUM_PERM} shingle={SHINGLE} seed={SEED} scheme={SCHEME} "
    f"candidate={CANDIDATE_JACCARD} jaccard={SAME_JACCARD} containment={SAME_CONTAINMENT} "
    f"min={MIN_SHINGLES}"
)
STATE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("published_at", pa.timestamp("us", tz="UTC")),
        ("content_hash", pa.string()),
        ("shingle_count", pa.int64()),
        # A 64-bit digest of the MinHash values: a revised signature is a changed article.
        ("signature", pa.int64()),
        ("matched_id", pa.string()),
        ("similarity", pa.float64()),
        ("cluster_id", pa.string()),
        ("words_changed", pa.int64()),
        ("changed_share", pa.float64()),
    ],
    metadata={"wiredesk.rule": RULE},
)
_CHANGE_COLUMNS = ("published_at", "content_hash", "shingle_count", "signature")


def load_state(path: Path) -> pa.Table | None:
    """The state an earlier run saved, or None (none yet, unreadable, other settings)."""
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowInvalid):
        return None
    return table if _usable(table) else None


def save_state(path: Path, state: pa.Table) -> None:
    """Written whole and renamed into place, so a killed run leaves the earlier state and
    two runs at once each leave a whole one (any state is a sound start: it describes the
    articles it was computed from)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    pq.write_table(state, temporary, compression="zstd")
    temporary.replace(path)


def _usable(table: pa.Table) -> bool:
    metadata = table.schema.metadata or {}
    return metadata.get(b"wiredesk.rule") == RULE.encode() and set(STATE_SCHEMA.names) <= set(
        table.column_names
    )


def _change_keys(table: pa.Table) -> list[tuple]:
    return list(zip(*(table.column(c).to_pylist() for c in _CHANGE_COLUMNS), strict=True))


def _digests(matrix: np.ndarray) -> np.ndarray:
    """One 64-bit polynomial digest per signature row (equal rows, equal digests)."""
    digest = np.zeros(matrix.shape[0], dtype=np.uint64)
    with np.errstate(over="ignore"):
        for column in range(matrix.shape[1]):
            digest = digest * np.uint64(0x100000001B3) + matrix[:, column].astype(np.uint64)
    return digest.view(np.int64)


def _since(previous: pa.Table, keys: pa.Table) -> tuple[np.ndarray, dict[int, tuple[int, float]]]:
    """Which rows of ``keys`` changed since ``previous`` (new, or another signature, text
    or time), and the earlier matches of the others by row (-1: that article is gone)."""
    ids = keys.column("article_id").to_pylist()
    row_of = {article_id: i for i, article_id in enumerate(ids)}
    before = dict(
        zip(previous.column("article_id").to_pylist(), _change_keys(previous), strict=True)
    )
    changed = np.array(
        [before.get(a) != key for a, key in zip(ids, _change_keys(keys), strict=True)],
        dtype=bool,
    )
    kept = {
        row_of[a]: (row_of.get(match, -1), similarity)
        for a, match, similarity in zip(
            *(previous.column(c).to_pylist() for c in ("article_id", "matched_id", "similarity")),
            strict=True,
        )
        if match is not None and a in row_of and not changed[row_of[a]]
    }
    return changed, kept


def _clusters(
    table: pa.Table, previous: pa.Table | None = None
) -> tuple[dict[str, Match], dict[str, Fingerprint], pa.Table, set[str]]:
    """Every article's Match, the fingerprints of the articles in multi-member clusters,
    each article's change keys (the first columns of the state, see ``_state``), and
    the articles unchanged since ``previous`` (none without it)."""
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
    keys = pa.table(
        {
            "article_id": pa.array(ids, pa.string()),
            "published_at": table.column("published_at"),
            "content_hash": pa.array(hashes, pa.string()),
            "shingle_count": pa.array(shingle_counts, pa.int64()),
            "signature": pa.array(_digests(matrix), pa.int64()),
        }
    )
    rule = dict(
        threshold=CANDIDATE_JACCARD,
        same_jaccard=SAME_JACCARD,
        same_containment=SAME_CONTAINMENT,
        min_shingles=MIN_SHINGLES,
    )
    if previous is not None and _usable(previous):
        changed, kept = _since(previous, keys)
        found = earliest_copies_after_change(
            matrix, rank, hashes, shingle_counts, changed, kept, **rule
        )
        unchanged = {a for a, moved in zip(ids, changed, strict=True) if not moved}
    else:
        found = earliest_copies(matrix, rank, hashes, shingle_counts, np.arange(len(ids)), **rule)
        unchanged = set()
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
    return matches, fingerprints, keys, unchanged


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
        """Read from the days that hold those articles only, oldest first (a later version
        on a later day wins)."""
        found: dict[str, str] = {}
        ids = set(ids)
        wanted = pa.array(sorted(ids), pa.string())
        holding = {row["day"] for row in article_rows if row["article_id"] in ids}
        for day in sorted(holding):
            data = lake.read("articles", day).select(["article_id", "text"])
            data = data.filter(pc.is_in(data.column("article_id"), value_set=wanted))
            found.update(
                zip(
                    data.column("article_id").to_pylist(),
                    data.column("text").to_pylist(),
                    strict=True,
                )
            )
        return found

    return signatures, article_rows, texts
