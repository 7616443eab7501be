"""Aggregates: what analysts read first, computed from the stage tables.

Entry points: ``compute_days`` (a daily aggregate's SQL over a range of days),
``refresh_cross_day`` (trends and top quotes, recomputing only the days a change reaches),
``build_indexes`` and ``search`` (the BM25 full-text index and its queries), and ``gather``
and ``render_brief`` (the daily brief).
"""

from wiredesk.exports import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "daily": (
            "DAILY_AGGREGATES",
            "LOOKUP_TABLES",
            "SUMS_TO_INPUT",
            "compute_daily",
            "compute_days",
        ),
        "crossday": ("CROSS_DAY_AGGREGATES", "refresh_cross_day", "stale_days"),
        "search_index": ("build_index", "build_indexes", "index_summary", "search"),
        "brief": ("BriefData", "gather", "render_brief"),
    },
)
