"""Entities measured: ``python -m benchmarks.entities``.

1. CoNLL++ dev (``../shared/eval/conllpp``, or ``WIREDESK_EVAL_DIR``): exact-span, same-type
   matching for PER, ORG and LOC (GPE/LOC/FAC count as LOC), per type and micro-averaged;
   MISC is reported apart against NORP/EVENT/LANGUAGE/MISC. Three systems: the plain spaCy
   pipeline wiredesk started from (``en_core_web_sm``), the shipped model alone, and the
   whole recogniser (``find_mentions``).
2. The embedded sample (modern wire copy) against the hand-made key
   ``benchmarks/entities_sample_key.yaml``: recognition per type class, and
   canonicalisation precision/recall over pairs of mentions.
3. Speed of the entity stage in articles/s on the sample's articles.

``--lang de|ru|fr`` measures another language instead (see ``entities_languages``);
``--memory`` loads every language's recogniser and prints the peak memory; ``--realpages``
times the recogniser on the English text of the real pages (``benchmarks.realpages``), in
CPU seconds per 1,000 words, best of three passes in one process on one BLAS thread.
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from collections import Counter
from pathlib import Path

import pandas as pd

from benchmarks.entities_languages import print_language, print_memory
from benchmarks.entities_sample import (
    CLASSES,
    canonicalisation,
    gold_mentions,
    recognition,
    sample_articles,
)
from wiredesk.article_work import mention_rows
from wiredesk.entities import (
    BASE_MODEL,
    Document,
    Mention,
    Recogniser,
    Rules,
    entity_key,
    eval_dir,
    find_mentions,
    link_entities,
    read_documents,
)

#: spaCy label -> CoNLL label for the scored types.
SCORED = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
#: Labels compared with CoNLL's MISC, reported but kept out of the micro average.
MISC_LIKE = {"NORP": "MISC", "EVENT": "MISC", "LANGUAGE": "MISC", "MISC": "MISC"}
TYPES = ("PER", "ORG", "LOC")
NO_RULES = Rules(*([False] * 7))


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


def plain_model(texts: list[str]) -> list[list[Mention]]:
    """The spaCy pipeline wiredesk started from, alone: no recasing, no rules (the baseline)."""
    nlp = Recogniser(BASE_MODEL).nlp
    return [
        [Mention(e.text, e.label_, e.start_char, e.end_char, e.text) for e in doc.ents]
        for doc in nlp.pipe(texts, batch_size=32)
    ]


def shipped_model(texts: list[str]) -> list[list[Mention]]:
    """The shipped model with recasing and label mapping, without the rule layers."""
    return Recogniser(rules=NO_RULES).raw_mentions_batch(texts)


SYSTEMS = {"plain": plain_model, "model": shipped_model, "wiredesk": find_mentions}


def conll_labels(mentions: list[Mention]) -> set[tuple[int, int, str]]:
    labels = SCORED | MISC_LIKE
    return {(m.start_char, m.end_char, labels[m.type]) for m in mentions if m.type in labels}


def print_conll(path: Path) -> None:
    docs = read_documents(path)
    texts = [d.text for d in docs]
    counts = {
        name: score(docs, [conll_labels(m) for m in run(texts)]) for name, run in SYSTEMS.items()
    }
    words = sum(d.word_count for d in docs)
    print(f"CoNLL++ {path.name}: {len(docs)} documents, {words} words")
    print(f"plain = {BASE_MODEL} alone; model = shipped model alone; wiredesk = find_mentions")
    head = "".join(f"{n + ' ' + k:>13}" for n in SYSTEMS for k in ("F1",))
    print(f"{'type':<7}{'gold':>6}{head}{'wd P':>8}{'wd R':>8}")
    rows = [*TYPES, "micro", "MISC*"]
    for row in rows:
        cells = []
        for name in SYSTEMS:
            c = counts[name]
            bucket = (
                sum((c[t] for t in TYPES), Counter())
                if row == "micro"
                else c["MISC" if row == "MISC*" else row]
            )
            cells.append(bucket)
        f1s = "".join(f"{prf(c)[2]:>13.3f}" for c in cells)
        p, r, _ = prf(cells[-1])
        print(f"{row:<7}{cells[-1]['gold']:>6}{f1s}{p:>8.3f}{r:>8.3f}")
    print("MISC* = NORP/EVENT/LANGUAGE/MISC vs gold MISC, not in micro")


def naive_link(rows: pd.DataFrame) -> pd.DataFrame:
    """Baseline ids: one entity per exact (type, surface text), no resolution at all."""
    return pd.DataFrame({"entity_key": rows["entity_key"], "entity_id": rows["entity_key"]})


def stored_rows(articles: list[dict], found: list[list[Mention]]) -> pd.DataFrame:
    rows = []
    for article, mentions in zip(articles, found, strict=True):
        for row in mention_rows(article["article_id"], mentions):
            rows.append({**row, "day": article["day"]})
    return pd.DataFrame(rows)


def print_sample() -> None:
    # The key and the plain baseline are English: the sample's German and French copy (ALP)
    # is measured by --lang de / fr, never read with the English model.
    articles = [a for a in sample_articles() if (a.get("language") or "en") == "en"]
    texts = [a["text"] for a in articles]
    gold = gold_mentions(articles)
    print(f"\nSample (samples/): {len(articles)} articles, {len(gold)} key mentions")
    plain = plain_model(texts)
    began = time.perf_counter()
    found = find_mentions(texts)
    first_pass = time.perf_counter() - began
    ids = [a["article_id"] for a in articles]
    print(f"{'class':<7}{'gold':>6}{'plain F1':>10}{'wd P':>8}{'wd R':>8}{'wd F1':>8}")
    plain_counts = recognition(gold, dict(zip(ids, plain, strict=True)))
    wd_counts = recognition(gold, dict(zip(ids, found, strict=True)))
    for cls in CLASSES:
        p, r, f = prf(wd_counts[cls])
        print(
            f"{cls:<7}{wd_counts[cls]['gold']:>6}{prf(plain_counts[cls])[2]:>10.3f}"
            f"{p:>8.3f}{r:>8.3f}{f:>8.3f}"
        )

    rows = stored_rows(articles, found)
    began = time.perf_counter()
    _, aliases = link_entities(rows)
    link_time = time.perf_counter() - began
    plain_rows = stored_rows(articles, [[m for m in ms] for ms in plain])
    plain_rows["entity_key"] = [
        entity_key(t, x) for t, x in zip(plain_rows["type"], plain_rows["text"], strict=True)
    ]
    print("canonicalisation (pairs of key mentions sharing an entity id):")
    print(f"{'':<22}{'P':>8}{'R':>8}")
    for label, frame, mapping in (
        ("plain, exact names", plain_rows, naive_link(plain_rows)),
        ("wiredesk", rows, aliases),
    ):
        p, r, pairs, n = canonicalisation(gold, frame, mapping)
        print(f"{label:<22}{p:>8.3f}{r:>8.3f}")
    print(f"({pairs} same-entity pairs among {n} mentions of counted types)")

    words = [a["word_count"] for a in articles]
    repeats = 4
    began, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeats):
        find_mentions(texts)
    elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
    done = repeats * len(texts)
    print(
        f"\nspeed: entity stage {done / elapsed:.1f} articles/s wall, {done / cpu:.1f} per "
        f"CPU-second (one process; median {statistics.median(words):.0f} words; first pass "
        f"{len(texts) / first_pass:.1f}/s); linking {link_time * 1000:.0f} ms"
    )


def print_realpages_speed(passes: int = 3) -> None:
    """CPU seconds per 1,000 words of the recogniser on the real pages' English text."""
    from benchmarks.realpages import eval_pages
    from wiredesk.analyze import Document, extract_document
    from wiredesk.articles import ExtractionError
    from wiredesk.workers import one_blas_thread

    one_blas_thread()
    texts = []
    for page in eval_pages():
        try:
            extracted = extract_document(Document(page.html, page.url, force_html=True))
        except ExtractionError:
            continue
        if extracted.language == "en":
            texts.append(extracted.text)
    find_mentions(texts[:8])
    words = sum(len(text.split()) for text in texts)
    best = math.inf
    for _ in range(passes):
        started = time.process_time()
        find_mentions(texts)
        best = min(best, time.process_time() - started)
    print(
        f"recogniser on the real pages' English text: {len(texts)} texts, {words} words, "
        f"{best / words * 1000:.4f} CPU s per 1,000 words (best of {passes})"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="conllpp_dev.txt", help="file under conllpp/")
    parser.add_argument("--no-sample", action="store_true", help="skip the sample corpus")
    parser.add_argument("--lang", default="en", help="en (CoNLL++), de, ru or fr")
    parser.add_argument("--memory", action="store_true", help="peak memory, all languages")
    parser.add_argument("--realpages", action="store_true", help="speed on the real pages")
    args = parser.parse_args(argv)
    if args.memory:
        print_memory()
        return
    if args.realpages:
        print_realpages_speed()
        return
    if args.lang != "en":
        print_language(args.lang)
        return
    find_mentions(["Warm-up sentence so model loading is not timed."])
    print_conll(Path(eval_dir()) / "conllpp" / args.split)
    if not args.no_sample:
        print_sample()


if __name__ == "__main__":
    main()
