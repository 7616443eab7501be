"""Sources: where articles come from (feeds, sitemaps, URL lists, wire drop folders).

Entry points: ``load_sources`` (``sources.yaml``), ``discover`` and ``discover_source``
(what a source offers now), ``Ledger`` (every item ever admitted, so a re-run finds only what
is new), ``due_sources`` (which sources a poll reads), the drop-folder scanner and the wire
formats' parsers (NewsML-G2, NITF, plain text).
"""

from wiredesk.exports import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "config": ("Source", "SourcesError", "load_sources"),
        "discovery": (
            "Discovery",
            "DiscoverySettings",
            "discover",
            "discover_source",
            "item_day",
            "read_location",
        ),
        "items": ("FeedItem", "SourceError", "item_row"),
        "ledger": ("Ledger",),
        "wireformats": (
            "FormatError",
            "WireDocument",
            "detect_format",
            "looks_binary",
            "parse_newsml",
            "parse_nitf",
            "parse_plain_text",
        ),
        "dropfolder": ("folder_day", "list_files", "scan_file"),
        "polling": ("POLLED_KINDS", "PollState", "due_sources"),
        "pending": ("PendingWork", "pending_work"),
    },
)
