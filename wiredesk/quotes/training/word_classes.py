"""Rebuild ``wiredesk/quotes/word_classes.json`` from the part-of-speech tags of CoNLL++ train.

Run ``python -m wiredesk.quotes.training.word_classes [--train FILE] [--out FILE]``. Each
lower-case word's tags are counted (Penn Treebank tags, the second column of the CoNLL
file). A word seen at least ``MIN_SEEN`` times that is a noun, pronoun or number at most
``MAX_NOUN_SHARE`` of the time, and a plain adjective (``JJ``), an -ing form (``VBG``) or a
determiner less than half of it, goes to ``modifiers``: adverbs, comparatives, verbs and
prepositions never head a noun phrase (a plain adjective or an -ing form may: "a
conservative", "our testing"; a determiner opens one). Of those, a word that is a finite
verb (``VBZ``, ``VBD``, ``VBP``, ``MD``) at least ``MIN_FINITE_SHARE`` of the time also goes
to ``finite_verbs``: after a noun, it starts the rest of a clause. Only the derived word
lists ship, never the text.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from wiredesk.entities import eval_dir
from wiredesk.quotes.word_classes import WORD_CLASSES_PATH

MIN_SEEN = 2
MAX_NOUN_SHARE = 0.05
MIN_FINITE_SHARE = 0.9
ADJECTIVE_SHARE = 0.5
#: Tags of words that can head a noun phrase.
_HEAD_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "CD", "EX", "FW", "SYM", "$"})
_FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
#: Determiners, possessives and wh-words: a noun phrase starts with them.
_OPENING_TAGS = frozenset({"DT", "PDT", "PRP$", "WDT", "WP", "WP$", "POS"})


def tag_counts(lines: Iterable[str]) -> dict[str, Counter[str]]:
    """Tags per lower-case word, from CoNLL lines (``token POS chunk NER``); words written
    with a capital are left out (as often names as anything else), and so are pieces of one
    letter ("s" of a split "'s")."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for line in lines:
        parts = line.split()
        if len(parts) < 4 or parts[0] == "-DOCSTART-":
            continue
        token, tag = parts[0], parts[1]
        if token[:1].islower() and sum(ch.isalpha() for ch in token) >= 2:
            counts[token][tag] += 1
    return counts


def word_classes(counts: dict[str, Counter[str]]) -> dict[str, list[str]]:
    """The ``modifiers`` and ``finite_verbs`` lists (sorted) from per-word tag counts."""
    modifiers, finite = [], []
    for word, tags in counts.items():
        seen = sum(tags.values())
        heads = sum(n for tag, n in tags.items() if tag in _HEAD_TAGS)
        if seen < MIN_SEEN or heads > MAX_NOUN_SHARE * seen:
            continue
        if tags["JJ"] >= ADJECTIVE_SHARE * seen or tags["VBG"] >= ADJECTIVE_SHARE * seen:
            continue  # they can head one: "a conservative", "the royal", "our testing"
        if sum(n for tag, n in tags.items() if tag in _OPENING_TAGS) >= ADJECTIVE_SHARE * seen:
            continue  # "the", "their", "which": they open a noun phrase
        modifiers.append(word)
        if sum(n for tag, n in tags.items() if tag in _FINITE_TAGS) >= MIN_FINITE_SHARE * seen:
            finite.append(word)
    return {"modifiers": sorted(modifiers), "finite_verbs": sorted(finite)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=eval_dir() / "conllpp" / "conllpp_train.txt")
    parser.add_argument("--out", type=Path, default=WORD_CLASSES_PATH)
    args = parser.parse_args(argv)
    with args.train.open(encoding="utf-8") as handle:
        classes = word_classes(tag_counts(handle))
    payload = {
        "source": "part-of-speech tags of CoNLL-2003 train (CoNLL++ corrections); word lists only",
        "min_seen": MIN_SEEN,
        "max_noun_share": MAX_NOUN_SHARE,
        **classes,
    }
    args.out.write_text(json.dumps(payload, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"{args.out}: {len(classes['modifiers'])} modifiers, "
        f"{len(classes['finite_verbs'])} finite verbs"
    )


if __name__ == "__main__":
    main()
