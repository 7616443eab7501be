"""Score the quotation finder against the PolNeAR attribution gold set.

Run ``python -m benchmarks.quotes [--split train|dev] [--errors N]``. The gold data is read
from ``../shared/eval`` next to the repository (or ``WIREDESK_EVAL_DIR``) and never copied.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from wiredesk.quotes import Quote, find_quotes

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
    return Path(os.environ.get("WIREDESK_EVAL_DIR", REPO_ROOT.parent / "shared" / "eval"))


def has_quote_mark(text: str) -> bool:
    """Double marks anywhere, or a single mark opening a word (not an apostrophe)."""
    if any(ch in text for ch in DOUBLE_MARKS) or "\u2018" in text:
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


def speaker_correct(pred: Quote, source: str) -> bool:
    words = [w.strip(".,;:'\u2019\"()") for w in source.split()]
    names = [w for w in words if w[:1].isupper() and w.lower() not in _NOT_NAMES]
    if names:
        surname = re.sub(r"['\u2019]s$", "", names[-1])
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


def run(split: str, errors: int) -> None:
    docs = load_split(split)
    if not docs:
        sys.exit(f"no documents under {eval_dir() / 'polnear' / split}")
    from wiredesk.entities.recognise import find_mentions

    t0 = time.perf_counter()
    all_mentions = find_mentions([d.text for d in docs])
    t_ner = time.perf_counter() - t0
    t0 = time.perf_counter()
    predictions = [find_quotes(d.text, m) for d, m in zip(docs, all_mentions, strict=True)]
    t_quotes = time.perf_counter() - t0

    direct, indirect = Tally(), Tally()
    spk_ok = spk_total = 0
    shown = {"fp": 0, "fn": 0, "spk": 0, "ifp": 0, "ifn": 0}
    for doc, preds in zip(docs, predictions, strict=True):
        for kind, tally, pred_kinds in (
            ("quote", direct, ("direct", "partial")),
            ("indirect", indirect, ("indirect",)),
        ):
            p = [q for q in preds if q.kind in pred_kinds]
            g = [x for x in doc.gold if x.kind == kind]
            pairs = match(p, g)
            tally.tp += len(pairs)
            tally.fp += len(p) - len(pairs)
            tally.fn += len(g) - len(pairs)
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
                spk_total += 1
                if speaker_correct(p[i], source):
                    spk_ok += 1
                elif shown["spk"] < errors:
                    shown["spk"] += 1
                    print(
                        f"SPK {doc.name}: gold={source!r} pred={p[i].speaker!r}"
                        f"/{p[i].speaker_mention!r} cue={p[i].cue!r}"
                    )

    n = len(docs)
    print(f"\nPolNeAR {split}: {n} documents (one annotator each)\n")
    print(f"{'kind':<16}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for label, tally in (("direct+partial", direct), ("indirect", indirect)):
        p, r, f = tally.prf()
        gold_n, pred_n = tally.tp + tally.fn, tally.tp + tally.fp
        print(f"{label:<16}{gold_n:>6}{pred_n:>6}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    accuracy = spk_ok / spk_total if spk_total else 0.0
    print(f"{'speaker acc.':<16}{spk_total:>6}{'':>6}{accuracy:>8.3f}   (matched direct+partial)")
    print(
        f"{'articles/s':<16}{n / t_quotes:>12.1f}   quote finding "
        f"({n / (t_quotes + t_ner):.1f} with entity recognition)"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    args = parser.parse_args(argv)
    run(args.split, args.errors)


if __name__ == "__main__":
    main()
