"""GermEval 2014 (German Wikipedia and news sentences) as documents with character spans.

Each sentence becomes one document: tokens joined by single spaces, as the benchmark and the
training both read it. Outer tags only; ``OTH`` becomes ``MISC`` and the ``…deriv`` and
``…part`` variants (``deutsche``, ``EU-weit``) are no names and are left out of the gold. The
training part keeps them as labels of their own (``LOCderiv``, ...): a model taught that
"deutschen" is an ``O`` like any word learns less than one taught what it is, and the
recogniser drops those labels from what it reports.

Held back: the benchmark measures the German recogniser on every tenth sentence of the two
files read in order (dev, then test; sentence index ``i % 10 == 0``); training never sees
them. Of the rest, every tenth at ``i % 10 == 5`` is the checkpoint part, on which the
step budget is chosen; the final fit then trains on it too (``refit``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from wiredesk.entities.conll import Document

FILES = ("NER-de-dev.tsv", "NER-de-test.tsv")
_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}
#: Training labels: the scored ones plus the derivative and part variants, kept apart.
VARIANT_LABELS = _LABELS | {
    f"{kind}{variant}": f"{kind}{variant}"
    for kind in ("PER", "ORG", "LOC", "OTH")
    for variant in ("deriv", "part")
}


def _sentences(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Token/outer-tag pairs per sentence; ``#`` lines name the source and are skipped."""
    sentence: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                if sentence:
                    yield sentence
                sentence = []
                continue
            sentence.append((parts[1], parts[2]))
    if sentence:
        yield sentence


def sentence_document(tokens: list[tuple[str, str]], labels: dict[str, str] = _LABELS) -> Document:
    """One sentence as text and (start, end, label) spans, from IOB2 outer tags."""
    doc = Document(text=" ".join(token for token, _ in tokens))
    offset = 0
    open_span: list | None = None
    for token, tag in tokens:
        start, end = offset, offset + len(token)
        offset = end + 1
        doc.tokens.append((start, end, token, tag))
        label = labels.get(tag[2:]) if tag != "O" else None
        if label and tag.startswith("I-") and open_span and open_span[2] == label:
            open_span[1] = end
            continue
        if open_span:
            doc.spans.append(tuple(open_span))
        open_span = [start, end, label] if label else None
    if open_span:
        doc.spans.append(tuple(open_span))
    return doc


def read_germeval(folder: Path, labels: dict[str, str] = _LABELS) -> list[Document]:
    """Every sentence of both files, in file order."""
    return [sentence_document(s, labels) for name in FILES for s in _sentences(folder / name)]


def germeval_split(folder: Path, variants: bool = False) -> dict[str, list[Document]]:
    """``train``, ``checkpoint`` (picks the best step) and ``held_back`` (the benchmark's).

    ``variants``: the train part carries the ``…deriv``/``…part`` labels too (for training),
    and a ``refit`` part holds the checkpoint sentences labelled so, for a final fit on both
    once the steps are chosen; the checkpoint and held-back parts are always scored gold.
    """
    parts: dict[str, list[Document]] = {"train": [], "checkpoint": [], "held_back": []}
    scored = read_germeval(folder)
    full = read_germeval(folder, VARIANT_LABELS) if variants else scored
    for index, (doc, rich) in enumerate(zip(scored, full, strict=True)):
        part = {0: "held_back", 5: "checkpoint"}.get(index % 10, "train")
        parts[part].append(rich if part == "train" else doc)
        if variants and part == "checkpoint":
            parts.setdefault("refit", []).append(rich)
    return parts
