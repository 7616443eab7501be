"""robots.txt per origin, parsed by Protego and cached (in memory and in the state file).

RFC 9309 as the big crawlers apply it: a 4xx means no rules; a 5xx or an unreachable
server means the host is deferred for a while rather than crawled blindly; a
``Crawl-delay`` slows the host down, up to a cap.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from protego import Protego

from wiredesk.fetch.errors import ROBOTS_DISALLOWED, ROBOTS_UNAVAILABLE, FetchError
from wiredesk.fetch.state import FetchState, StoredRobots


@dataclass
class RobotsAnswer:
    """What fetching robots.txt gave: its status and body, or the failure."""

    status: int | None
    body: bytes = b""
    error_class: str | None = None
    detail: str | None = None


@dataclass
class _Entry:
    outcome: str  # rules | allow_all | unavailable | unreachable
    parser: Protego | None
    detail: str
    error_class: str | None
    expires: float


class RobotsPolicy:
    """Answers "may this URL be fetched?", fetching each origin's robots.txt once."""

    def __init__(
        self,
        fetch: Callable[[str], RobotsAnswer],
        agent: str,
        ttl_s: float,
        failure_ttl_s: float,
        on_crawl_delay: Callable[[str, float], None],
        state: FetchState | None = None,
    ) -> None:
        self._fetch = fetch
        self.agent = agent
        self.ttl_s = ttl_s
        self.failure_ttl_s = failure_ttl_s
        self._on_crawl_delay = on_crawl_delay
        self._state = state
        self._entries: dict[str, _Entry] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def check(self, origin: str, host_key: str, url: str) -> None:
        """Raise FetchError unless robots.txt lets wiredesk fetch ``url``."""
        entry = self._entry(origin, host_key)
        if entry.outcome == "allow_all":
            return
        if entry.outcome in ("unavailable", "unreachable"):
            raise FetchError(entry.error_class or ROBOTS_UNAVAILABLE, entry.detail)
        if entry.parser is not None and not entry.parser.can_fetch(url, self.agent):
            raise FetchError(ROBOTS_DISALLOWED, f"{url}: disallowed by {origin}/robots.txt")

    def _entry(self, origin: str, host_key: str) -> _Entry:
        with self._guard:
            entry = self._entries.get(origin)
            if entry is not None and entry.expires > time.time():
                return entry
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:  # one fetch per origin, however many threads ask
            with self._guard:
                entry = self._entries.get(origin)
            if entry is not None and entry.expires > time.time():
                return entry
            entry = self._load(origin) or self._download(origin)
            if entry.parser is not None:
                delay = entry.parser.crawl_delay(self.agent)
                if delay:
                    self._on_crawl_delay(host_key, float(delay))
            with self._guard:
                self._entries[origin] = entry
            return entry

    def _load(self, origin: str) -> _Entry | None:
        if self._state is None:
            return None
        stored = self._state.robots(origin)
        if stored is None:
            return None
        ttl = self.ttl_s if stored.outcome in ("rules", "allow_all") else self.failure_ttl_s
        if stored.fetched_at + ttl <= time.time():
            return None
        return self._entry_from(stored.outcome, stored.body, stored.detail, None, stored.fetched_at)

    def _download(self, origin: str) -> _Entry:
        url = f"{origin}/robots.txt"
        answer = self._fetch(url)
        now = time.time()
        if answer.error_class is not None and answer.status is None:
            reason = (answer.detail or "").removeprefix(f"{url}: ")
            if answer.error_class in ("ssrf_blocked", "scheme_blocked", "invalid_url"):
                detail = reason  # about the host itself, not about its robots.txt
            else:
                detail = f"{reason} (robots.txt unreachable; host deferred)"
            return _Entry("unreachable", None, detail, answer.error_class, now + self.failure_ttl_s)
        status = answer.status or 0
        if 200 <= status < 300:
            outcome, body, detail = "rules", answer.body, ""
        elif 400 <= status < 500:
            outcome, body, detail = "allow_all", b"", f"robots.txt answered {status}"
        else:
            outcome, body = "unavailable", b""
            detail = f"{url}: answered HTTP {status}; host deferred"
        if self._state is not None:
            self._state.store_robots(origin, StoredRobots(outcome, body, detail, now))
        return self._entry_from(outcome, body, detail, None, now)

    def _entry_from(
        self, outcome: str, body: bytes, detail: str, error: str | None, fetched: float
    ) -> _Entry:
        parser = None
        if outcome == "rules":
            parser = Protego.parse(body.decode("utf-8", errors="replace"))
        ttl = self.ttl_s if outcome in ("rules", "allow_all") else self.failure_ttl_s
        return _Entry(outcome, parser, detail, error or ROBOTS_UNAVAILABLE, fetched + ttl)
