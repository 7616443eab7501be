import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from wiredesk.fetch import Fetcher

PAGE = b"<html><body><p>Hello from the loopback server.</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path == "/page":
            self._send(200, PAGE, "text/html")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/page")
            self.end_headers()
        elif self.path == "/gone":
            self._send(404, b"no", "text/plain")
        elif self.path == "/broken":
            self._send(503, b"busy", "text/plain")
        elif self.path == "/big":
            self._send(200, b"a" * 5000, "text/plain")
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200, PAGE, "text/html")
        elif self.path == "/empty":
            self._send(200, b"", "text/html")
        elif self.path == "/png":
            self._send(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00", "text/html")

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_ok_page_and_redirect(server: str) -> None:
    with Fetcher() as fetcher:
        ok = fetcher.fetch(f"{server}/page")
        moved = fetcher.fetch(f"{server}/moved")
    assert ok.ok and ok.content == PAGE and ok.format == "html" and ok.status == 200
    assert moved.ok and moved.final_url.endswith("/page")


@pytest.mark.parametrize(
    ("path", "error_class"),
    [
        ("/gone", "not_found"),
        ("/broken", "http_5xx"),
        ("/empty", "empty_content"),
        ("/png", "binary_content"),
    ],
)
def test_failures_are_classified(server: str, path: str, error_class: str) -> None:
    with Fetcher() as fetcher:
        result = fetcher.fetch(server + path)
    assert not result.ok
    assert result.error_class == error_class
    assert path in result.detail


def test_size_cap_and_timeout(server: str) -> None:
    with Fetcher(max_bytes=1000) as fetcher:
        assert fetcher.fetch(f"{server}/big").error_class == "too_large"
    with Fetcher(timeout=0.5) as fetcher:
        assert fetcher.fetch(f"{server}/slow").error_class == "timeout"


def test_connection_refused_is_classified() -> None:
    with Fetcher(timeout=2) as fetcher:
        result = fetcher.fetch("http://127.0.0.1:9/nothing")
    assert result.error_class in ("connect_error", "timeout")


def test_local_files(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_bytes(PAGE)
    with Fetcher() as fetcher:
        assert fetcher.fetch(page.as_uri()).ok
        assert fetcher.fetch((tmp_path / "missing.html").as_uri()).error_class == "not_found"
        assert fetcher.fetch("ftp://example.org/x").error_class == "unsupported_url"
