"""factRuEval-2016 (Russian news) as documents with character spans.

The gold is read from each document's ``.objects`` (mentions built from ``.spans``, whose
offsets point into the ``.txt``): ``Person`` -> PER, ``Org`` -> ORG, ``Location`` and
``LocOrg`` -> LOC, ``Project`` -> MISC; each object runs from its first span's start to its
last span's end. Objects nest ("мэрии Москвы" holds "Москвы"); all are kept for scoring,
and training keeps the outermost of overlapping ones.

Held back: documents sorted by folder and name; every fifth (``i % 5 == 0``) is the
benchmark's and is never trained on. Of the rest, every tenth (``i % 10 == 3``) picks the
best training checkpoint.
"""

from __future__ import annotations

from pathlib import Path

from wiredesk.entities.conll import Document

FOLDERS = ("devset", "testset")
_LABELS = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC", "Project": "MISC"}


def _span_offsets(path: Path) -> dict[str, tuple[int, int]]:
    """Span id -> (start, end) from a ``.spans`` file (``id type start length ...``)."""
    spans: dict[str, tuple[int, int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) >= 4:
            start = int(fields[2])
            spans[fields[0]] = (start, start + int(fields[3]))
    return spans


def read_objects(stem: Path) -> list[tuple[str, str, int, int]]:
    """(object id, label, start, end) of every typed object of a document (``stem`` without
    suffix), in the order of its ``.objects`` file."""
    offsets = _span_offsets(stem.with_suffix(".spans"))
    found = []
    for line in stem.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        label = _LABELS.get(fields[1]) if len(fields) > 2 else None
        places = [offsets[s] for s in fields[2:] if s in offsets]
        if label and places:
            found.append((fields[0], label, min(p[0] for p in places), max(p[1] for p in places)))
    return found


def read_document(stem: Path) -> Document:
    """One document (``stem`` without suffix) with every typed object as a span."""
    text = stem.with_suffix(".txt").read_text(encoding="utf-8")
    spans = {(start, end, label) for _, label, start, end in read_objects(stem)}
    return Document(text=text, spans=sorted(spans))


def factrueval_stems(folder: Path) -> list[Path]:
    """Every document of both folders (its path without suffix), sorted by folder and name:
    the order the held-back split counts in."""
    return [
        path.with_suffix("")
        for name in FOLDERS
        for path in sorted((folder / name).glob("*.txt"))
        if path.with_suffix(".objects").exists()
    ]


def read_factrueval(folder: Path) -> list[Document]:
    """Every document of both folders, sorted by folder and name."""
    return [read_document(stem) for stem in factrueval_stems(folder)]


def outermost(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping spans for training: longer ones first, then earlier."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if not any(k[0] < span[1] and span[0] < k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


def factrueval_split(folder: Path) -> dict[str, list[Document]]:
    """``train``, ``checkpoint`` (picks the best step) and ``held_back`` (the benchmark's)."""
    parts: dict[str, list[Document]] = {"train": [], "checkpoint": [], "held_back": []}
    for index, doc in enumerate(read_factrueval(folder)):
        if index % 5 == 0:
            parts["held_back"].append(doc)
        elif index % 10 == 3:
            parts["checkpoint"].append(doc)
        else:
            parts["train"].append(doc)
    return parts
