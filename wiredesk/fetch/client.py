"""One way to read any item URL, with every failure classified instead of raised.

``file://`` URLs read the drop folder or a local copy of a site; ``http(s)://`` goes
through httpx with a total deadline, a size cap and an honest User-Agent.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import httpx

from wiredesk import __version__
from wiredesk.sources.wireformats import detect_format, looks_binary

USER_AGENT = f"wiredesk/{__version__} (+https://github.com/wiredesk/wiredesk)"
MAX_BYTES = 10 * 1024 * 1024


def display_name(url: str) -> str:
    """A local path for file URLs (what a person recognises), the URL otherwise."""
    if url.startswith("file:"):
        return unquote(urlparse(url).path)
    return url


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

    @property
    def bytes(self) -> int:
        return len(self.content)


class Fetcher:
    """Reads URLs; never raises for a bad URL, slow host or bad body."""

    def __init__(
        self,
        timeout: float = 20.0,
        max_bytes: int = MAX_BYTES,
        min_delay: float = 0.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.min_delay = min_delay
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT},
            follow_redirects=True,
            timeout=httpx.Timeout(timeout),
            transport=transport,
        )
        self._last_by_host: dict[str, float] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str) -> FetchResult:
        started = time.monotonic()
        fetched_at = dt.datetime.now(dt.UTC)
        scheme = urlparse(url).scheme
        if scheme == "file" or scheme == "":
            result = self._read_file(url)
        elif scheme in ("http", "https"):
            result = self._get(url, started)
        else:
            result = FetchResult(
                url,
                url,
                False,
                error_class="unsupported_url",
                detail=f"{url}: unsupported URL scheme {scheme!r}",
            )
        result.elapsed_ms = round((time.monotonic() - started) * 1000, 3)
        result.fetched_at = fetched_at
        if result.ok:
            self._check_body(result)
        return result

    def _read_file(self, url: str) -> FetchResult:
        path = Path(unquote(urlparse(url).path)) if url.startswith("file:") else Path(url)
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                return FetchResult(
                    url,
                    url,
                    False,
                    error_class="too_large",
                    detail=f"{path}: {size} bytes exceeds the {self.max_bytes} cap",
                )
            data = path.read_bytes()
        except FileNotFoundError:
            return FetchResult(
                url, url, False, error_class="not_found", detail=f"{path}: no such file"
            )
        except IsADirectoryError:
            return FetchResult(
                url, url, False, error_class="not_a_file", detail=f"{path}: is a directory"
            )
        except OSError as exc:
            return FetchResult(
                url, url, False, error_class="read_error", detail=f"{path}: {exc.strerror or exc}"
            )
        return FetchResult(url, url, True, content=data)

    def _wait_for_host(self, host: str) -> None:
        if self.min_delay <= 0:
            return
        with self._lock:
            last = self._last_by_host.get(host, 0.0)
            wait = last + self.min_delay - time.monotonic()
            self._last_by_host[host] = max(time.monotonic(), last + self.min_delay)
        if wait > 0:
            time.sleep(wait)

    def _get(self, url: str, started: float) -> FetchResult:
        self._wait_for_host(urlparse(url).netloc)
        deadline = started + self.timeout
        try:
            with self._client.stream("GET", url) as response:
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        return FetchResult(
                            url,
                            str(response.url),
                            False,
                            response.status_code,
                            error_class="too_large",
                            detail=f"{url}: body exceeds {self.max_bytes} bytes",
                        )
                    if time.monotonic() > deadline:
                        return FetchResult(
                            url,
                            str(response.url),
                            False,
                            response.status_code,
                            error_class="timeout",
                            detail=f"{url}: no complete body in {self.timeout}s",
                        )
                    chunks.append(chunk)
                content = b"".join(chunks)
                final = str(response.url)
                status = response.status_code
                ctype = response.headers.get("content-type")
        except httpx.TimeoutException:
            return FetchResult(
                url,
                url,
                False,
                error_class="timeout",
                detail=f"{url}: timed out after {self.timeout}s",
            )
        except httpx.TooManyRedirects:
            return FetchResult(
                url,
                url,
                False,
                error_class="too_many_redirects",
                detail=f"{url}: too many redirects",
            )
        except httpx.ConnectError as exc:
            return FetchResult(
                url, url, False, error_class="connect_error", detail=f"{url}: cannot connect: {exc}"
            )
        except httpx.HTTPError as exc:
            return FetchResult(
                url,
                url,
                False,
                error_class="http_error",
                detail=f"{url}: {type(exc).__name__}: {exc}",
            )
        if status >= 400:
            error = "not_found" if status in (404, 410) else f"http_{status // 100}xx"
            return FetchResult(
                url,
                final,
                False,
                status,
                content_type=ctype,
                error_class=error,
                detail=f"{url}: HTTP {status}",
            )
        return FetchResult(url, final, True, status, content=content, content_type=ctype)

    @staticmethod
    def _check_body(result: FetchResult) -> None:
        """Empty or binary bodies are failures with their own class, not articles."""
        name = display_name(result.url)
        if not result.content.strip():
            result.ok = False
            result.error_class = "empty_content"
            result.detail = f"{name}: empty body"
        elif looks_binary(result.content):
            result.ok = False
            result.error_class = "binary_content"
            result.detail = f"{name}: binary content where text was expected"
        else:
            result.format = detect_format(result.content, urlparse(result.final_url).path)
