"""Reported clauses the verb rules leave out, proposed by a trained model.

The rules of ``indirect`` take a reported clause only in shapes they read precisely
("X said that …", "…, X said"). Many more sentences report speech around a cue: "Rubio told
a crowd in Miami Tuesday that …", "He says Americans don't need …", "asked whether …". For
each cue in a sentence that holds no quote yet, two spans are proposed, the words after the
cue (past "that") and the words before it, and a logistic model scores each from the shape
around the cue (its stem and form, what follows and precedes it, whether a subject stands
before it, the lengths). The best proposal of a sentence is kept when its probability
reaches the threshold chosen on held-out training stories. The weights ship as
``clauses.json`` (feature names and numbers only); ``python -m
wiredesk.quotes.training.clauses`` rebuilds them from PolNeAR train.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import mul
from pathlib import Path

from wiredesk.quotes.attribution import phrase_after, subject_before
from wiredesk.quotes.cues import QUOTED_WORDS_ONLY, find_cues, passive_before
from wiredesk.quotes.layout import Covered, Layout
from wiredesk.quotes.marks import ALL_MARKS
from wiredesk.quotes.model import Quote
from wiredesk.quotes.speakers import Speaker, SpeakerResolver

MODEL_PATH = Path(__file__).with_name("clauses.json")
#: Words before a cue that tell its use ("has said", "was asked", "to say", "who said").
_BEFORE = frozenset(
    """he she they it we i who also has have had will would could did does do not never
    was were is are be been to and but as which that reportedly repeatedly later""".split()
)
#: Words right after a cue that open a clause or an object, or a complement that reports
#: nothing ("responded by hitting", "asked for calm", "was reported for his role").
_AFTER = frozenset(
    """that he she they it we i the a his her their this there if whether why how what
    reporters me him them us on in at about to by for with from of into as""".split()
)
_END = ".!?;:"


@dataclass(frozen=True)
class Proposal:
    """One possible reported clause: its span, the cue, the speaker span, features and the
    start of its sentence (proposals compete within a sentence)."""

    sentence: int
    start: int
    end: int
    cue_start: int
    cue_end: int
    speaker: tuple[int, int] | None
    features: dict[str, float]


@dataclass(frozen=True)
class ClauseModel:
    """Weights per feature name, a bias and the probability a proposal must reach."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        weights = map(self.weights.get, features, repeat(0.0))
        z = self.bias + sum(map(mul, weights, features.values()))
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict:
        return {"weights": self.weights, "bias": self.bias, "threshold": self.threshold}


@lru_cache(maxsize=1)
def shipped_clause_model() -> ClauseModel | None:
    """The model in the package, or None before one was trained (the rules alone then)."""
    if not MODEL_PATH.exists():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return ClauseModel(
        {k: float(v) for k, v in data["weights"].items()},
        float(data["bias"]),
        float(data["threshold"]),
    )


#: While training, every sentence's proposals are recorded here.
_recorders: list[list[Proposal]] = []


@contextmanager
def recording() -> Iterator[list[Proposal]]:
    """Collect every proposal made inside the block (the training set of the model)."""
    sink: list[Proposal] = []
    _recorders.append(sink)
    try:
        yield sink
    finally:
        _recorders.remove(sink)


def _words(words: list[str]) -> list[str]:
    return [w.strip(",.;:!?()\"'\u201c\u201d\u2018\u2019").lower() for w in words]


def proposals(
    text: str, layout: Layout, start: int, end: int, resolver: SpeakerResolver
) -> list[Proposal]:
    """The proposals of the sentence ``text[start:end]`` (one with no quote in it)."""
    found: list[Proposal] = []
    cues = find_cues(text, start, end)
    if not cues:
        return found
    sentence_words = len(text[start:end].split())
    for c_start, c_end, stem in cues:
        if stem in QUOTED_WORDS_ONLY or resolver.in_quote(c_start):
            continue
        if _not_reporting(text, start, c_start, c_end):
            continue
        before = _words(text[start:c_start].rsplit(None, 1)[-1:])
        after = _words(text[c_end:end].split(None, 8)[:8])
        subject = subject_before(text, c_start, start)
        comma = text[start:c_start].rstrip().endswith(",")
        # A speaker after the cue only in a trailing attribution: "…, said the minister".
        inverted = phrase_after(text, c_end, end) if comma else None
        common = {
            f"stem={stem}": 1.0,
            f"form={text[c_start:c_end].lower().split()[0]}": 1.0,
            "cue_first": float(not before),
            "subject": float(subject is not None),
            "subject_pronoun": float(
                subject is not None and text[subject[0] : subject[1]].lower() in _PRONOUNS
            ),
            "inverted": float(inverted is not None),
            "comma_before_cue": float(comma),
            "log_sentence_words": math.log1p(sentence_words),
            "question": float(text[start:end].rstrip().endswith("?")),
            # "asked Morrison about …": a name as the cue's object; "Note: …": a heading
            "name_follows": float(text[c_end:end].lstrip()[:1].isupper()),
            "colon_follows": float(text[c_end:end].lstrip()[:1] == ":"),
        }
        if before and before[-1] in _BEFORE:
            common[f"prev={before[-1]}"] = 1.0
        first_after = after[0] if after else ""
        if first_after in _AFTER:
            common[f"next={first_after}"] = 1.0
        that = next((i for i, w in enumerate(after[:8]) if w == "that"), None)
        clause_start = c_end
        if that is not None:
            clause_start = _after_word(text, c_end, end, that + 1)
        clause_end = end
        while clause_end > clause_start and text[clause_end - 1] in _END + " \n\"'\u201d":
            clause_end -= 1
        clause_words = len(text[clause_start:clause_end].split())
        if clause_words >= 3 and not _has_marks(text[clause_start:clause_end]):
            features = dict(common, side_after=1.0, that_follows=float(that is not None))
            features["that_at"] = float(that or 0) / 8 if that is not None else 0.0
            features["log_clause_words"] = math.log1p(clause_words)
            found.append(
                Proposal(start, clause_start, clause_end, c_start, c_end, subject, features)
            )
        head = text[start:c_start].rstrip(" ,\u2014-")
        head_words = len(head.split())
        if subject is not None:
            head = text[start : subject[0]].rstrip(" ,\u2014-")
            head_words = len(head.split())
        if head_words >= 3 and not _has_marks(head):
            features = dict(common, side_before=1.0, log_clause_words=math.log1p(head_words))
            speaker = subject if subject is not None else inverted
            found.append(
                Proposal(start, start, start + len(head), c_start, c_end, speaker, features)
            )
    return found


_PRONOUNS = frozenset("he she they we i it".split())
#: Verbs of saying in the bare form a command opens with ("Note:", "Say what you will").
_IMPERATIVES = frozenset("note say tell ask remember consider imagine".split())


def _not_reporting(text: str, start: int, c_start: int, c_end: int) -> bool:
    """The uses of a cue word the rules already know report nothing: the passive ("is said
    to be divided"), the infinitive ("refused to comment"), and a participle or a command
    opening the sentence ("Saying goodbye, the envoy left", "Note: …")."""
    if (
        passive_before(text, start, c_start)
        or text[max(start, c_start - 3) : c_start].lower() == "to "
    ):
        return True
    word = text[c_start:c_end].lower()
    opens = not text[start:c_start].strip()
    # "Note: the bundle includes …": a bare verb opening its sentence is a command
    return opens and (word.endswith("ing") or word in _IMPERATIVES)


def _has_marks(span: str) -> bool:
    """A clause with quotation marks in it is a quotation, the direct finder's to judge."""
    return any(ch in span for ch in ALL_MARKS if ch not in "'\u2019")


def _after_word(text: str, pos: int, end: int, count: int) -> int:
    """Offset after the ``count``-th word from ``pos``."""
    words = text[pos:end].split()
    offset = pos
    for word in words[:count]:
        offset = text.index(word, offset) + len(word)
    while offset < end and text[offset].isspace():
        offset += 1
    return offset


def find_learned(
    text: str, layout: Layout, resolver: SpeakerResolver, taken: Sequence[tuple[int, int]]
) -> list[Quote]:
    """Reported clauses the model proposes in sentences no quote overlaps."""
    model = None if _recorders else shipped_clause_model()
    if model is None and not _recorders:
        return []
    found: list[Quote] = []
    quoted = Covered(taken)
    for p_index in range(len(layout.paragraphs)):
        for s_start, s_end in layout.sentences(p_index):
            if quoted.overlaps(s_start, s_end):
                continue  # a quote overlaps the sentence
            candidates = proposals(text, layout, s_start, s_end, resolver)
            for sink in _recorders:
                sink.extend(candidates)
            if model is None or not candidates:
                continue
            scored = [(model.probability(p.features), p) for p in candidates]
            probability, best = max(scored, key=lambda item: item[0])
            if probability < model.threshold:
                continue
            speaker = resolver.resolve(*best.speaker) if best.speaker else Speaker(None, None, None)
            found.append(
                Quote(
                    kind="indirect",
                    text=" ".join(text[best.start : best.end].split()),
                    start_char=best.start,
                    end_char=best.end,
                    paragraph=p_index,
                    speaker=speaker.name,
                    speaker_mention=speaker.mention,
                    speaker_entity_key=speaker.entity_key,
                    cue=" ".join(text[best.cue_start : best.cue_end].split()),
                    confidence=0.5 if speaker.name else 0.4,
                )
            )
    return found
