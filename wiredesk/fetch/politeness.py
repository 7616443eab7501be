"""Politeness: how many requests each host gets at once, and how often.

Each host has a small concurrency limit and a minimum interval between request starts
(raised to the host's ``Crawl-delay``, up to a cap); a 429 or 503 with ``Retry-After``
pauses the whole host, not just the one URL. A global limit bounds all hosts together.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class _Host:
    slots: threading.Semaphore
    delay: float
    next_start: float = 0.0
    active: int = 0
    peak: int = 0
    starts: list[float] = field(default_factory=list)


class HostGate:
    """Hands out request slots per host; blocks the caller until its turn."""

    def __init__(
        self, per_host: int, min_delay: float, global_limit: int, keep_starts: bool = False
    ) -> None:
        self.per_host = max(1, per_host)
        self.min_delay = max(0.0, min_delay)
        self._global = threading.Semaphore(max(1, global_limit))
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()
        self.keep_starts = keep_starts  # benchmarks check the intervals afterwards

    def _host(self, host: str) -> _Host:
        with self._lock:
            state = self._hosts.get(host)
            if state is None:
                state = _Host(threading.Semaphore(self.per_host), self.min_delay)
                self._hosts[host] = state
            return state

    def set_delay(self, host: str, seconds: float) -> None:
        """A host's own interval (robots.txt Crawl-delay); never below the minimum."""
        state = self._host(host)
        with self._lock:
            state.delay = max(self.min_delay, seconds)

    def pause(self, host: str, seconds: float) -> None:
        """No new request to ``host`` for ``seconds`` (Retry-After)."""
        state = self._host(host)
        with self._lock:
            state.next_start = max(state.next_start, time.monotonic() + seconds)

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        state = self._host(host)
        with state.slots:
            # Wait for the host's turn without holding a global slot ...
            with self._lock:
                wait = state.next_start - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            with self._global:
                # ... then take the turn for real: the gap is measured between actual starts.
                while True:
                    with self._lock:
                        now = time.monotonic()
                        wait = state.next_start - now
                        if wait <= 0:
                            state.next_start = now + state.delay
                            state.active += 1
                            state.peak = max(state.peak, state.active)
                            if self.keep_starts:
                                state.starts.append(now)
                            break
                    time.sleep(wait)
                try:
                    yield
                finally:
                    with self._lock:
                        state.active -= 1

    def stats(self) -> dict[str, dict[str, float]]:
        """Per host: the most requests seen at once and the shortest gap between starts."""
        with self._lock:
            out = {}
            for host, state in self._hosts.items():
                gaps = [b - a for a, b in zip(state.starts, state.starts[1:], strict=False)]
                out[host] = {
                    "peak": state.peak,
                    "requests": len(state.starts),
                    "min_gap_s": min(gaps) if gaps else float("nan"),
                    "delay_s": state.delay,
                }
            return out
