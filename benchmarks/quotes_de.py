"""German quotations scored on quotes-de (German Wikinews with quotation attribution).

Run through ``python -m benchmarks.quotes --lang de [--split dev]``. The set is read from
``quotes-de/`` under the gold folder and never copied; it is CC BY-NC-SA and for measuring
only: nothing that ships is fitted or tuned on it. Scored as ``../shared/eval/README.md``
describes: direct and partial predictions against ``Direct`` gold, indirect against every
other type, one-to-one matches covering half the shorter span, and speaker accuracy by the
gold speaker's head word.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from wiredesk.quotes import Quote, find_quotes

Span = tuple[int, int]


@dataclass
class GoldQuote:
    kind: str  # "direct" or "indirect"
    span: Span
    speaker: str | None


@dataclass
class Doc:
    name: str
    text: str
    gold: list[GoldQuote] = field(default_factory=list)


def load(root: Path) -> list[Doc]:
    docs = []
    for path in sorted(root.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        text = record["originalText"]
        gold = []
        for ann in record.get("annotations", []):
            spans = ann.get("quote", {}).get("spans") or []
            if not spans:
                continue
            start = min(s["charBegin"] for s in spans)
            end = max(s["charEnd"] for s in spans)
            kind = "direct" if ann.get("type") == "Direct" else "indirect"
            speaker = (ann.get("speaker") or {}).get("text") or None
            gold.append(GoldQuote(kind, (start, end), speaker))
        docs.append(Doc(path.stem, text, gold))
    return docs


#: Where a speaker's head word ends: a bracket, a comma, a genitive or a preposition.
_HEAD_CUT = re.compile(
    r"\s*(?:[(,]|\b(?:des|der|von|vom|beim|bei|im|in|aus|für|zur|zum|am|an|auf|mit|nach|"
    r"über|unter|gegen|vor|seit|zu)\b)"
)
_SOURCE_NOUNS = frozenset("angaben angabe aussage aussagen informationen mitteilung".split())


def gold_heads(speaker: str) -> set[str]:
    """The head words that count for a gold speaker (see the README of the gold folder)."""
    heads = set()
    parts = [speaker]
    if "," in speaker:  # "A, B": the head of B counts too
        parts.append(speaker.split(",", 1)[1])
    for part in parts:
        found = _head(part)
        if found is None:
            continue
        head, rest = found
        heads.add(head)
        if head in _SOURCE_NOUNS and rest:  # "Angaben der Polizei": Polizei counts too
            complement = _head(rest)
            if complement is not None:
                heads.add(complement[0])
    return {h for h in heads if h}


def _head(part: str) -> tuple[str, str] | None:
    """The head word of a phrase (the last word before a bracket, comma, genitive or
    prepositional phrase), lower case, and what follows that cut."""
    words = part.split()
    if not words:
        return None
    # A cut after the first word: a leading article ("der Sprecher …") is no genitive.
    lead = re.match(r"\s*\S+", part)
    cut = _HEAD_CUT.search(part, lead.end() if lead else 0)
    head_part = part[: cut.start()] if cut and cut.start() > 0 else part
    head_words = head_part.split() or words
    head = head_words[-1].strip(".,;:()\"'„“«»")
    if head.lower().endswith("s") and head.endswith(("'s", "’s")):
        head = head[:-2]
    return head.lower(), (part[cut.end() :] if cut is not None else "")


def _stem(word: str) -> str:
    return word.lower()


def speaker_correct(pred: Quote, speaker: str) -> bool:
    """A gold head word appears as a word of the predicted speaker or mention, ignoring
    case and up to two letters of inflection at the end."""
    said = f"{pred.speaker or ''} {pred.speaker_mention or ''}".lower()
    # A hyphenated name or compound is a word, and so is each of its parts; so is a name
    # with an apostrophe ("O’Leary"), as the gold's head word keeps it.
    words = re.findall(r"\w+(?:[-'\u2019]\w+)*", said) + re.findall(r"\w+", said)
    for head in gold_heads(speaker):
        for word in words:
            shorter, longer = sorted((head, word), key=len)
            if longer.startswith(shorter) and len(longer) - len(shorter) <= 2 and shorter:
                return True
    return False


def match(preds: Sequence[Quote], golds: Sequence[GoldQuote]) -> list[tuple[int, int]]:
    pairs = []
    for i, pred in enumerate(preds):
        for j, gold in enumerate(golds):
            covered = max(0, min(pred.end_char, gold.span[1]) - max(pred.start_char, gold.span[0]))
            shorter = min(pred.end_char - pred.start_char, gold.span[1] - gold.span[0])
            if shorter > 0 and covered * 2 >= shorter:
                pairs.append((covered, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Scores:
    direct: Tally = field(default_factory=Tally)
    indirect: Tally = field(default_factory=Tally)
    speaker_ok: int = 0
    speaker_total: int = 0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.speaker_total if self.speaker_total else 0.0


def score(docs: Sequence[Doc], predictions: Sequence[Sequence[Quote]]) -> Scores:
    scores = Scores()
    for doc, preds in zip(docs, predictions, strict=True):
        for kind, tally, kinds in (
            ("direct", scores.direct, ("direct", "partial")),
            ("indirect", scores.indirect, ("indirect",)),
        ):
            p = [q for q in preds if q.kind in kinds]
            g = [x for x in doc.gold if x.kind == kind]
            pairs = match(p, g)
            tally.tp += len(pairs)
            tally.fp += len(p) - len(pairs)
            tally.fn += len(g) - len(pairs)
            for i, j in pairs:
                if g[j].speaker:
                    scores.speaker_total += 1
                    scores.speaker_ok += speaker_correct(p[i], g[j].speaker)
    return scores


_NAIVE = re.compile(
    r"[\u201e\u00bb\u00ab\"\u201c][^\u201e\u201c\u201d\u00bb\u00ab\"\n]{1,1000}?[\u201c\u201d\u00ab\u00bb\"]"
)


def naive_quotes(text: str) -> list[Quote]:
    """Every stretch between two double quotation marks in one line, no speaker."""
    return [
        Quote("direct", m.group()[1:-1], m.start(), m.end(), 0, None, None, None, None, 0.5)
        for m in _NAIVE.finditer(text)
    ]


def run(root: Path) -> None:
    docs = load(root)
    if not docs:
        sys.exit(f"no documents under {root}")
    from wiredesk.entities import find_mentions

    mentions = find_mentions([d.text for d in docs], "de")  # as the pipeline reads German
    c0, w0 = time.process_time(), time.perf_counter()
    ours = [find_quotes(d.text, m, "de") for d, m in zip(docs, mentions, strict=True)]
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    english = [find_quotes(d.text, m, "en") for d, m in zip(docs, mentions, strict=True)]
    rows = [
        ("naive marks", score(docs, [naive_quotes(d.text) for d in docs])),
        ("English rules", score(docs, english)),
        ("wiredesk de", score(docs, ours)),
    ]
    print(f"\nquotes-de {root.name}: {len(docs)} documents\n")
    print(
        f"{'':<15}{'direct P':>9}{'R':>7}{'F1':>7}{'indir. P':>10}{'R':>7}{'F1':>7}{'speaker':>9}"
    )
    for label, s in rows:
        dp, dr, df = s.direct.prf()
        ip, ir, i_f = s.indirect.prf()
        print(
            f"{label:<15}{dp:>9.3f}{dr:>7.3f}{df:>7.3f}{ip:>10.3f}{ir:>7.3f}{i_f:>7.3f}"
            f"{s.speaker_accuracy:>9.3f}"
        )
    gold_d = sum(1 for d in docs for g in d.gold if g.kind == "direct")
    gold_i = sum(1 for d in docs for g in d.gold if g.kind == "indirect")
    print(f"\ngold: {gold_d} direct, {gold_i} indirect; speaker accuracy on matched quotes of")
    print("either kind whose gold names a speaker. Mentions: the German recogniser.")
    print(
        f"quote stage: {cpu / len(docs) * 1000:.1f} ms CPU per article ({wall:.2f} s wall in all)"
    )
