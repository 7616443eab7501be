"""PolNeAR stories and the speakers of their quoted attributions, read from brat standoff.

Only what the chooser learns from: each relation whose ``Content`` holds a quotation mark,
with its ``Source`` text. The text stays where it is; nothing of it is written out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'


@dataclass(frozen=True)
class GoldQuote:
    """One quoted attribution: its content's character spans and who the source is."""

    content: tuple[tuple[int, int], ...]
    source: str


@dataclass
class Story:
    name: str
    text: str
    quotes: list[GoldQuote] = field(default_factory=list)


def _has_mark(text: str) -> bool:
    if any(ch in text for ch in _MARKS) or "\u2018" in text or "''" in text:
        return True
    return bool(re.search(r"(?:^|\s)['\u2019][A-Za-z]", text))


def _spans(raw: str) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in raw.split(";")))


def read_annotations(path: Path, text: str) -> list[GoldQuote]:
    """The quoted relations of one ``.ann`` file that name a source."""
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and "\t" in line:
            ident, middle = line.split("\t", 2)[:2]
            raw = middle.split(" ", 1)[1]
            spans[ident] = _spans(raw)
        elif line.startswith("E") and "\t" in line:
            relations.append(dict(p.split(":", 1) for p in line.split("\t")[1].split()))
    quotes = []
    for roles in relations:
        content = spans.get(roles.get("Content", ""))
        source = spans.get(roles.get("Source", ""))
        if not content or not source:
            continue
        if _has_mark(" ".join(text[s:e] for s, e in content)):
            quotes.append(GoldQuote(content, " ".join(text[s:e] for s, e in source)))
    return quotes


def read_split(root: Path) -> list[Story]:
    """Every story of a split folder (``text/`` and ``attributions/``), one annotator each."""
    anns: dict[str, Path] = {}
    for path in sorted((root / "attributions").glob("*.ann")):
        anns.setdefault(path.stem.rsplit("_", 1)[0], path)
    stories = []
    for name, ann in sorted(anns.items()):
        text_path = root / "text" / f"{name}.txt"
        if text_path.exists():
            text = text_path.read_text(encoding="utf-8")
            stories.append(Story(name, text, read_annotations(ann, text)))
    return stories
