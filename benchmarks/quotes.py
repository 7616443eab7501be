"""Score the quotation finder against the PolNeAR attribution gold set.

Run ``python -m benchmarks.quotes [--split dev|train|both] [--errors N]``; with ``--lang de``
it scores German quotations on quotes-de instead (``benchmarks.quotes_de``). The gold data is read
from ``../shared/eval`` next to the repository (or the ``models.eval_dir`` setting) and never
copied.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from wiredesk.quotes import Quote, find_quotes, source_surname
from wiredesk.settings import current_settings

REPO_ROOT = Path(__file__).resolve().parents[1]
DOUBLE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
#: Speech verbs that make a gold relation count as indirect speech.
SPEECH_CUE = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|add|adds|added|according\s+to|argue[sd]?|"
    r"note[sd]?|explain(?:ed|s)?|state[sd]?|claim(?:ed|s)?|insist(?:ed|s)?|warn(?:ed|s)?|"
    r"stress(?:ed|es)?|assert(?:ed|s)?|declare[sd]?|announce[sd]?|repl(?:y|ied|ies)|"
    r"respond(?:ed|s)?|ask(?:ed|s)?|wr(?:ote|ites?|itten)|tweet(?:ed|s)?|suggest(?:ed|s)?|"
    r"acknowledge[sd]?|admit(?:ted|s)?|contend(?:ed|s)?|emphasi[sz]e[sd]?|predict(?:ed|s)?|"
    r"promise[sd]?|vow(?:ed|s)?|confirm(?:ed|s)?|den(?:y|ied|ies)|maintain(?:ed|s)?|"
    r"recall(?:ed|s)?|remark(?:ed|s)?|report(?:ed|s)?|comment(?:ed|s)?|testif(?:y|ied|ies)|"
    r"complain(?:ed|s)?|observe[sd]?|point(?:ed|s)?\s+out|conclude[sd]?|allege[sd]?|"
    r"reiterate[sd]?|concede[sd]?|continue[sd]?|insist(?:ed|s)?)\b",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset(
    """the a an he she i we they it his her their this that these those my our its you
    one some many most several according both all other another each""".split()
)

Span = list[tuple[int, int]]


@dataclass
class GoldQuote:
    kind: str  # "quote" (direct/partial) or "indirect"
    content: Span
    source: str | None
    cue: str


@dataclass
class Doc:
    name: str
    text: str
    gold: list[GoldQuote] = field(default_factory=list)


def eval_dir() -> Path:
    configured = current_settings().models.eval_dir
    return Path(configured) if configured else REPO_ROOT.parent / "shared" / "eval"


def has_quote_mark(text: str) -> bool:
    """Double marks anywhere (also typewriter ''), or a single mark opening a word."""
    if any(ch in text for ch in DOUBLE_MARKS) or "\u2018" in text or "''" in text:
        return True
    return bool(re.search(r"(?:^|\s)['\u2019][A-Za-z]", text))


def _spans(raw: str) -> Span:
    return [(int(a), int(b)) for a, b in (part.split() for part in raw.split(";"))]


def read_ann(path: Path, text: str) -> list[GoldQuote]:
    spans: dict[str, tuple[str, Span]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and line.count("\t") >= 1:
            ident, middle = line.split("\t", 2)[:2]
            label, raw = middle.split(" ", 1)
            spans[ident] = (label, _spans(raw))
        elif line.startswith("E") and "\t" in line:
            roles = dict(part.split(":", 1) for part in line.split("\t")[1].split())
            relations.append(roles)
    gold: list[GoldQuote] = []
    for roles in relations:
        if "Content" not in roles or roles["Content"] not in spans:
            continue
        content = spans[roles["Content"]][1]
        content_text = " ".join(text[s:e] for s, e in content)
        cue = " ".join(text[s:e] for s, e in spans.get(roles.get("Cue", ""), ("", []))[1])
        source_spans = spans.get(roles.get("Source", ""), ("", []))[1]
        source = " ".join(text[s:e] for s, e in source_spans) or None
        if has_quote_mark(content_text):
            gold.append(GoldQuote("quote", content, source, cue))
        elif SPEECH_CUE.search(cue):
            gold.append(GoldQuote("indirect", content, source, cue))
    return gold


def load_split(split: str) -> list[Doc]:
    root = eval_dir() / "polnear" / split
    anns: dict[str, Path] = {}
    for path in sorted((root / "attributions").glob("*.ann")):
        doc_name = path.stem.rsplit("_", 1)[0]
        anns.setdefault(doc_name, path)  # one annotator per document: the first by id
    docs = []
    for doc_name, ann in sorted(anns.items()):
        text_path = root / "text" / f"{doc_name}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        docs.append(Doc(doc_name, text, read_ann(ann, text)))
    return docs


def overlap(pred: tuple[int, int], gold: Span) -> tuple[int, int]:
    """(overlapping characters, length of the shorter span)."""
    covered = sum(max(0, min(pred[1], e) - max(pred[0], s)) for s, e in gold)
    gold_len = sum(e - s for s, e in gold)
    return covered, min(pred[1] - pred[0], gold_len)


def match(preds: Sequence[Quote], golds: Sequence[GoldQuote]) -> list[tuple[int, int]]:
    """One-to-one matches (pred index, gold index), largest overlaps first."""
    pairs = []
    for i, pred in enumerate(preds):
        for j, gold in enumerate(golds):
            covered, shorter = overlap((pred.start_char, pred.end_char), gold.content)
            if shorter > 0 and covered >= shorter / 2:
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


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


#: Prepositions are function words when a mention is compared with a source's words.
_PREPOSITIONS = frozenset("of at for from in with on by to like about".split())


#: Kinds of mistake, in the order the benchmark prints them: the speaker of a matched quote
#: (another person or phrase chosen, none at all, or the right place with the wrong extent),
#: then quotes the gold has and we do not, and quotes we found that the gold does not have.
ERROR_KINDS = ("wrong candidate", "no candidate", "bad mention", "missed quote", "extra quote")
_FUNCTION_WORDS = _NOT_NAMES | _PREPOSITIONS | {"and", "or", "who", "which", "s"}


def _content_words(phrase: str) -> set[str]:
    return {w for w in _norm(phrase).split() if w not in _FUNCTION_WORDS} or set(
        _norm(phrase).split()
    )


def speaker_error(pred: Quote, source: str) -> str | None:
    """Why the speaker of a matched quote is wrong, or None when it is right.

    "bad mention" means the mention shares a word with the gold source (it points at the
    right phrase but takes too much or too little of it, a clause rather than a noun
    phrase); "wrong candidate" that it points at someone or something else.
    """
    if speaker_correct(pred, source):
        return None
    if not pred.speaker and not pred.speaker_mention:
        return "no candidate"
    if pred.speaker_mention and _content_words(pred.speaker_mention) & _content_words(source):
        return "bad mention"
    return "wrong candidate"


def speaker_correct(pred: Quote, source: str) -> bool:
    surname = source_surname(source)  # the gold read as the chooser is trained to
    if surname is not None:
        return bool(pred.speaker) and surname.lower() in pred.speaker.lower()
    return bool(pred.speaker_mention) and _norm(pred.speaker_mention) == _norm(source)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


#: The naive baseline: every stretch from one double mark to the next, in one paragraph.
_NAIVE_SPAN = re.compile(
    "(?:''|[\"\u201c\u201d\u201e\u00ab\u00bb])[^\"\u201c\u201d\u201e\u00ab\u00bb\n]*?(?:''|[\"\u201c\u201d\u00bb])"
)


def naive_quotes(text: str) -> list[Quote]:
    """Every span between double quotation marks, with no speaker: what a regex gives."""
    return [
        Quote("direct", m.group()[1:-1], m.start(), m.end(), 0, None, None, None, None, 0.5)
        for m in _NAIVE_SPAN.finditer(text)
        if m.end() - m.start() > 2
    ]


@dataclass
class Scores:
    quoted: Tally = field(default_factory=Tally)
    indirect: Tally = field(default_factory=Tally)
    speaker_ok: int = 0
    speaker_total: int = 0
    #: (gold kind, error kind) -> count; gold kind is "quote" or "indirect".
    errors: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: (confidence, speaker right) of every matched direct/partial quote with a gold source.
    judged: list[tuple[float, bool]] = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.speaker_total if self.speaker_total else 0.0


def score(docs: Sequence[Doc], predictions: Sequence[Sequence[Quote]], errors: int = 0) -> Scores:
    """Match predictions to gold as ../shared/eval/README.md describes; print up to
    ``errors`` examples of each kind of mistake."""
    scores = Scores()
    shown = {"fp": 0, "fn": 0, "spk": 0, "ifp": 0, "ifn": 0}
    for doc, preds in zip(docs, predictions, strict=True):
        for kind, tally, pred_kinds in (
            ("quote", scores.quoted, ("direct", "partial")),
            ("indirect", scores.indirect, ("indirect",)),
        ):
            p = [q for q in preds if q.kind in pred_kinds]
            g = [x for x in doc.gold if x.kind == kind]
            pairs = match(p, g)
            tally.tp += len(pairs)
            tally.fp += len(p) - len(pairs)
            tally.fn += len(g) - len(pairs)
            scores.errors[kind, "extra quote"] += len(p) - len(pairs)
            scores.errors[kind, "missed quote"] += len(g) - len(pairs)
            matched_p = {i for i, _ in pairs}
            matched_g = {j for _, j in pairs}
            tag = "" if kind == "quote" else "i"
            for i, q in enumerate(p):
                if i not in matched_p and shown[tag + "fp"] < errors:
                    shown[tag + "fp"] += 1
                    print(f"{tag.upper()}FP {doc.name}: {doc.text[q.start_char : q.end_char]!r}")
            for j, x in enumerate(g):
                if j not in matched_g and shown[tag + "fn"] < errors:
                    shown[tag + "fn"] += 1
                    words = " | ".join(doc.text[s:e] for s, e in x.content)
                    print(f"{tag.upper()}FN {doc.name}: cue={x.cue!r} {words[:200]!r}")
            if kind != "quote":
                continue
            for i, j in pairs:
                source = g[j].source
                if not source:
                    continue
                scores.speaker_total += 1
                mistake = speaker_error(p[i], source)
                scores.judged.append((p[i].confidence, mistake is None))
                if mistake is None:
                    scores.speaker_ok += 1
                    continue
                scores.errors[kind, mistake] += 1
                if shown["spk"] < errors:
                    shown["spk"] += 1
                    print(
                        f"SPK {doc.name} ({mistake}): gold={source!r} pred={p[i].speaker!r}"
                        f"/{p[i].speaker_mention!r} cue={p[i].cue!r}"
                    )
    return scores


#: Passes over the split timed for the quote stage's speed; the fastest is reported.
SPEED_PASSES = 10


def run(split: str, errors: int) -> None:
    docs = load_split(split)
    if not docs:
        sys.exit(f"no documents under {eval_dir() / 'polnear' / split}")
    from wiredesk.entities import find_mentions

    t0 = time.perf_counter()
    all_mentions = find_mentions([d.text for d in docs])
    t_ner = time.perf_counter() - t0
    # Speed per core: processor time of this single-threaded stage, so that other work on
    # the machine does not count against it (wall time is printed too); best of ten passes
    # over the split (three varied by a fifth on a shared host), the first of which also pays
    # for compiling patterns.
    t_quotes = t_wall = float("inf")
    for _ in range(SPEED_PASSES):
        c0, w0 = time.process_time(), time.perf_counter()
        predictions = [find_quotes(d.text, m) for d, m in zip(docs, all_mentions, strict=True)]
        t_quotes = min(t_quotes, time.process_time() - c0)
        t_wall = min(t_wall, time.perf_counter() - w0)
    ours = score(docs, predictions, errors)
    naive = score(docs, [naive_quotes(d.text) for d in docs])

    n = len(docs)
    print(f"\nPolNeAR {split}: {n} documents (one annotator each)\n")
    print(f"{'':<16}{'':<9}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}")
    rows = [
        ("direct+partial", "naive", naive.quoted),
        ("direct+partial", "wiredesk", ours.quoted),
        ("indirect", "wiredesk", ours.indirect),
    ]
    for label, system, tally in rows:
        p, r, f = tally.prf()
        gold_n, pred_n = tally.tp + tally.fn, tally.tp + tally.fp
        print(f"{label:<16}{system:<9}{gold_n:>6}{pred_n:>6}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    print(
        f"{'speaker acc.':<16}{'naive':<9}{naive.speaker_total:>6}{'':>6}"
        f"{naive.speaker_accuracy:>8.3f}   (no speakers)"
    )
    print(
        f"{'speaker acc.':<16}{'wiredesk':<9}{ours.speaker_total:>6}{'':>6}"
        f"{ours.speaker_accuracy:>8.3f}   (matched direct+partial)"
    )
    print(
        f"{'articles/s':<16}{'wiredesk':<9}{n / t_quotes:>12.1f}   quote stage, per core "
        f"({n / t_wall:.1f} wall clock; {n / (t_wall + t_ner):.1f} with entity recognition)"
    )
    print_errors(ours)
    print_reliability(ours)


#: Lower edges of the confidence bins of the reliability table.
CONFIDENCE_BINS = (0.0, 0.5, 0.7, 0.8, 0.9)


def reliability(judged: Sequence[tuple[float, bool]]) -> list[tuple[float, int, float]]:
    """(lower edge, quotes, share with the right speaker) per confidence bin, so one can
    see whether filtering on ``quotes.confidence`` keeps the right speakers."""
    rows = []
    edges = (*CONFIDENCE_BINS, float("inf"))
    for low, high in zip(edges, edges[1:], strict=False):
        inside = [ok for confidence, ok in judged if low <= confidence < high]
        rows.append((low, len(inside), sum(inside) / len(inside) if inside else 0.0))
    return rows


def print_reliability(scores: Scores) -> None:
    print(f"\n{'confidence':<18}{'quotes':>8}{'speaker right':>15}")
    edges = (*CONFIDENCE_BINS, 1.0)
    for (low, count, share), high in zip(reliability(scores.judged), edges[1:], strict=True):
        label = f">= {low:.1f}" if low == CONFIDENCE_BINS[-1] else f"{low:.1f} - {high:.1f}"
        print(f"{label:<18}{count:>8}{share:>15.3f}")


def print_errors(scores: Scores) -> None:
    """The mistakes by kind, so the next thing to fix is visible."""
    print(f"\n{'errors':<18}{'direct+partial':>16}{'indirect':>10}")
    for kind in ERROR_KINDS:
        quoted, indirect = scores.errors[("quote", kind)], scores.errors[("indirect", kind)]
        speaker_only = kind in ERROR_KINDS[:3]
        print(f"{kind:<18}{quoted:>16}{'' if speaker_only else indirect:>10}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=("train", "dev", "both"), default="dev")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    parser.add_argument(
        "--lang", choices=("en", "de"), default="en", help="en: PolNeAR; de: quotes-de"
    )
    args = parser.parse_args(argv)
    if args.lang == "de":
        from benchmarks import quotes_de

        quotes_de.run(eval_dir() / "quotes-de" / ("dev" if args.split == "both" else args.split))
        return
    for split in ("dev", "train") if args.split == "both" else (args.split,):
        run(split, args.errors)


if __name__ == "__main__":
    main()
