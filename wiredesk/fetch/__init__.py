"""Reading URLs: local files and polite, bounded HTTP."""

from wiredesk.fetch.client import Fetcher, FetchResult

__all__ = ["FetchResult", "Fetcher"]
