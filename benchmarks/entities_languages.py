"""Entities in German, Russian and French: ``python -m benchmarks.entities --lang de|ru|fr``.

German: the GermEval 2014 sentences held back from training (every tenth, see
``wiredesk.entities.germeval``); Russian: the factRuEval-2016 documents held back (every
fifth); French: our own stories in ``entities_fr_key.txt``, names marked ``[name](TYPE)``.
Scored as ``../shared/eval/README.md`` says: exact character span and same type, PER, ORG
and LOC micro-averaged (PERSON -> PER, GPE/LOC/FAC -> LOC); MISC reported apart.
"""

from __future__ import annotations

import os
import re
import resource
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from wiredesk.entities import (
    Document,
    Mention,
    Recogniser,
    eval_dir,
    factrueval_split,
    find_mentions,
    germeval_split,
    recognised_languages,
)

FRENCH_KEY = Path(__file__).resolve().parent / "entities_fr_key.txt"
TYPES = ("PER", "ORG", "LOC")
SCORED = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "MISC": "MISC"}
SCORED["NORP"] = "MISC"
_MARK = re.compile(r"\[([^\]]+)\]\((PER|ORG|LOC|MISC)\)")


def read_marked(path: Path) -> list[Document]:
    """Stories separated by ``---`` lines, each name written ``[name](TYPE)``."""
    docs = []
    for block in re.split(r"^---$", path.read_text(encoding="utf-8"), flags=re.MULTILINE):
        block = block.strip()
        if not block or block.startswith("#"):
            continue
        doc, pieces, offset, last = Document(text=""), [], 0, 0
        for match in _MARK.finditer(block):
            pieces.append(block[last : match.start()])
            offset += match.start() - last
            name = match.group(1)
            doc.spans.append((offset, offset + len(name), match.group(2)))
            pieces.append(name)
            offset += len(name)
            last = match.end()
        pieces.append(block[last:])
        doc.text = "".join(pieces)
        docs.append(doc)
    return docs


def gold(lang: str) -> tuple[str, list[Document]]:
    """The gold documents for a language and what they are."""
    if lang == "de":
        docs = germeval_split(eval_dir() / "germeval")["held_back"]
        return "GermEval 2014, held-back sentences (index % 10 == 0)", docs
    if lang == "ru":
        docs = factrueval_split(eval_dir() / "factrueval")["held_back"]
        return "factRuEval-2016, held-back documents (index % 5 == 0)", docs
    if lang == "fr":
        return f"our French stories ({FRENCH_KEY.name})", read_marked(FRENCH_KEY)
    raise SystemExit(f"--lang {lang!r}: no gold set (choose en, de, ru or fr)")


def labelled(mentions: list[Mention]) -> set[tuple[int, int, str]]:
    return {(m.start_char, m.end_char, SCORED[m.type]) for m in mentions if m.type in SCORED}


def score(docs: list[Document], found: list[list[Mention]]) -> dict[str, Counter]:
    """True positives, predictions and gold per type; nested gold spans all count."""
    counts = {t: Counter() for t in (*TYPES, "MISC")}
    for doc, mentions in zip(docs, found, strict=True):
        predicted = labelled(mentions)
        for kind, bucket in counts.items():
            g = {s for s in doc.spans if s[2] == kind}
            p = {s for s in predicted if s[2] == kind}
            bucket.update(tp=len(g & p), gold=len(g), pred=len(p))
    counts["micro"] = sum((counts[t] for t in TYPES), Counter())
    return counts


def prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / c["pred"] if c["pred"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cpu_seconds() -> float:
    """CPU time of this process and of the child processes it has waited for: a batch of
    200 texts or more is recognised in processes of its own (``ner_processes``)."""
    spent = os.times()
    return spent.user + spent.system + spent.children_user + spent.children_system


def timed(run: Callable[[], list[list[Mention]]]) -> tuple[list[list[Mention]], float]:
    began = cpu_seconds()
    result = run()
    return result, cpu_seconds() - began


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def print_language(lang: str) -> None:
    what, docs = gold(lang)
    texts = [d.text for d in docs]
    before = peak_rss_mb()
    find_mentions(["Warm-up."], language=lang)
    loaded = peak_rss_mb()
    model_only = Recogniser(language=lang)
    raw, _ = timed(lambda: model_only.raw_mentions_batch(texts))
    found, cpu = timed(lambda: find_mentions(texts, language=lang))
    words = sum(len(t.split()) for t in texts)
    counts = {"model": score(docs, raw), "wiredesk": score(docs, found)}
    print(f"{lang}: {what}: {len(docs)} documents, {words} words")
    print(f"{'type':<7}{'gold':>6}{'model F1':>10}{'wd P':>8}{'wd R':>8}{'wd F1':>8}")
    for row in (*TYPES, "micro", "MISC"):
        wd = counts["wiredesk"][row]
        p, r, f = prf(wd)
        print(
            f"{row:<7}{wd['gold']:>6}{prf(counts['model'][row])[2]:>10.3f}{p:>8.3f}{r:>8.3f}{f:>8.3f}"
        )
    print("model = the language's model alone; wd = find_mentions(language=...); MISC not in micro")
    print(
        f"speed: {cpu / words * 1000:.3f} CPU-seconds per 1,000 words "
        f"({words / cpu:.0f} words per CPU-second, its recognition processes included); model "
        f"loaded in "
        f"{max(0.0, loaded - before):.0f} MB more peak memory"
    )


def print_memory() -> None:
    """Peak memory with every language's recogniser loaded in one process."""
    start = peak_rss_mb()
    for lang in sorted(recognised_languages()):
        find_mentions(["Warm-up."], language=lang)
        print(f"after loading {lang}: peak RSS {peak_rss_mb():.0f} MB")
    print(
        f"all {len(recognised_languages())} loaded: peak RSS {peak_rss_mb():.0f} MB "
        f"(process started at {start:.0f} MB)"
    )
