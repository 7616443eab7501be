"""Reading URLs: local files, and polite, bounded, guarded HTTP."""

from wiredesk.fetch.client import FEED, PAGE, Attempt, Fetcher, FetchResult
from wiredesk.fetch.errors import ERROR_CLASSES, FetchError
from wiredesk.fetch.settings import FetchSettings

__all__ = [
    "ERROR_CLASSES",
    "FEED",
    "PAGE",
    "Attempt",
    "FetchError",
    "FetchResult",
    "FetchSettings",
    "Fetcher",
]
