"""Text normalisation, in two layers kept apart.

The *stored* text (``clean_text``) is what later stages give offsets into: Unicode NFC,
mojibake repaired (ftfy), soft hyphens and zero-width characters removed, whitespace
collapsed, one blank line between paragraphs. Non-breaking spaces and curly quotes stay:
they are part of the copy ("Mr.\u00a0Brandt").

The *matching* form (``fold``) is never stored as text: it also turns non-breaking spaces
into spaces, folds case, width and quote styles and drops punctuation, so that copies of
the same story hash and compare alike (``content_hash``, near-duplicate shingles).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

import ftfy

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
#: ftfy repairs encoding damage only; it must not restyle the copy (quotes, widths,
#: ligatures), or text and offsets would drift from what the outlet published.
_REPAIR = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    fix_line_breaks=True,
    normalization="NFC",
    explain=False,
)
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00c3\u00c5\u00ce\u00d0\u00e2\u00ef][\u0080-\u00bf\u0152-\u02dc\u2013-\u2122]"
)


def repair_text(text: str) -> str:
    """Undo mojibake ("theyâ€™re" -> "they’re") and decode stray HTML entities; NFC."""
    if _MOJIBAKE_HINT.search(text) or "&" in text or "\ufffd" in text:
        text = ftfy.fix_text(text, config=_REPAIR)
    return unicodedata.normalize("NFC", text)


def clean_text(text: str) -> str:
    """Stored form: repaired, NFC, no soft hyphens or zero-width characters, single spaces,
    one blank line between paragraphs. Non-breaking spaces stay: they are part of the copy."""
    text = repair_text(text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = []
    for block in re.split(r"\n\s*\n|\n", text):
        line = re.sub(r"[ \t\f\v]+", " ", block).strip()
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p]


def fold(text: str) -> str:
    """Case-, width-, quote-style- and spacing-insensitive form for comparing copy."""
    text = unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).casefold()
    text = re.sub(r"[\u2018\u2019\u201a\u201b\u2032]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]", '"', text)
    text = re.sub(r"[^\w\s']", " ", text)
    return " ".join(text.split())


@lru_cache(maxsize=8192)
def fold_line(line: str) -> str:
    """``fold`` of one line, remembered: a story's paragraphs are folded for its hash and
    again for its shingles, and copies of a story share most of their paragraphs."""
    return fold(line)


def text_digest(text: str) -> bytes:
    """A digest of exactly this text, unfolded: whether something worked out from a text
    (a signature, mentions read ahead) was worked out from this one."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def content_hash(text: str) -> str:
    # Folding is character-wise and collapses whitespace, so folding line by line and
    # joining gives exactly ``fold(text)``.
    folded = " ".join(f for f in map(fold_line, text.split("\n")) if f)
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:32]


def word_count(text: str) -> int:
    return len(re.findall(r"\w+(?:['\u2019-]\w+)*", text))
