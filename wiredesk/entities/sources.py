"""The names of the archive's own sources: agencies and outlets that file the copy.

"Northwire" in a byline or a dateline is who wrote the story, not what it is about: the
linker makes each such name one ORG entity flagged ``is_source``, which the "most covered"
tables and the brief leave out by default.
"""

from __future__ import annotations

import duckdb

from wiredesk.store import AnyPath, memory_connection

#: Where the names come from: sources.yaml (as the last run stored it) and the wire
#: formats' provider fields (``articles.wire_agency``).
_QUERIES = {
    "sources": "SELECT name FROM sources WHERE name IS NOT NULL",
    "articles": "SELECT DISTINCT wire_agency FROM articles WHERE wire_agency IS NOT NULL",
}


def source_names(home: AnyPath) -> list[str]:
    """Configured source names and provider names seen in articles, sorted, no repeats."""
    con = memory_connection(home)
    try:
        return _names(con)
    finally:
        con.close()


def _names(con: duckdb.DuckDBPyConnection) -> list[str]:
    present = {name for (name,) in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
    present |= {
        name for (name,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
    }
    names: set[str] = set()
    for view, query in _QUERIES.items():
        if view in present:
            names.update(n.strip() for (n,) in con.execute(query).fetchall() if n.strip())
    return sorted(names)
