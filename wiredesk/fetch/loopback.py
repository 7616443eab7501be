"""A loopback HTTP server that misbehaves on purpose, for the fetch tests and benchmark.

Each path plays one fault a hostile or broken server can produce (a hang before the
headers, a one-byte-a-second drip, a gzip bomb, a redirect to the metadata address, ...).
It binds to 127.0.0.1 only, every fault is bounded in time, and ``close()`` releases the
threads still playing one.
"""

from __future__ import annotations

import functools
import gzip
import threading
import time
import zlib
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import brotli

Route = Callable[["_Handler"], None]
HTML_PAGE = (
    b"<!doctype html><html><head><title>Loopback page</title></head><body>"
    b"<article><p>A page served by the loopback test server, long enough to be an article"
    b" body for the extraction stage.</p></article></body></html>"
)


@functools.cache
def _zeros_gzip(size: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1024 * 1024)
    parts = [compressor.compress(block) for _ in range(size // len(block))]
    parts.append(compressor.flush())
    return b"".join(parts)


@functools.cache
def _zeros_brotli(size: int) -> bytes:
    return brotli.compress(bytes(size), quality=1)


def rss(count: int, base: str = "https://news.example", title: str = "Loopback feed") -> bytes:
    """An RSS 2.0 feed of ``count`` items."""
    items = "".join(
        f"<item><title>Story {i}</title><link>{base}/story/{i}</link>"
        f'<guid isPermaLink="false">story-{i}</guid>'
        f"<pubDate>Mon, 16 Nov 2026 {i % 24:02d}:00:00 GMT</pubDate></item>"
        for i in range(count)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>{base}/</link><description>d</description>"
        f"{items}</channel></rss>"
    ).encode()


_LAUGHS = "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(2, 10))
BILLION_LAUGHS = (
    f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol1 "lol">{_LAUGHS}]>'
    '<rss version="2.0"><channel><title>&lol9;</title><item><title>x</title>'
    "<link>https://news.example/x</link></item></channel></rss>"
).encode()
BILLION_LAUGHS_MULTILINE = BILLION_LAUGHS.replace(b"<!ENTITY", b"\n  <!ENTITY").replace(
    b"]>", b"\n]>\n"
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n  <!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n'
    b'<rss version="2.0"><channel><title>t</title><item><title>&secret;</title>'
    b"<link>https://news.example/x</link></item></channel></rss>"
)


class _Handler(BaseHTTPRequestHandler):
    server: LoopbackServer
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.server.record(self.path, self.headers)
        path = self.path.split("?", 1)[0]
        route = self.server.routes.get(path)
        if route is None:
            self.send_body(404, b"not here", "text/plain")
            return
        try:
            route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def send_body(
        self, status: int, body: bytes, ctype: str = "text/html", headers: dict | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


class LoopbackServer(ThreadingHTTPServer):
    """``LoopbackServer(robots=...)``; ``url(path)`` gives the address of a route."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, robots: str | None = None, delay_s: float = 0.0) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.stop = threading.Event()
        self.delay_s = delay_s
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.active = 0
        self.peak = 0
        self._lock = threading.Lock()
        self._counters: dict[str, int] = {}
        self.routes: dict[str, Route] = {}
        self._install_faults()
        if robots is not None:
            self.routes["/robots.txt"] = self._robots_route(robots)
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up mid-fault is the point of most routes: stay quiet."""

    # -- bookkeeping -------------------------------------------------------------------------
    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def url(self, path: str) -> str:
        return self.origin + path

    def record(self, path: str, headers: object) -> None:
        with self._lock:
            self.requests.append((path, dict(headers.items())))  # type: ignore[attr-defined]

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for p, _ in self.requests if p == path)

    def count(self, key: str) -> int:
        """How many times ``key`` was asked for, this time included."""
        with self._lock:
            self._counters[key] = self._counters.get(key, 0) + 1
            return self._counters[key]

    def close(self) -> None:
        self.stop.set()
        self.shutdown()
        self.server_close()

    def __enter__(self) -> LoopbackServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- routes ------------------------------------------------------------------------------
    def add(
        self,
        path: str,
        body: bytes,
        ctype: str = "text/html",
        status: int = 200,
        headers: dict | None = None,
    ) -> str:
        """Serve fixed content at ``path``; returns its URL."""

        def route(handler: _Handler) -> None:
            if self.delay_s:
                time.sleep(self.delay_s)
            handler.send_body(status, body, ctype, headers)

        self.routes[path] = route
        return self.url(path)

    def add_conditional(self, path: str, body: bytes, etag: str, ctype: str) -> str:
        """A resource that answers 304 to a matching ``If-None-Match``."""

        def route(handler: _Handler) -> None:
            if handler.headers.get("If-None-Match") == etag:
                handler.send_response(304)
                handler.send_header("ETag", etag)
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                return
            handler.send_body(200, body, ctype, {"ETag": etag})

        self.routes[path] = route
        return self.url(path)

    def add_redirect(self, path: str, location: str, status: int = 302) -> str:
        def route(handler: _Handler) -> None:
            handler.send_body(status, b"", "text/plain", {"Location": location})

        self.routes[path] = route
        return self.url(path)

    def _robots_route(self, mode: str) -> Route:
        def route(handler: _Handler) -> None:
            if mode == "5xx":
                handler.send_body(503, b"down", "text/plain")
            elif mode == "garbage":
                handler.send_body(200, bytes(range(256)) * 8 + b"\x00{{%%", "text/plain")
            else:
                handler.send_body(200, mode.encode(), "text/plain")

        return route

    def _install_faults(self) -> None:
        stop = self.stop
        gzip_bomb = _zeros_gzip(64 * 1024 * 1024)  # 64 MiB of zeros in ~64 KiB
        br_bomb = _zeros_brotli(64 * 1024 * 1024)

        def hang(handler: _Handler) -> None:
            stop.wait(30)

        def drip(handler: _Handler) -> None:
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Content-Length", "1000")
            handler.end_headers()
            for _ in range(60):
                handler.wfile.write(b"<")
                handler.wfile.flush()
                if stop.wait(1.0):
                    return

        def drip_headers(handler: _Handler) -> None:
            for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 60:
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
                if stop.wait(1.0):
                    return

        def short(handler: _Handler) -> None:
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Content-Length", "5000")
            handler.end_headers()
            handler.wfile.write(HTML_PAGE[:100])
            handler.wfile.flush()
            handler.close_connection = True

        def huge_declared(handler: _Handler) -> None:
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Content-Length", str(5 * 1024**3))
            handler.end_headers()
            block = b"a" * 65536
            for _ in range(64):  # bounded: 4 MiB at most, the client stops far earlier
                handler.wfile.write(block)
                if stop.is_set():
                    return

        def endless(handler: _Handler) -> None:
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.end_headers()
            handler.close_connection = True
            block = b"<p>" + b"a" * 65530 + b"</p>"
            for _ in range(256):  # bounded: 16 MiB at most
                handler.wfile.write(block)
                if stop.is_set():
                    return

        def encoded(body: bytes, coding: str) -> Route:
            def route(handler: _Handler) -> None:
                handler.send_body(200, body, "text/html", {"Content-Encoding": coding})

            return route

        def rate_limited(handler: _Handler) -> None:
            if self.count("429") == 1:
                handler.send_body(429, b"slow down", "text/plain", {"Retry-After": "1"})
            else:
                handler.send_body(200, HTML_PAGE)

        def flaky(handler: _Handler) -> None:
            if self.count("503") == 1:
                handler.send_body(503, b"busy", "text/plain")
            else:
                handler.send_body(200, HTML_PAGE)

        def slow_host(handler: _Handler) -> None:
            with self._lock:
                self.active += 1
                self.peak = max(self.peak, self.active)
            try:
                time.sleep(self.delay_s or 0.05)
                handler.send_body(200, HTML_PAGE)
            finally:
                with self._lock:
                    self.active -= 1

        page = (
            '<!doctype html><html><head><meta charset="utf-8"><title>Caf\u00e9</title></head>'
            "<body><p>The caf\u00e9 owner said \u201cwe are open\u201d \u2014 prices rose "
            "5\u20ac. Na\u00efve investors fled the market on Monday.</p></body></html>"
        )
        self.routes.update(
            {
                "/page": lambda h: h.send_body(200, HTML_PAGE),
                "/hang": hang,
                "/drip": drip,
                "/drip-headers": drip_headers,
                "/short": short,
                "/huge": huge_declared,
                "/endless": endless,
                "/gzip-bomb": encoded(gzip_bomb, "gzip"),
                "/br-bomb": encoded(br_bomb, "br"),
                "/gzip-page": encoded(gzip.compress(HTML_PAGE), "gzip"),
                "/br-page": encoded(brotli.compress(HTML_PAGE), "br"),
                "/429": rate_limited,
                "/503-then-200": flaky,
                "/always-503": lambda h: h.send_body(503, b"busy", "text/plain"),
                "/slow": slow_host,
                "/cp1252-as-utf8": lambda h: h.send_body(
                    200, page.encode("cp1252"), "text/html; charset=utf-8"
                ),
                "/png-as-html": lambda h: h.send_body(
                    200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "text/html"
                ),
                "/billion-laughs": lambda h: h.send_body(
                    200, BILLION_LAUGHS, "application/rss+xml"
                ),
                "/billion-laughs-multiline": lambda h: h.send_body(
                    200, BILLION_LAUGHS_MULTILINE, "application/rss+xml"
                ),
                "/external-entity": lambda h: h.send_body(
                    200, EXTERNAL_ENTITY, "application/rss+xml"
                ),
                "/html-as-feed": lambda h: h.send_body(200, HTML_PAGE, "application/rss+xml"),
                "/truncated-feed": lambda h: h.send_body(
                    200, rss(10)[: len(rss(10)) * 2 // 3], "application/rss+xml"
                ),
                "/big-feed": lambda h: h.send_body(200, rss(50_000), "application/rss+xml"),
            }
        )
        self.add_redirect("/loop-a", "/loop-b")
        self.add_redirect("/loop-b", "/loop-a")
        self.add_redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/")
        self.add_redirect("/to-file", "file:///etc/passwd")
        self.add_redirect("/to-page", "/page", 301)
