"""Reading CoNLL-format entity gold into documents with character-offset spans."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from wiredesk.settings import current_settings

#: Where the shared gold sets live unless ``models.eval_dir`` says otherwise.
REPO_ROOT = Path(__file__).resolve().parents[2]


def eval_dir() -> Path:
    """The gold folder: ``../shared/eval`` next to the repo, or ``models.eval_dir``."""
    override = current_settings().models.eval_dir
    return Path(override) if override else (REPO_ROOT.parent / "shared" / "eval").resolve()


@dataclass
class Document:
    """One story: its text rebuilt from tokens and its gold spans as (start, end, type)."""

    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    tokens: list[tuple[int, int, str, str]] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return len(self.tokens)


def _sentences(path: Path) -> Iterator[list[tuple[str, str]] | None]:
    """Yield token/tag sentences, and ``None`` at each story boundary."""
    sentence: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if not parts:
                if sentence:
                    yield sentence
                sentence = []
            elif parts[0] == "-DOCSTART-":
                if sentence:
                    yield sentence
                sentence = []
                yield None
            else:
                sentence.append((parts[0], parts[-1]))
    if sentence:
        yield sentence


def _build(sentences: list[list[tuple[str, str]]]) -> Document:
    """Join tokens with spaces and sentences with newlines; convert IOB2 tags to spans."""
    doc = Document(text="")
    pieces: list[str] = []
    offset = 0
    for s_index, sentence in enumerate(sentences):
        if s_index:
            pieces.append("\n")
            offset += 1
        open_span: list | None = None
        for t_index, (token, tag) in enumerate(sentence):
            if t_index:
                pieces.append(" ")
                offset += 1
            start, end = offset, offset + len(token)
            pieces.append(token)
            offset = end
            doc.tokens.append((start, end, token, tag))
            kind = tag[2:] if tag != "O" else ""
            continues = tag.startswith("I-") and open_span and open_span[2] == kind
            if tag.startswith("B-") or (tag.startswith("I-") and not continues):
                if open_span:
                    doc.spans.append(tuple(open_span))
                open_span = [start, end, kind]
            elif tag.startswith("I-") and open_span:
                open_span[1] = end
            else:
                if open_span:
                    doc.spans.append(tuple(open_span))
                open_span = None
        if open_span:
            doc.spans.append(tuple(open_span))
    doc.text = "".join(pieces)
    return doc


def read_documents(path: Path) -> list[Document]:
    """All stories in a CoNLL file, one document each."""
    docs: list[Document] = []
    current: list[list[tuple[str, str]]] = []
    for item in _sentences(path):
        if item is None:
            if current:
                docs.append(_build(current))
            current = []
        else:
            current.append(item)
    if current:
        docs.append(_build(current))
    return docs
