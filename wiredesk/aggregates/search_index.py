"""Full-text search over articles and quotes, run by DuckDB itself with plain SQL.

Why not DuckDB's ``fts`` extension: extensions are downloaded at run time, which this
deployment cannot do, and no PyPI wheel ships it for DuckDB 2.x. Why not a separate engine
(tantivy, Whoosh, SQLite FTS5): its index would be a second store with its own locking and
its own idea of a day, outside the lake and out of the analyst's SQL. Instead the pipeline
writes a term index per day into the lake (``search_index``, one Parquet file per day, written
and published like every other partition, so it is incremental and never half-visible), and
the warehouse carries macros that score it with Okapi BM25 (``sql/macros/search.sql``). The
analyst can call them from any DuckDB session; ``wiredesk search`` is a thin shell over them.
Terms are made by one SQL macro, ``wd_terms``, for documents and queries alike. Each day's
index also holds its collection statistics (documents, summed length, document frequency per
term), so a query sums a few rows per day instead of counting the archive's documents, and
postings carry their document's length, so scoring needs no join. The file is sorted by term,
in pages of 2,048 rows with a page index, so a query decodes only the pages of its terms.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from wiredesk.aggregates.side_by_side import in_order
from wiredesk.store import memory_connection, read_sql

KINDS = ("article", "quote")
SNIPPET_CHARS = 220


def build_index(home: Path, day: dt.date, con: duckdb.DuckDBPyConnection | None = None) -> pa.Table:
    """The day's index rows (documents and postings) from its articles and quotes."""
    own = con is None
    con = con or memory_connection(home)
    try:
        return con.sql(read_sql("search/index.sql"), params={"day": day}).to_arrow_table()
    finally:
        if own:
            con.close()


def build_indexes(home: Path, days: Iterable[dt.date]) -> Iterator[tuple[dt.date, pa.Table]]:
    """The index of each day of a range, in order, two days at a time (``side_by_side``):
    the views are defined once, and each day runs on its own cursor."""
    con = memory_connection(home)
    try:
        yield from in_order(con, days, lambda day, cursor: (day, build_index(home, day, cursor)))
    finally:
        con.close()


def index_summary(index: pa.Table) -> dict[str, int]:
    """What a day's index holds: documents (of each kind) and postings, not statistics."""
    has_doc, has_term = pc.is_valid(index["doc"]), pc.is_valid(index["term"])
    kinds = index.filter(pc.and_(has_doc, pc.invert(has_term))).column("kind").to_pylist()
    return {
        "documents": len(kinds),
        "articles": kinds.count("article"),
        "quotes": kinds.count("quote"),
        "postings": index.filter(pc.and_(has_doc, has_term)).num_rows,
    }


@dataclass(frozen=True)
class Hit:
    rank: int
    score: float
    day: dt.date
    kind: str
    doc_id: str
    source_id: str
    title: str
    published_at: dt.datetime | None
    speaker: str | None
    snippet: str


#: Candidates scored per result wanted: a hit whose story was revised later is dropped when
#: joined to the public views, so a page asks for more than it shows.
OVERFETCH = 2

_BEST = """
SELECT day, doc, score
FROM search_best($query, $kind, $top, date_from := $date_from, date_to := $date_to)
"""

# Every lookup after scoring passes what it knows as constant lists (days, document numbers,
# then ids): DuckDB then opens only those days' files and skips the other rows early, where
# a join would read every day's files.
_CANDIDATES = """
WITH best AS (SELECT unnest($best, recursive := true))
SELECT b.score, b.day, d.doc_id
FROM search_docs AS d
JOIN best AS b ON b.day = d.day AND b.doc = d.doc
WHERE d.kind = $kind AND list_contains($days, d.day) AND list_contains($docs, d.doc)
"""

_ARTICLES = """
WITH hit AS (SELECT unnest($hits, recursive := true))
SELECT h.score, h.day, h.doc_id, a.source_id, a.title, a.published_at, NULL AS speaker,
       a.text AS body
FROM hit AS h
JOIN articles AS a ON a.article_id = h.doc_id AND a.day = h.day
WHERE list_contains($days, a.day) AND list_contains($ids, a.article_id)
ORDER BY h.score DESC, h.doc_id
LIMIT $limit
"""

_QUOTES = """
WITH hit AS (SELECT unnest($hits, recursive := true))
SELECT h.score, h.day, h.doc_id, a.source_id, a.title, a.published_at, q.speaker,
       q.text AS body
FROM hit AS h
JOIN quotes AS q ON q.quote_id = h.doc_id AND q.day = h.day
JOIN articles AS a ON a.article_id = q.article_id AND a.day = q.day
WHERE list_contains($days, q.day) AND list_contains($ids, q.quote_id)
  AND list_contains($days, a.day)
ORDER BY h.score DESC, h.doc_id
LIMIT $limit
"""


def query_terms(con: duckdb.DuckDBPyConnection, query: str) -> list[str]:
    return con.execute("SELECT wd_terms($q)", {"q": query}).fetchone()[0]


def search(
    con: duckdb.DuckDBPyConnection,
    query: str,
    kind: str = "article",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int = 10,
) -> list[Hit]:
    """Ranked hits for ``query`` among articles or quotes, optionally within days."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    terms = query_terms(con, query)
    if not terms:
        return []
    best = con.execute(
        _BEST,
        {
            "query": query,
            "kind": kind,
            "top": limit * OVERFETCH,
            "date_from": date_from,
            "date_to": date_to,
        },
    ).fetchall()
    if not best:
        return []
    days = sorted({day for day, _, _ in best})
    candidates = con.execute(
        _CANDIDATES,
        {
            "kind": kind,
            "best": [{"day": day, "doc": doc, "score": score} for day, doc, score in best],
            "days": days,
            "docs": sorted({doc for _, doc, _ in best}),
        },
    ).fetchall()
    params = {
        "limit": limit,
        "hits": [{"score": s, "day": d, "doc_id": i} for s, d, i in candidates],
        "days": days,
        "ids": sorted({doc_id for _, _, doc_id in candidates}),
    }
    rows = con.execute(_ARTICLES if kind == "article" else _QUOTES, params).fetchall()
    bodies = [row[-1] or "" for row in rows]
    snippets = (
        best_snippets(con, bodies, terms) if kind == "article" else [_shorten(b) for b in bodies]
    )
    hits = []
    for rank, (row, snippet) in enumerate(zip(rows, snippets, strict=True), start=1):
        score, day, doc_id, source, title, published, speaker, _ = row
        hits.append(Hit(rank, score, day, kind, doc_id, source, title, published, speaker, snippet))
    return hits


def best_snippets(con: duckdb.DuckDBPyConnection, texts: list[str], terms: list[str]) -> list[str]:
    """For each text, the sentence that holds most of the query's terms (ties: the earliest).

    One query for every hit's sentences: terms are made by the same ``wd_terms`` as the index.
    """
    sentences = [
        [s for s in re.split(r"(?<=[.!?\u201d\"])\s+|\n\s*\n", text) if s.strip()] for text in texts
    ]
    (counts,) = con.execute(
        "SELECT list_transform($sentences, lambda ss: list_transform(ss, "
        "lambda s: len(list_intersect(wd_terms(s), $terms))))",
        {"terms": terms, "sentences": sentences},
    ).fetchone()
    snippets = []
    for found, scores in zip(sentences, counts, strict=True):
        if not found:
            snippets.append("")
            continue
        best = max(range(len(found)), key=lambda i: (scores[i], -i))
        snippets.append(_shorten(found[best]))
    return snippets


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET_CHARS else text[: SNIPPET_CHARS - 1] + "\u2026"
