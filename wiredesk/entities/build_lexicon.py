"""Derive the shipped word lists from the CoNLL++ train split.

Run ``python -m wiredesk.entities.build_lexicon`` to rebuild ``data/``. Only counts and
name lists leave the corpus, never its sentences, and nothing is fetched at run time.

* ``casing.tsv``: words whose usual form is lower case or all capitals, so all-caps
  headlines can be recased before the statistical model reads them.
* ``non_names.txt``: capitalised words that were almost never part of a name ("Attendance",
  "Extras"), so a lone one of them found by the model is dropped.
* ``gazetteer.tsv``: names with how often each type was given to them and how often the
  same words appeared at all, so a name is added or relabelled only when it is reliable.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from wiredesk.entities.casing import is_shouting
from wiredesk.entities.conll import eval_dir, read_documents
from wiredesk.entities.lexicon import DATA_DIR

#: Longest name (in tokens) kept in the gazetteer.
MAX_NAME_TOKENS = 6


def casing_counts(path: Path) -> dict[str, Counter]:
    """Per lower-cased word, how often it is written lower, Title or UPPER mid-sentence."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for doc in read_documents(path):
        for line in doc.text.split("\n"):
            if is_shouting(line):
                continue
            for word in line.split(" ")[1:]:
                if not word.isalpha():
                    continue
                if word.islower():
                    form = "l"
                elif word.isupper() and len(word) > 1:
                    form = "u"
                elif word[0].isupper():
                    form = "t"
                else:
                    continue
                counts[word.lower()][form] += 1
    return counts


def gazetteer_counts(path: Path) -> tuple[dict[str, Counter], Counter]:
    """Type counts per name, and how often each name's words occur anywhere."""
    types: dict[str, Counter] = defaultdict(Counter)
    for doc in read_documents(path):
        for start, end, kind in doc.spans:
            types[doc.text[start:end]][kind] += 1
    seen: Counter = Counter()
    for doc in read_documents(path):
        for line in doc.text.split("\n"):
            words = line.split(" ")
            for i in range(len(words)):
                for n in range(1, MAX_NAME_TOKENS + 1):
                    phrase = " ".join(words[i : i + n])
                    if phrase in types:
                        seen[phrase] += 1
    return types, seen


def non_name_counts(path: Path) -> tuple[Counter, Counter]:
    """Per capitalised word as written: occurrences, and occurrences inside a name."""
    total: Counter = Counter()
    named: Counter = Counter()
    for doc in read_documents(path):
        inside = {i for s, e, _ in doc.spans for i in range(s, e)}
        for start, _end, token, _tag in doc.tokens:
            if token[:1].isupper() and token.isalpha():
                total[token] += 1
                named[token] += start in inside
    return total, named


def write_non_names(
    total: Counter, named: Counter, out: Path, min_count: int = 3, max_share: float = 0.05
) -> int:
    rows = sorted(w for w, n in total.items() if n >= min_count and named[w] / n <= max_share)
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def write_casing(counts: dict[str, Counter], out: Path, min_count: int = 2) -> int:
    rows = []
    for word, forms in sorted(counts.items()):
        total = sum(forms.values())
        form, top = forms.most_common(1)[0]
        if total >= min_count and form != "t" and top / total >= 0.6:
            rows.append(f"{word}\t{form}")
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def write_gazetteer(types: dict[str, Counter], seen: Counter, out: Path, min_count: int = 2) -> int:
    rows = []
    for name, kinds in sorted(types.items()):
        total = sum(kinds.values())
        if total < min_count or len(name.split(" ")) > MAX_NAME_TOKENS:
            continue
        cells = ",".join(f"{k}:{kinds[k]}" for k in sorted(kinds))
        rows.append(f"{name}\t{max(seen[name], total)}\t{cells}")
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Rebuild the entity word lists.")
    parser.add_argument("--train", type=Path, default=eval_dir() / "conllpp" / "conllpp_train.txt")
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    n_casing = write_casing(casing_counts(args.train), args.out / "casing.tsv")
    n_names = write_gazetteer(*gazetteer_counts(args.train), args.out / "gazetteer.tsv")
    n_non = write_non_names(*non_name_counts(args.train), args.out / "non_names.txt")
    print(f"casing.tsv: {n_casing} words; gazetteer.tsv: {n_names} names; non_names.txt: {n_non}")


if __name__ == "__main__":
    main()
