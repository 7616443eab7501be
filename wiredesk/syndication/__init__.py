"""Syndication: exact and near-duplicate copies of a story, within a day and across days.

Entry points: ``fingerprint`` and ``assign_clusters`` (MinHash signatures and the day's
clusters, used while building articles; ``prepare_in_background`` imports their library
while the pages are out with the workers; ``text_signature``, a text's MinHash values, which
the stage workers compute as they extract), ``update_syndication`` (the cross-day table: every
copy against the earliest, continued from the last run's matches).
"""

from wiredesk.exports import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "dedup": (
            "NUM_PERM",
            "Fingerprint",
            "assign_clusters",
            "fingerprint",
            "prepare_in_background",
            "prepare_signatures",
            "SIGNATURE",
            "TextSignature",
            "text_signature",
        ),
        "table": ("STATE_FILE", "build_syndication", "update_syndication"),
    },
)
