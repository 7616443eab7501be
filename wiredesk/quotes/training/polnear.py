"""PolNeAR stories and the speakers of their quoted attributions, read from brat standoff.

Only what the models learn from: each relation whose ``Content`` holds a quotation mark,
with its ``Source`` text (the speaker chooser), and the ``Content`` spans of unquoted
relations whose cue is a speech verb (the reported-clause model). The text stays where it
is; nothing of it is written out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from wiredesk.quotes.cues import find_cues

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
    #: Content spans of unquoted relations whose cue is a speech act (reported speech).
    reported: list[tuple[tuple[int, int], ...]] = field(default_factory=list)
    #: Content spans of every relation with a quotation mark, named source or not.
    marked: list[tuple[tuple[int, int], ...]] = field(default_factory=list)


def _has_mark(text: str) -> bool:
    if any(ch in text for ch in _MARKS) or "\u2018" in text or "''" in text:
        return True
    return bool(re.search(r"(?:^|\s)['\u2019][A-Za-z]", text))


def _spans(raw: str) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in raw.split(";")))


def _relations(path: Path) -> tuple[dict[str, tuple[tuple[int, int], ...]], list[dict[str, str]]]:
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and "\t" in line:
            ident, middle = line.split("\t", 2)[:2]
            raw = middle.split(" ", 1)[1]
            spans[ident] = _spans(raw)
        elif line.startswith("E") and "\t" in line:
            relations.append(dict(p.split(":", 1) for p in line.split("\t")[1].split()))
    return spans, relations


def read_reported(path: Path, text: str) -> list[tuple[tuple[int, int], ...]]:
    """Content spans of the unquoted relations of one ``.ann`` file whose cue holds a
    speech verb of ``cues`` ("said", "told", "according to"): the reported speech the
    quote finder looks for, beliefs and other attributions left out."""
    spans, relations = _relations(path)
    found = []
    for roles in relations:
        content = spans.get(roles.get("Content", ""))
        cue = spans.get(roles.get("Cue", ""))
        if not content or not cue or _has_mark(" ".join(text[s:e] for s, e in content)):
            continue
        cue_text = " ".join(text[s:e] for s, e in cue)
        if find_cues(cue_text) or cue_text.lower().startswith("according"):
            found.append(content)
    return found


def read_annotations(path: Path, text: str) -> list[GoldQuote]:
    """The quoted relations of one ``.ann`` file that name a source."""
    spans, relations = _relations(path)
    quotes = []
    for roles in relations:
        content = spans.get(roles.get("Content", ""))
        source = spans.get(roles.get("Source", ""))
        if not content or not source:
            continue
        if _has_mark(" ".join(text[s:e] for s, e in content)):
            quotes.append(GoldQuote(content, " ".join(text[s:e] for s, e in source)))
    return quotes


def read_marked(path: Path, text: str) -> list[tuple[tuple[int, int], ...]]:
    """Content spans of the relations of one ``.ann`` file that hold a quotation mark."""
    spans, relations = _relations(path)
    found = []
    for roles in relations:
        content = spans.get(roles.get("Content", ""))
        if content and _has_mark(" ".join(text[s:e] for s, e in content)):
            found.append(content)
    return found


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
            stories.append(
                Story(
                    name,
                    text,
                    read_annotations(ann, text),
                    read_reported(ann, text),
                    read_marked(ann, text),
                )
            )
    return stories
