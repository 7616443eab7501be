"""Storage: the home, the Parquet lake, its publications and the DuckDB views over it.

Entry points: ``home_dir`` and ``local_home`` (where a home keeps its lake and its state),
``Lake`` (one Parquet file per table, day and part, replaced whole), ``table`` (each table's
schema), ``ensure_warehouse`` (``publish_warehouse`` and ``published_at_end`` to do it once
at a run's end), ``connect_readonly`` and ``memory_connection`` (views over the
published lake), ``BuildLog`` and ``plan`` (which stages a run can skip), ``stable_id`` (ids
that are hashes of content). Stage packages may import from here; it imports none of them.
"""

from wiredesk.exports import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "home": (
            "DEFAULT_HOME",
            "DEFAULT_SOURCES",
            "home_dir",
            "local_home",
            "sources_file",
            "state_dir",
        ),
        "ids": ("stable_id",),
        "lake": ("Lake",),
        "schema": ("TABLES", "Table", "table"),
        "storage": ("AnyPath", "write_text_atomic"),
        "warehouse": (
            "connect_readonly",
            "ensure_warehouse",
            "publish_warehouse",
            "published_at_end",
            "read_sql",
            "sql_dir",
            "warehouse_path",
        ),
        "buildlog": ("BuildLog", "Plan", "Stage", "WriteTimes", "plan", "topological"),
        "locks": ("exclusive",),
        "memory": ("memory_connection",),
    },
)
