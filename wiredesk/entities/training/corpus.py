"""CoNLL stories as spaCy training documents, tokenised the way articles are at run time.

Each story becomes one ``Doc`` built from the same text the recogniser sees: tokens joined
by spaces, sentences by newlines, all-caps lines recased. Gold spans are given as character
offsets and aligned to spaCy's own tokens, so training and inference split words alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from wiredesk.entities.casing import recase
from wiredesk.entities.conll import Document, read_documents


def to_doc(nlp, document: Document):  # noqa: ANN001, ANN201 - spaCy Language and Doc
    """One story as a ``Doc`` with gold entities; spans spaCy cannot align are widened."""
    doc = nlp.make_doc(recase(document.text))
    ents = []
    for start, end, label in document.spans:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and not any(s.start < span.end and span.start < s.end for s in ents):
            ents.append(span)
    doc.ents = ents
    return doc


def write_split(
    nlp,  # noqa: ANN001 - spaCy Language
    documents: Iterable[Document],
    path: Path,
) -> int:
    """Write the documents as a ``.spacy`` DocBin; returns how many were written."""
    from spacy.tokens import DocBin

    docs = DocBin(store_user_data=False)
    count = 0
    for document in documents:
        docs.add(to_doc(nlp, document))
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    docs.to_disk(path)
    return count


def split_train(path: Path, held_out_every: int = 20) -> tuple[list[Document], list[Document]]:
    """Train stories, and every n-th one held out for choosing the best checkpoint.

    The held-out part comes from the train file, so the dev split stays unseen until the
    benchmark measures the finished model.
    """
    stories = read_documents(path)
    train = [d for i, d in enumerate(stories) if i % held_out_every]
    held = [d for i, d in enumerate(stories) if not i % held_out_every]
    return train, held
