"""The fixed vocabulary of fetch and source failures, so fetch_log can be grouped by class.

Every failure a fetch or a source read can meet is one of these names; nothing else is
written to ``fetch_log.error_class``. ``FetchError`` carries a class from inside the
network layer up to the client, which turns it into a result instead of a traceback.
"""

from __future__ import annotations

# -- network and protocol ------------------------------------------------------------------
DNS_ERROR = "dns_error"  # the host name does not resolve
CONNECT_ERROR = "connect_error"  # refused, reset or unreachable
TIMEOUT = "timeout"  # one phase (connect, read, write) took longer than its timeout
DEADLINE_EXCEEDED = "deadline_exceeded"  # the whole request took longer than its deadline
TOO_LARGE = "too_large"  # declared or streamed body above the cap
DECOMPRESSION_CAP = "decompression_cap"  # the decoded body grows past the cap (a bomb)
DECODING_ERROR = "decoding_error"  # a corrupt gzip/deflate/brotli stream or unknown coding
TRUNCATED_BODY = "truncated_body"  # the server closed before Content-Length bytes arrived
PROTOCOL_ERROR = "protocol_error"  # not speaking HTTP properly
TLS_ERROR = "tls_error"  # certificate or handshake failure
TOO_MANY_REDIRECTS = "too_many_redirects"
BAD_REDIRECT = "bad_redirect"  # a 3xx without a usable Location
ROBOTS_DISALLOWED = "robots_disallowed"
ROBOTS_UNAVAILABLE = "robots_unavailable"  # robots.txt answered 5xx: the host is deferred
SSRF_BLOCKED = "ssrf_blocked"  # the host resolves to an address we never connect to
SCHEME_BLOCKED = "scheme_blocked"  # not http or https (file: only where a source says so)
NO_CONTACT = "no_contact"  # strict mode: no contact address to send site owners
INVALID_URL = "invalid_url"
HTTP_4XX = "http_4xx"
HTTP_5XX = "http_5xx"
NOT_FOUND = "not_found"  # 404 / 410, or a local file that does not exist

# -- content --------------------------------------------------------------------------------
EMPTY_CONTENT = "empty_content"
BINARY_CONTENT = "binary_content"  # a local file that is not text
NOT_HTML = "not_html"  # an HTTP page that is not HTML or text (binary served as text/html)
NOT_A_FEED = "not_a_feed"  # an HTML page or other document where a feed was expected
PARTIAL = "partial"  # a truncated feed: its complete entries were kept
TOO_MANY_ITEMS = "too_many_items"  # a feed above the item cap: the first entries were kept
UNSAFE_XML = "unsafe_xml"  # entity declarations (billion laughs, external entities)
PARSE_ERROR = "parse_error"  # a feed, sitemap or list that cannot be parsed at all
MALFORMED_XML = "malformed_xml"  # a wire document (NewsML-G2, NITF) that is not well-formed
UNSUPPORTED_FORMAT = "unsupported_format"
READ_ERROR = "read_error"  # a local file that exists but cannot be read
NOT_A_FILE = "not_a_file"
MISSING_LINK = "missing_link"  # a feed entry without a link
UNSUPPORTED_SOURCE = "unsupported_source"

#: Every class, in the order the docs list them.
ERROR_CLASSES: tuple[str, ...] = (
    DNS_ERROR,
    CONNECT_ERROR,
    TIMEOUT,
    DEADLINE_EXCEEDED,
    TOO_LARGE,
    DECOMPRESSION_CAP,
    DECODING_ERROR,
    TRUNCATED_BODY,
    PROTOCOL_ERROR,
    TLS_ERROR,
    TOO_MANY_REDIRECTS,
    BAD_REDIRECT,
    ROBOTS_DISALLOWED,
    ROBOTS_UNAVAILABLE,
    SSRF_BLOCKED,
    SCHEME_BLOCKED,
    NO_CONTACT,
    INVALID_URL,
    HTTP_4XX,
    HTTP_5XX,
    NOT_FOUND,
    EMPTY_CONTENT,
    BINARY_CONTENT,
    NOT_HTML,
    NOT_A_FEED,
    PARTIAL,
    TOO_MANY_ITEMS,
    UNSAFE_XML,
    PARSE_ERROR,
    MALFORMED_XML,
    UNSUPPORTED_FORMAT,
    READ_ERROR,
    NOT_A_FILE,
    MISSING_LINK,
    UNSUPPORTED_SOURCE,
)

#: Failures worth another attempt after a pause; the rest will fail the same way again.
RETRYABLE: frozenset[str] = frozenset({CONNECT_ERROR, TIMEOUT, HTTP_5XX, TRUNCATED_BODY})


class FetchError(Exception):
    """A classified failure raised inside the fetch layer and caught by the client."""

    def __init__(self, error_class: str, detail: str) -> None:
        super().__init__(detail)
        self.error_class = error_class
        self.detail = detail
