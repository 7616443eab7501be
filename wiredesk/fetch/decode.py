"""Bodies: content codings undone under a cap, and text decoded to the right characters.

Decompression is done here rather than by httpx so that output is produced in bounded
steps: a gzip or brotli bomb stops at the cap instead of filling memory first.
"""

from __future__ import annotations

import codecs
import re
import zlib

import brotli
from charset_normalizer import from_bytes

from wiredesk.fetch.errors import DECODING_ERROR, DECOMPRESSION_CAP, FetchError

ACCEPT_ENCODING = "gzip, deflate, br"
_STEP = 64 * 1024


class _Zlib:
    def __init__(self, coding: str) -> None:
        self.coding = coding
        self._obj = zlib.decompressobj(zlib.MAX_WBITS | 32 if coding != "deflate" else 0)
        self._raw_deflate_tried = coding != "deflate"

    def feed(self, data: bytes, limit: int) -> bytes:
        out = bytearray()
        pending = data
        while True:
            try:
                chunk = self._obj.decompress(pending, _STEP)
            except zlib.error:
                if not self._raw_deflate_tried and not out:
                    # "deflate" is zlib-wrapped by the standard and raw in practice.
                    self._raw_deflate_tried = True
                    self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise FetchError(DECODING_ERROR, f"corrupt {self.coding} body") from None
            if self.coding == "deflate" and not self._raw_deflate_tried and chunk:
                self._raw_deflate_tried = True
            out += chunk
            if len(out) > limit:
                raise FetchError(DECOMPRESSION_CAP, f"{self.coding} body expands past the cap")
            pending = self._obj.unconsumed_tail
            if not pending:
                return bytes(out)

    def flush(self, limit: int) -> bytes:
        return self.feed(b"", limit)


class _Brotli:
    coding = "br"

    def __init__(self) -> None:
        self._obj = brotli.Decompressor()

    def feed(self, data: bytes, limit: int) -> bytes:
        out = bytearray()
        try:
            out += self._obj.process(data, output_buffer_limit=_STEP)
            while len(out) <= limit and not self._obj.can_accept_more_data():
                out += self._obj.process(b"", output_buffer_limit=_STEP)
        except brotli.error:
            raise FetchError(DECODING_ERROR, "corrupt br body") from None
        if len(out) > limit:
            raise FetchError(DECOMPRESSION_CAP, "br body expands past the cap")
        return bytes(out)

    def flush(self, limit: int) -> bytes:
        return b""


class BodyDecoder:
    """Undo ``Content-Encoding`` layers chunk by chunk; total output stays under ``cap``."""

    def __init__(self, content_encoding: str | None, cap: int) -> None:
        self.cap = cap
        self.size = 0
        codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
        self._layers = []
        for coding in reversed(codings):  # the last coding applied is undone first
            if coding in ("identity", ""):
                continue
            if coding in ("gzip", "x-gzip", "deflate"):
                self._layers.append(_Zlib(coding))
            elif coding == "br":
                self._layers.append(_Brotli())
            else:
                raise FetchError(DECODING_ERROR, f"unsupported Content-Encoding {coding!r}")

    def feed(self, data: bytes) -> bytes:
        for layer in self._layers:
            data = layer.feed(data, self.cap - self.size)
        self.size += len(data)
        return data

    def flush(self) -> bytes:
        out = b""
        for index, layer in enumerate(self._layers):
            data = layer.flush(self.cap - self.size)
            for later in self._layers[index + 1 :]:
                data = later.feed(data, self.cap - self.size)
            out += data
        self.size += len(out)
        return out


# -- charsets -------------------------------------------------------------------------------
#: WHATWG: these labels mean windows-1252 in practice.
_LABEL_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "x-user-defined": "cp1252",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""")
_CHARSET_PARAM = re.compile(r"charset\s*=\s*[\"']?([^\s;\"']+)", re.IGNORECASE)


def normalise_label(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None when the label is unknown."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    key = _LABEL_ALIASES.get(key, key)
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    match = _CHARSET_PARAM.search(content_type or "")
    return normalise_label(match.group(1)) if match else None


def sniff_charset(data: bytes) -> tuple[str | None, str]:
    """(codec, where it came from) from the BOM, else a meta tag or XML declaration."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, "bom"
    head = data[:4096]
    match = _META.search(head) or _XML_DECL.search(head)
    if match:
        return normalise_label(match.group(1).decode("ascii", "replace")), "meta"
    return None, "none"


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def detect_charset(data: bytes) -> str:
    """Best guess for undeclared or mislabelled bytes.

    Valid UTF-8 is UTF-8. Otherwise windows-1252 is preferred whenever it is among the
    detector's plausible answers: it is by far the most common mislabelled encoding, and on
    short texts the detector's first pick is often a rarer code page with the same letters.
    """
    if _decodes(data, "utf-8"):
        return "utf-8"
    matches = from_bytes(data[:65536])
    names = [normalise_label(m.encoding) for m in matches]
    if "cp1252" in names and _decodes(data, "cp1252"):
        return "cp1252"
    best = matches.best()
    if best is not None and normalise_label(best.encoding):
        return normalise_label(best.encoding) or "cp1252"
    return "cp1252" if _decodes(data, "cp1252") else "latin-1"


def resolve_charset(data: bytes, content_type: str | None) -> tuple[str, str]:
    """(codec, how it was chosen): BOM, then header, then meta tag, then detection.

    A declared charset the bytes do not decode with is a mislabel (a Windows-1252 page
    declared as UTF-8 is the classic), and detection decides instead.
    """
    sniffed, where = sniff_charset(data)
    if where == "bom" and sniffed:
        return sniffed, "bom"
    for codec, source in ((header_charset(content_type), "header"), (sniffed, "meta")):
        if codec:
            if _decodes(data, codec):
                return codec, source
            return detect_charset(data), f"detected ({source} said {codec})"
    return detect_charset(data), "detected"


def to_utf8(data: bytes, content_type: str | None) -> tuple[bytes, str, str]:
    """The text re-encoded as UTF-8, plus the source codec and how it was chosen."""
    codec, how = resolve_charset(data, content_type)
    text = data.decode(codec, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.encode("utf-8"), codec, how
