"""spaCy's greedy entity decoder, rebuilt to score whole batches at once.

spaCy's transition-based recogniser scores one parser state per token in compiled code,
and for a model as small as ours that step loop costs about twice the network itself.
The entity system's state is read from three tokens: the next one, the open entity's
first one and the one before the next (the last two only while an entity is open). With
no entity open a state's scores depend on its token alone, so here they come from one
matrix product over every token of the batch; only tokens inside an entity are scored
one at a time. The arithmetic is spaCy's (the same float32 sums in the same order, BLIS
products through thinc), so the entities found are spaCy's own; ``tests`` compare them.

Pipelines whose ``ner`` is spaCy's ``TransitionBasedParser`` (three state tokens, an
output layer, maxout) can use it, whatever components run around it;
``GreedyEntities.fits`` says whether one does.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

import numpy as np
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import Tok2Vec
from spacy.tokens import Doc, Span

from wiredesk.entities.encoder import NUMPY_OPS, WindowEncoder
from wiredesk.workers import one_blas_thread

_OPS = NUMPY_OPS
#: The decoder a forked worker inherits (set just before the fork, see ``spans_in_processes``).
_INHERITED: GreedyEntities | None = None
#: An entity as character offsets and label.
CharSpan = tuple[int, int, str]


def _moves(ner) -> list[tuple[str, str]]:  # noqa: ANN001 - spaCy's EntityRecognizer
    """Each class as (move letter, label): "B-ORG" -> ("B", "ORG"), "O" -> ("O", "")."""
    names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    return [tuple(name.split("-", 1)) if "-" in name else (name, "") for name in names]


class GreedyEntities:
    """Entities of a batch of texts as spaCy's greedy ``ner`` finds them, with less work."""

    @staticmethod
    def fits(nlp: Language) -> bool:
        """True when the pipeline's ``ner`` is a transition-based one this decoder mirrors
        (the components around it run as spaCy runs them)."""
        if "ner" not in nlp.pipe_names:
            return False
        ner = nlp.get_pipe("ner")
        model = ner.model
        if type(ner.moves).__name__ != "BiluoPushDown" or ner.cfg.get("beam_width", 1) != 1:
            return False
        if model.name != "parser_model" or not model.attrs.get("has_upper"):
            return False
        if model.attrs.get("unseen_classes"):
            return False
        lower = model.get_ref("lower")
        moves = {move for move, _ in _moves(ner)}
        return (
            lower.get_dim("nF") == 3
            and lower.has_dim("nP")
            and lower.get_dim("nP") >= 2
            and moves <= {"B", "I", "L", "U", "O"}
        )

    def __init__(self, nlp: Language, span_key: str | None = None) -> None:
        ner = nlp.get_pipe("ner")
        self.nlp = nlp
        self.span_key = span_key
        at = nlp.pipe_names.index("ner")
        self.before = [_runner(nlp.get_pipe(name)) for name in nlp.pipe_names[:at]]
        self.after = [_runner(nlp.get_pipe(name)) for name in nlp.pipe_names[at + 1 :]]
        tok2vec = ner.model.get_ref("tok2vec")
        self.encoder = WindowEncoder(tok2vec) if WindowEncoder.fits(tok2vec) else tok2vec
        self.lower = ner.model.get_ref("lower")
        upper = ner.model.get_ref("upper")
        self.upper_w = upper.get_param("W")
        self.upper_b = upper.get_param("b")
        self.lower_b = self.lower.get_param("b")
        moves = _moves(ner)
        self.labels = [label for _, label in moves]
        kinds = np.array([move for move, _ in moves])
        named = np.array([bool(label) for label in self.labels])
        out = kinds == "O"
        unit = (kinds == "U") & named
        begin = (kinds == "B") & named
        # Valid classes with no entity open: anywhere / before a sentence start or the end /
        # on a space.
        self.closed_masks = np.stack([out | unit | begin, out | unit, out])
        self.out_class = int(np.flatnonzero(out)[0])
        self.begin_classes = frozenset(np.flatnonzero(begin).tolist())
        self.unit_classes = frozenset(np.flatnonzero(unit).tolist())
        by_label = {label: i for i, (move, label) in enumerate(moves) if move == "I" and label}
        # B-X -> I-X and L-X
        self.inside_of = {b: by_label.get(self.labels[b]) for b in self.begin_classes}
        last = {label: i for i, (move, label) in enumerate(moves) if move == "L" and label}
        self.last_of = {b: last[self.labels[b]] for b in self.begin_classes}

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
        """Docs with their ``ents`` set, in order, ``batch_size`` texts at a time."""
        stream = iter(texts)
        while batch := [self.nlp.make_doc(text) for text in islice(stream, batch_size)]:
            self.annotate(batch)
            yield from batch

    def spans(self, texts: Sequence[str], batch_size: int = 32) -> list[list[CharSpan]]:
        """Each text's entities (and the names in ``span_key``) as (start_char, end_char,
        label), in order."""
        return [
            [
                (e.start_char, e.end_char, e.label_)
                for e in (*doc.ents, *doc.spans.get(self.span_key or "", ()))
            ]
            for doc in self.pipe(texts, batch_size)
        ]

    def spans_in_processes(
        self, texts: Sequence[str], batch_size: int, processes: int
    ) -> list[list[CharSpan]]:
        """``spans`` spread over forked processes, which share the loaded model's memory."""
        global _INHERITED
        if processes <= 1 or len(texts) < 2 * batch_size:
            return self.spans(texts, batch_size)
        step = -(-len(texts) // (processes * 4))
        parts = [(list(texts[i : i + step]), batch_size) for i in range(0, len(texts), step)]
        _INHERITED = self
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(
                processes, mp_context=context, initializer=one_blas_thread
            ) as pool:
                return [spans for part in pool.map(_spans_of_part, parts) for spans in part]
        finally:
            _INHERITED = None

    def annotate(self, docs: Sequence[Doc]) -> None:
        """Run the pipeline over the docs, its ``ner`` decoded here (docs with preset entity
        tags go through spaCy's decoder)."""
        for run in self.before:
            docs = run(docs)
        self._entities(docs)
        for run in self.after:
            docs = run(docs)

    def _entities(self, docs: Sequence[Doc]) -> None:
        plain = [doc for doc in docs if len(doc) and not doc.to_array(ENT_IOB).any()]
        preset = [doc for doc in docs if len(doc) and doc.to_array(ENT_IOB).any()]
        if preset:
            ner = self.nlp.get_pipe("ner")
            ner.set_annotations(preset, ner.predict(preset))
        if not plain:
            return
        features = self.lower.predict(self.encoder.predict(plain))
        closed = self._closed_choices(plain, features)
        offset = 0
        for doc in plain:
            spans = self._decode(doc, offset, features, closed)
            doc.set_ents(
                [Span(doc, start, end, label=label) for start, end, label in spans],
                default="outside",
            )
            offset += len(doc)

    def _hidden(self, summed: np.ndarray) -> np.ndarray:
        """Bias added, the best of each unit's pieces (maxout)."""
        summed += self.lower_b
        best = summed[..., 0].copy()
        for piece in range(1, summed.shape[-1]):
            np.maximum(best, summed[..., piece], out=best)
        return best

    def _closed_choices(self, docs: Sequence[Doc], features: np.ndarray) -> np.ndarray:
        """The class spaCy picks at each token of the batch when no entity is open."""
        summed = features[1:, 0] + features[0, 1]
        summed += features[0, 2]
        scores = _OPS.gemm(self._hidden(summed), self.upper_w, trans2=True)
        scores += self.upper_b
        kind = np.concatenate([self._closed_kind(doc) for doc in docs])
        valid = self.closed_masks[kind]
        return np.where(valid, scores, -np.inf).argmax(axis=1)

    @staticmethod
    def _closed_kind(doc: Doc) -> np.ndarray:
        """Per token: 0 an entity may begin here, 1 it may only be one token, 2 none."""
        attrs = doc.to_array([IS_SPACE, SENT_START])
        kind = np.zeros(len(doc), dtype=np.intp)
        next_starts = np.append(attrs[1:, 1] == 1, True)  # the last token: no next one
        kind[next_starts] = 1
        kind[attrs[:, 0] != 0] = 2
        return kind

    def _open_continues(self, features: np.ndarray, token: int, first: int, classes: tuple) -> bool:
        """Whether spaCy's state inside an entity picks I (go on) over L (end here)."""
        summed = features[token + 1, 0] + features[first + 1, 1]
        summed += features[token, 2]
        scores = _OPS.gemm(self._hidden(summed)[None, :], self.upper_w, trans2=True)[0]
        scores += self.upper_b
        inside, last = classes
        a, b = scores[inside], scores[last]
        return bool(a > b or (a == b and inside < last))

    def _decode(
        self, doc: Doc, offset: int, features: np.ndarray, closed: np.ndarray
    ) -> list[tuple[int, int, str]]:
        """Walk one doc's tokens as the greedy parser does: (start, end, label) per entity."""
        n = len(doc)
        choices = closed[offset : offset + n]
        starts = np.flatnonzero(choices != self.out_class).tolist()
        may_go_on = None
        spans: list[tuple[int, int, str]] = []
        after = 0  # first token not yet read
        for i in starts:
            if i < after:
                continue
            choice = int(choices[i])
            label = self.labels[choice]
            if choice in self.unit_classes:
                spans.append((i, i + 1, label))
                after = i + 1
                continue
            if may_go_on is None:
                next_starts = doc.to_array(SENT_START)[1:] == 1
                may_go_on = np.append(~next_starts, False)
            classes = (self.inside_of[choice], self.last_of[choice])
            j = i + 1
            while (
                may_go_on[j]
                and classes[0] is not None
                and self._open_continues(features, offset + j, offset + i, classes)
            ):
                j += 1
            spans.append((i, j + 1, label))
            after = j + 1
        return spans


def _runner(component) -> Callable[[Sequence[Doc]], list[Doc]]:  # noqa: ANN001 - spaCy's
    """A pipeline component over a batch, as ``Language.pipe`` runs it; a shared
    ``tok2vec`` component's vectors come from the NumPy encoder."""
    if isinstance(component, Tok2Vec) and WindowEncoder.fits(component.model):
        encoder = WindowEncoder(component.model)

        def encode(docs: Sequence[Doc]) -> list[Doc]:
            if any(len(doc) for doc in docs):
                component.set_annotations(docs, encoder.predict_each(docs))
                return list(docs)
            return list(component.pipe(docs))

        return encode
    if hasattr(component, "pipe"):
        return lambda docs: list(component.pipe(docs, batch_size=max(len(docs), 1)))
    return lambda docs: [component(doc) for doc in docs]


def _spans_of_part(part: tuple[list[str], int]) -> list[list[CharSpan]]:
    """In a forked worker: the entities of one run of texts."""
    assert _INHERITED is not None, "the decoder is set before the fork"
    texts, batch_size = part
    return _INHERITED.spans(texts, batch_size)
