"""Text normalisation: the stored text stays readable; hashing uses a folded form."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)


def clean_text(text: str) -> str:
    """NFC, no soft hyphens or zero-width characters, single spaces, one blank line
    between paragraphs. Non-breaking spaces stay: they are part of the copy."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
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
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\u2018\u2019\u201a\u201b\u2032]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]", '"', text)
    text = re.sub(r"[^\w\s']", " ", text)
    return " ".join(text.split())


def content_hash(text: str) -> str:
    return hashlib.sha256(fold(text).encode("utf-8")).hexdigest()[:32]


def word_count(text: str) -> int:
    return len(re.findall(r"\w+(?:['\u2019-]\w+)*", text))
