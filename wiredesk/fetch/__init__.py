"""Fetching: local files, and polite, bounded, guarded HTTP, every failure classified.

Entry points: ``Fetcher`` (one client per run: per-host gates, robots.txt, conditional
requests, size caps, deadlines), ``FetchSettings``, ``FetchResult`` and its ``Attempt`` rows,
``ERROR_CLASSES``; ``LoopbackServer`` serves files on loopback for tests and benchmarks.
"""

from wiredesk.exports import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "client": ("FEED", "PAGE", "Attempt", "FetchResult", "Fetcher"),
        "errors": ("ERROR_CLASSES", "FetchError"),
        "settings": ("FetchSettings",),
        "loopback": ("LoopbackServer",),
        "politeness": ("HostGate",),
    },
)
