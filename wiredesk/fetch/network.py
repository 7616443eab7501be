"""The socket layer under httpx: the SSRF guard at connect time and a total deadline.

httpx only knows per-phase timeouts, so a server that sends one byte a second keeps a
request alive forever. Here every socket operation is bounded by the time left before the
request's deadline (kept per thread, since a sync request runs in its caller's thread),
and every connection goes to an address the guard checked a moment before.
"""

from __future__ import annotations

import ssl
import threading
import time
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import httpcore
import httpx

from wiredesk.fetch.errors import DEADLINE_EXCEEDED, FetchError
from wiredesk.fetch.guard import AddressPolicy

_local = threading.local()


@contextmanager
def deadline(seconds: float) -> Iterator[float]:
    """Bound every socket operation this thread makes inside the block."""
    previous = getattr(_local, "deadline", None)
    _local.deadline = time.monotonic() + seconds
    _local.budget = seconds
    try:
        yield _local.deadline
    finally:
        _local.deadline = previous


def _remaining() -> float | None:
    end = getattr(_local, "deadline", None)
    return None if end is None else end - time.monotonic()


def _exceeded() -> FetchError:
    budget = getattr(_local, "budget", 0.0)
    return FetchError(DEADLINE_EXCEEDED, f"no complete response within the {budget:g}s deadline")


def _clamp(timeout: float | None) -> tuple[float | None, bool]:
    """The timeout to use and whether the deadline, not the timeout, is what binds."""
    left = _remaining()
    if left is None:
        return timeout, False
    if left <= 0:
        raise _exceeded()
    if timeout is None or left < timeout:
        return left, True
    return timeout, False


class DeadlineStream(httpcore.NetworkStream):
    """A network stream whose reads, writes and TLS handshakes end at the deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        bounded, by_deadline = _clamp(timeout)
        try:
            return self._inner.read(max_bytes, bounded)
        except httpcore.ReadTimeout:
            if by_deadline:
                raise _exceeded() from None
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        bounded, by_deadline = _clamp(timeout)
        try:
            self._inner.write(buffer, bounded)
        except httpcore.WriteTimeout:
            if by_deadline:
                raise _exceeded() from None
            raise

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        bounded, by_deadline = _clamp(timeout)
        try:
            return DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, bounded))
        except httpcore.ConnectTimeout:
            if by_deadline:
                raise _exceeded() from None
            raise

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    """Resolves and checks the host, then connects to one of the checked addresses."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        bounded, by_deadline = _clamp(timeout)
        started = time.monotonic()
        addresses = self.policy.resolve(host, port, bounded if bounded is not None else 30.0)
        last: Exception | None = None
        for address in addresses:
            left = None if bounded is None else bounded - (time.monotonic() - started)
            if left is not None and left <= 0:
                break
            try:
                stream = self._inner.connect_tcp(
                    address, port, left, local_address, socket_options or []
                )
                return DeadlineStream(stream)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        if by_deadline and (last is None or isinstance(last, httpcore.ConnectTimeout)):
            raise _exceeded()
        if last is None:
            raise httpcore.ConnectTimeout(f"{host}: connect timed out")
        raise last

    def connect_unix_socket(self, *args: typing.Any, **kwargs: typing.Any) -> typing.NoReturn:
        raise FetchError("scheme_blocked", "unix sockets are never used")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@lru_cache(maxsize=1)
def shared_ssl_context() -> ssl.SSLContext:
    """One TLS context for every transport of the process: each new one reads the system's
    certificate store again (a run opens several fetchers, each transport built two)."""
    return httpx.create_ssl_context(trust_env=False)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over the guarded backend (no proxies: ``trust_env`` is off)."""

    def __init__(self, policy: AddressPolicy, http2: bool, limits: httpx.Limits) -> None:
        super().__init__(verify=shared_ssl_context(), http2=http2, limits=limits, trust_env=False)
        # httpx builds its pool without a way to pass a network backend; rebuild it with
        # the same settings plus ours. Pinned httpx keeps this attribute stable.
        self._pool = httpcore.ConnectionPool(
            ssl_context=shared_ssl_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=http2,
            network_backend=GuardedBackend(policy),
        )
