"""One way to read any URL, with every failure classified instead of raised.

``file://`` URLs read a drop folder or a local copy of a site. ``http(s)://`` goes through
one shared httpx client (HTTP/2 where the server offers it) with: robots.txt, per-host and
global politeness, bounded jittered retries, conditional GET, a total deadline, a body cap
on the wire and after decompression, at most five redirects, and the SSRF guard on every
hop. Every attempt is kept, so fetch_log can show each one.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import random
import threading
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpx

from wiredesk.fetch import errors as E
from wiredesk.fetch.decode import ACCEPT_ENCODING, BodyDecoder, to_utf8
from wiredesk.fetch.errors import FetchError
from wiredesk.fetch.guard import AddressPolicy, Resolver
from wiredesk.fetch.network import GuardedTransport, deadline
from wiredesk.fetch.politeness import HostGate
from wiredesk.fetch.robots import RobotsAnswer, RobotsPolicy
from wiredesk.fetch.settings import FetchSettings
from wiredesk.fetch.state import FetchState, Validators
from wiredesk.sources import detect_format, looks_binary

#: What a fetch is for: decides the body checks and whether robots.txt applies.
PAGE, FEED, ROBOTS = "page", "feed", "robots"
_TEXTUAL = ("text/", "application/xml", "application/xhtml", "application/json")
_READ_CHUNK = 64 * 1024


def display_name(url: str) -> str:
    """A local path for file URLs (what a person recognises), the URL otherwise."""
    if url.startswith("file:"):
        return unquote(urlsplit(url).path)
    return url


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Attempt:
    """One request as fetch_log records it."""

    url: str
    status: str  # ok, not_modified, retry (failed, tried again) or error
    http_status: int | None
    error_class: str | None
    detail: str | None
    bytes: int
    elapsed_ms: float
    fetched_at: dt.datetime
    attempt: int = 1


@dataclass
class FetchResult:
    url: str
    final_url: str
    ok: bool
    status: int | None = None
    content: bytes = b""
    content_type: str | None = None
    format: str | None = None
    error_class: str | None = None
    detail: str | None = None
    elapsed_ms: float = 0.0
    fetched_at: dt.datetime | None = None
    not_modified: bool = False
    charset: str | None = None
    validators: Validators = field(default_factory=Validators)
    attempts: list[Attempt] = field(default_factory=list)

    @property
    def bytes(self) -> int:
        return len(self.content)


@dataclass
class _Response:
    """What one attempt (all its redirect hops) ended with."""

    final_url: str
    status: int | None = None
    content: bytes = b""
    content_type: str | None = None
    validators: Validators = field(default_factory=Validators)
    error_class: str | None = None
    detail: str | None = None
    retry_after: float | None = None
    final: bool = False  # a failure that another attempt cannot change


class Fetcher:
    """Reads URLs; never raises for a bad URL, a slow or hostile host, or a bad body."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        timeout: float | None = None,
        max_bytes: int | None = None,
        resolver: Resolver | None = None,
        rng: random.Random | None = None,
    ) -> None:
        settings = settings or FetchSettings()
        if timeout is not None:
            settings = replace(settings, timeout_s=timeout)
        if max_bytes is not None:
            settings = replace(settings, max_bytes=max_bytes)
        self.settings = settings
        self.policy = AddressPolicy(settings.allow_networks, resolver)
        limits = httpx.Limits(
            max_connections=max(settings.global_concurrency * 2, 10),
            max_keepalive_connections=max(settings.global_concurrency, 10),
            keepalive_expiry=30.0,
        )
        self._client = httpx.Client(
            transport=GuardedTransport(self.policy, settings.http2, limits),
            headers={
                "User-Agent": settings.user_agent,
                "Accept-Encoding": ACCEPT_ENCODING,
                **dict(settings.extra_headers),
            },
            timeout=httpx.Timeout(
                settings.read_timeout_s, connect=settings.connect_timeout_s, pool=None
            ),
            follow_redirects=False,
            trust_env=False,
        )
        self.gate = HostGate(
            settings.per_host_concurrency, settings.min_host_delay_s, settings.global_concurrency
        )
        self.state = FetchState(settings.state_dir) if settings.state_dir else None
        self.robots = RobotsPolicy(
            self._fetch_robots,
            settings.robots_agent,
            settings.robots_ttl_s,
            settings.robots_failure_ttl_s,
            lambda host, delay: self.gate.set_delay(host, min(delay, settings.max_crawl_delay_s)),
            self.state,
        )
        self._rng = rng or random.Random()
        self._rng_lock = threading.Lock()

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self._client.close()
        if self.state is not None:
            self.state.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public ------------------------------------------------------------------------------
    def fetch(self, url: str, kind: str = PAGE, conditional: bool = False) -> FetchResult:
        """Read one URL. ``conditional`` sends the stored ETag / Last-Modified (feeds)."""
        started = time.monotonic()
        fetched_at = _now()
        scheme = urlsplit(url).scheme.lower()
        if scheme in ("file", ""):
            result = self._read_file(url)
            result.attempts = [_attempt_of(result, 1, fetched_at, started)]
        elif (
            scheme in ("http", "https")
            and self.settings.require_contact
            and not (self.settings.contact)
        ):
            result = FetchResult(
                url,
                url,
                False,
                error_class=E.NO_CONTACT,
                detail=f"{url}: fetch.contact is empty and fetch.strict_contact is on",
            )
            result.attempts = [_attempt_of(result, 1, fetched_at, started)]
        elif scheme in ("http", "https"):
            result = self._fetch_http(url, kind, conditional)
        else:
            result = FetchResult(
                url,
                url,
                False,
                error_class=E.SCHEME_BLOCKED,
                detail=f"{url}: scheme {scheme!r} is not fetched (only http and https)",
            )
            result.attempts = [_attempt_of(result, 1, fetched_at, started)]
        result.elapsed_ms = round((time.monotonic() - started) * 1000, 3)
        result.fetched_at = fetched_at
        if result.ok and not result.not_modified:
            self._check_body(result, kind)
            if not result.ok and result.attempts:
                last = result.attempts[-1]
                last.status, last.error_class, last.detail = (
                    "error",
                    result.error_class,
                    (result.detail),
                )
        return result

    def fetch_all(
        self, urls: Sequence[str], kind: str = PAGE, conditional: bool = False
    ) -> list[FetchResult]:
        """Fetch many URLs concurrently within the politeness limits; results in order."""
        if not urls:
            return []
        order = _interleave_by_host(range(len(urls)), urls)
        results: list[FetchResult | None] = [None] * len(urls)
        remote = [i for i in order if urlsplit(urls[i]).scheme.lower() in ("http", "https")]
        remote_set = set(remote)
        local = [i for i in order if i not in remote_set]
        for index in local:
            results[index] = self.fetch(urls[index], kind, conditional)
        if remote:
            workers = min(self.settings.global_concurrency, len(remote))
            with ThreadPoolExecutor(workers, thread_name_prefix="wiredesk-fetch") as pool:
                futures = {i: pool.submit(self.fetch, urls[i], kind, conditional) for i in remote}
                for index, future in futures.items():
                    results[index] = future.result()
        return [r for r in results if r is not None]

    def remember(self, result: FetchResult) -> None:
        """Store a response's validators; call once what it carried is safely recorded."""
        if self.state is not None and result.ok and not result.not_modified:
            self.state.store_validators(result.url, result.validators)

    # -- local files -------------------------------------------------------------------------
    def _read_file(self, url: str) -> FetchResult:
        parts = urlsplit(url)
        if url.startswith("file:") and parts.netloc not in ("", "localhost"):
            return FetchResult(
                url, url, False, error_class=E.SCHEME_BLOCKED, detail=f"{url}: remote file URL"
            )
        path = Path(unquote(parts.path)) if url.startswith("file:") else Path(url)
        try:
            size = path.stat().st_size
            if size > self.settings.max_bytes:
                return FetchResult(
                    url,
                    url,
                    False,
                    error_class=E.TOO_LARGE,
                    detail=f"{path}: {size} bytes exceeds the {self.settings.max_bytes} cap",
                )
            data = path.read_bytes()
        except FileNotFoundError:
            return FetchResult(
                url, url, False, error_class=E.NOT_FOUND, detail=f"{path}: no such file"
            )
        except IsADirectoryError:
            return FetchResult(
                url, url, False, error_class=E.NOT_A_FILE, detail=f"{path}: is a directory"
            )
        except OSError as exc:
            return FetchResult(
                url, url, False, error_class=E.READ_ERROR, detail=f"{path}: {exc.strerror or exc}"
            )
        return FetchResult(url, url, True, content=data)

    # -- HTTP --------------------------------------------------------------------------------
    def _fetch_http(self, url: str, kind: str, conditional: bool) -> FetchResult:
        validators = Validators()
        if conditional and self.state is not None:
            validators = self.state.validators(url)
        attempts: list[Attempt] = []
        tries = 1 + max(0, self.settings.max_retries)
        response = _Response(url)
        for number in range(1, tries + 1):
            started, fetched_at = time.monotonic(), _now()
            response = self._attempt(url, kind, validators.headers())
            elapsed = round((time.monotonic() - started) * 1000, 3)
            status = _attempt_status(response)
            attempts.append(
                Attempt(
                    url,
                    status,
                    response.status,
                    response.error_class,
                    response.detail,
                    len(response.content),
                    elapsed,
                    fetched_at,
                    number,
                )
            )
            retryable = response.error_class in E.RETRYABLE or response.status == 429
            if response.final or not retryable:
                break
            if number == tries:
                break
            wait = self._backoff(number)
            if response.retry_after is not None:
                if response.retry_after > self.settings.max_retry_after_s:
                    response.detail = (
                        f"{response.detail}; Retry-After {response.retry_after:g}s exceeds "
                        f"the {self.settings.max_retry_after_s:g}s cap"
                    )
                    attempts[-1].detail = response.detail
                    break
                wait = max(wait, response.retry_after)
            attempts[-1].status = "retry"
            time.sleep(wait)
        ok = response.error_class is None
        return FetchResult(
            url=url,
            final_url=response.final_url,
            ok=ok,
            status=response.status,
            content=response.content,
            content_type=response.content_type,
            error_class=response.error_class,
            detail=response.detail,
            not_modified=response.status == 304,
            validators=response.validators,
            attempts=attempts,
        )

    def _backoff(self, attempt: int) -> float:
        """Full jitter: uniform in [0, base * 2^(attempt-1)], capped."""
        ceiling = min(
            self.settings.backoff_cap_s, self.settings.backoff_base_s * 2 ** (attempt - 1)
        )
        with self._rng_lock:
            return self._rng.uniform(0, ceiling)

    def _attempt(self, url: str, kind: str, conditional_headers: dict[str, str]) -> _Response:
        """One request, following at most ``max_redirects`` redirects, each hop checked."""
        current = url
        budget = self.settings.timeout_s
        for hop in range(self.settings.max_redirects + 1):
            try:
                origin, host_key = _checked_origin(current)
                if kind != ROBOTS and self.settings.respect_robots:
                    self.robots.check(origin, host_key, current)
            except FetchError as exc:
                detail = _where(url, current, exc)
                return _Response(current, error_class=exc.error_class, detail=detail, final=True)
            try:
                headers = dict(conditional_headers) if hop == 0 else {}
                with self.gate.slot(host_key):
                    started = time.monotonic()
                    try:
                        response = self._exchange(current, headers, budget, kind)
                    finally:
                        budget -= time.monotonic() - started
            except FetchError as exc:
                detail = _where(url, current, exc)
                return _Response(current, error_class=exc.error_class, detail=detail)
            if response.status is not None and response.status in (301, 302, 303, 307, 308):
                location = response.content.decode("latin-1")
                if not location:
                    return _Response(
                        current,
                        response.status,
                        error_class=E.BAD_REDIRECT,
                        detail=f"{current}: HTTP {response.status} without a Location",
                    )
                current = urljoin(current, location)
                if budget <= 0:
                    return _Response(
                        current,
                        error_class=E.DEADLINE_EXCEEDED,
                        detail=f"{url}: redirects took the whole "
                        f"{self.settings.timeout_s:g}s deadline",
                    )
                continue
            if response.status == 429 or response.status == 503:
                if response.retry_after is not None:
                    self.gate.pause(urlsplit(current).netloc.lower(), response.retry_after)
            return response
        return _Response(
            current,
            error_class=E.TOO_MANY_REDIRECTS,
            detail=f"{url}: more than {self.settings.max_redirects} redirects",
        )

    def _exchange(self, url: str, headers: dict[str, str], budget: float, kind: str) -> _Response:
        """One HTTP request and response body, inside the deadline; raises FetchError."""
        if budget <= 0:
            raise FetchError(
                E.DEADLINE_EXCEEDED, f"no time left of the {self.settings.timeout_s:g}s deadline"
            )
        cap = self.settings.robots_max_bytes if kind == ROBOTS else self.settings.max_bytes
        with deadline(budget):
            try:
                request = self._client.build_request("GET", url, headers=headers)
                response = self._client.send(request, stream=True)
            except FetchError:
                raise
            except httpx.HTTPError as exc:
                raise _classify(exc) from None
            try:
                return self._read_response(url, response, cap)
            except httpx.HTTPError as exc:
                raise _classify(exc) from None
            finally:
                response.close()

    def _read_response(self, url: str, response: httpx.Response, cap: int) -> _Response:
        status = response.status_code
        ctype = response.headers.get("content-type")
        if status in (301, 302, 303, 307, 308):
            # The Location travels in ``content`` so the redirect loop can follow it.
            return _Response(url, status, response.headers.get("location", "").encode("latin-1"))
        validators = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
        if status == 304:
            return _Response(url, status, validators=validators)
        if status >= 400:
            error = E.NOT_FOUND if status in (404, 410) else E.HTTP_4XX
            if status >= 500:
                error = E.HTTP_5XX
            return _Response(
                url,
                status,
                content_type=ctype,
                error_class=error,
                detail=f"{url}: HTTP {status}",
                retry_after=_retry_after(response.headers.get("retry-after")),
            )
        declared = response.headers.get("content-length")
        if declared and declared.strip().isdigit() and int(declared) > cap:
            raise FetchError(E.TOO_LARGE, f"Content-Length {int(declared)} exceeds the {cap} cap")
        decoder = BodyDecoder(response.headers.get("content-encoding"), cap)
        parts: list[bytes] = []
        received = 0
        for chunk in response.iter_raw(_READ_CHUNK):
            received += len(chunk)
            if received > cap:
                raise FetchError(E.TOO_LARGE, f"body exceeds the {cap}-byte cap")
            parts.append(decoder.feed(chunk))
        parts.append(decoder.flush())
        return _Response(url, status, b"".join(parts), ctype, validators)

    def _fetch_robots(self, url: str) -> RobotsAnswer:
        response = self._attempt(url, ROBOTS, {})
        if response.error_class is not None and response.status is None:
            return RobotsAnswer(None, error_class=response.error_class, detail=response.detail)
        return RobotsAnswer(response.status, response.content)

    # -- body checks -------------------------------------------------------------------------
    def _check_body(self, result: FetchResult, kind: str) -> None:
        """Empty or binary bodies are failures with their own class, not articles."""
        name = display_name(result.url)
        remote = result.url.startswith(("http://", "https://"))
        if kind == ROBOTS:
            return
        if not result.content.strip():
            _fail(result, E.EMPTY_CONTENT, f"{name}: empty body")
            return
        media = (result.content_type or "").split(";", 1)[0].strip().lower()
        if kind == FEED:
            result.format = "feed"
            return
        if remote and media and not media.startswith(_TEXTUAL) and not media.endswith("+xml"):
            _fail(result, E.NOT_HTML, f"{name}: served as {media}, not HTML or text")
            return
        if looks_binary(result.content):
            if remote:
                _fail(result, E.NOT_HTML, f"{name}: binary content served as {media or 'text'}")
            else:
                _fail(result, E.BINARY_CONTENT, f"{name}: binary content where text was expected")
            return
        result.format = detect_format(result.content, urlsplit(result.final_url).path)
        if result.format in ("html", "text"):
            content, codec, how = to_utf8(result.content, result.content_type)
            result.content, result.charset = content, codec
            mime = media or ("text/html" if result.format == "html" else "text/plain")
            result.content_type = f"{mime}; charset=utf-8"
            if codec != "utf-8" and result.attempts:
                result.attempts[-1].detail = f"decoded from {codec} ({how})"


def _fail(result: FetchResult, error_class: str, detail: str) -> None:
    result.ok = False
    result.error_class = error_class
    result.detail = detail


def _attempt_status(response: _Response) -> str:
    if response.error_class is not None:
        return "error"
    return "not_modified" if response.status == 304 else "ok"


def _attempt_of(
    result: FetchResult, number: int, fetched_at: dt.datetime, started: float
) -> Attempt:
    return Attempt(
        result.url,
        "ok" if result.ok else "error",
        result.status,
        result.error_class,
        result.detail,
        result.bytes,
        round((time.monotonic() - started) * 1000, 3),
        fetched_at,
        number,
    )


def _checked_origin(url: str) -> tuple[str, str]:
    """(origin for robots.txt, host key for politeness) of an http(s) URL."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(E.SCHEME_BLOCKED, f"scheme {scheme or 'none'!r} is never fetched")
    try:
        target = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchError(E.INVALID_URL, f"not a valid URL ({exc})") from None
    if not target.host:
        raise FetchError(E.INVALID_URL, "no host")
    netloc = parts.netloc.rsplit("@", 1)[-1].lower()
    return f"{scheme}://{netloc}", netloc


def _where(url: str, current: str, exc: FetchError) -> str:
    """The detail, naming the URL asked for and, after a redirect, where it led."""
    detail = exc.detail.removeprefix(f"{current}: ")
    if current != url:
        return f"{url}: redirected to {current}: {detail}"
    return f"{url}: {detail}"


def _classify(exc: httpx.HTTPError) -> FetchError:
    """httpx's exceptions mapped onto the fixed vocabulary."""
    message = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        phase = type(exc).__name__.replace("Timeout", "").lower() or "request"
        return FetchError(E.TIMEOUT, f"{phase} timed out")
    if isinstance(exc, httpx.ConnectError):
        if "ssl" in message.lower() or "certificate" in message.lower():
            return FetchError(E.TLS_ERROR, f"TLS failed: {message}")
        return FetchError(E.CONNECT_ERROR, f"cannot connect: {message}")
    if isinstance(exc, httpx.RemoteProtocolError):
        if "incomplete" in message.lower() or "without sending complete" in message.lower():
            return FetchError(E.TRUNCATED_BODY, f"connection closed mid-body: {message}")
        return FetchError(E.PROTOCOL_ERROR, f"protocol error: {message}")
    if isinstance(exc, httpx.ReadError | httpx.WriteError | httpx.CloseError):
        return FetchError(E.CONNECT_ERROR, f"connection failed: {message}")
    if isinstance(exc, httpx.UnsupportedProtocol):
        return FetchError(E.SCHEME_BLOCKED, message)
    if isinstance(exc, httpx.InvalidURL):
        return FetchError(E.INVALID_URL, message)
    if isinstance(exc, httpx.DecodingError):
        return FetchError(E.DECODING_ERROR, message)
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchError(E.TOO_MANY_REDIRECTS, message)
    return FetchError(E.PROTOCOL_ERROR, f"{type(exc).__name__}: {message}")


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - _now()).total_seconds())


def _interleave_by_host(indexes: Iterable[int], urls: Sequence[str]) -> list[int]:
    """Round-robin over hosts so the workers spread out instead of queueing on one host."""
    by_host: dict[str, list[int]] = {}
    for index in indexes:
        by_host.setdefault(urlsplit(urls[index]).netloc.lower(), []).append(index)
    queues = list(by_host.values())
    order: list[int] = []
    while queues:
        order.extend(queue.pop(0) for queue in queues)
        queues = [queue for queue in queues if queue]
    return order
