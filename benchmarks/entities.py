"""Entity recognition measured against CoNLL++ dev: ``python -m benchmarks.entities``.

Exact-span, same-type matching for PER, ORG and LOC (GPE/LOC/FAC count as LOC);
MISC is scored apart against the spaCy labels closest to it. Gold stays in the shared
eval folder and is read in place.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from wiredesk.entities.conll import Document, eval_dir, read_documents
from wiredesk.entities.mention import Mention
from wiredesk.entities.recognise import find_mentions, load_pipeline

#: spaCy label -> CoNLL label for the scored types.
SCORED = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
#: Labels compared with CoNLL's MISC, reported but kept out of the micro average.
MISC_LIKE = {"NORP": "MISC", "EVENT": "MISC", "LANGUAGE": "MISC", "MISC": "MISC"}
TYPES = ("PER", "ORG", "LOC")


def score(docs: list[Document], predicted: list[set[tuple[int, int, str]]]) -> dict[str, Counter]:
    """True positives, predicted and gold counts per CoNLL type."""
    counts: dict[str, Counter] = {t: Counter() for t in (*TYPES, "MISC")}
    for doc, pred in zip(docs, predicted, strict=True):
        gold = set(doc.spans)
        for kind, bucket in counts.items():
            g = {s for s in gold if s[2] == kind}
            p = {s for s in pred if s[2] == kind}
            bucket["tp"] += len(g & p)
            bucket["gold"] += len(g)
            bucket["pred"] += len(p)
    return counts


def prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / c["pred"] if c["pred"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def raw_model(texts: list[str]) -> list[list[Mention]]:
    """The statistical model alone, without recasing or rules (the baseline)."""
    nlp = load_pipeline()
    return [
        [Mention(e.text, e.label_, e.start_char, e.end_char, e.text) for e in doc.ents]
        for doc in nlp.pipe(texts, batch_size=32)
    ]


def predict(docs: list[Document], raw: bool = False) -> list[set[tuple[int, int, str]]]:
    """Run the production entry point and map its labels onto CoNLL's."""
    labels = SCORED | MISC_LIKE
    out = []
    texts = [d.text for d in docs]
    for mentions in raw_model(texts) if raw else find_mentions(texts):
        out.append(
            {(m.start_char, m.end_char, labels[m.type]) for m in mentions if m.type in labels}
        )
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="conllpp_dev.txt", help="file under conllpp/")
    parser.add_argument("--raw", action="store_true", help="score the model without rules")
    args = parser.parse_args(argv)
    path = Path(eval_dir()) / "conllpp" / args.split
    docs = read_documents(path)

    find_mentions(["Warm-up sentence so model loading is not timed."])
    began = time.perf_counter()
    predicted = predict(docs, raw=args.raw)
    elapsed = time.perf_counter() - began

    counts = score(docs, predicted)
    micro = sum((counts[t] for t in TYPES), Counter())
    words = sum(d.word_count for d in docs)
    method = "model only" if args.raw else "find_mentions"
    print(f"CoNLL++ {args.split} ({method}): {len(docs)} documents, {words} words")
    print(f"{'type':<8}{'gold':>7}{'pred':>7}{'P':>8}{'R':>8}{'F1':>8}")
    for name, c in [*((t, counts[t]) for t in TYPES), ("micro", micro), ("MISC*", counts["MISC"])]:
        p, r, f = prf(c)
        print(f"{name:<8}{c['gold']:>7}{c['pred']:>7}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    print("MISC* = NORP/EVENT/LANGUAGE/MISC vs gold MISC, not in micro")
    print(f"speed: {len(docs) / elapsed:.1f} documents/s, {words / elapsed:.0f} words/s")


if __name__ == "__main__":
    main()
