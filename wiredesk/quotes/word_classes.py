"""Which English words never head a noun phrase, read from ``word_classes.json``.

The lists are derived from the part-of-speech tags of a tagged news corpus
(``python -m wiredesk.quotes.training.word_classes`` rebuilds them): ``modifiers`` are
lower-case words almost never tagged as a noun, pronoun or number, nor mostly as a plain
adjective or an -ing form (adverbs, comparatives, verbs, prepositions: "often", "biggest",
"very"), ``finite_verbs`` the ones among them nearly always a verb with a tense ("occurs",
"says"). A speaker mention ends on a word that can head it, and a finite verb after its
first word starts a clause.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

WORD_CLASSES_PATH = Path(__file__).with_name("word_classes.json")

#: Modifiers that stand for a noun phrase on their own ("many said", "the former").
STANDALONE = frozenset("many few most several former latter accused both all".split())


@lru_cache(maxsize=1)
def _classes() -> tuple[frozenset[str], frozenset[str]]:
    data = json.loads(WORD_CLASSES_PATH.read_text(encoding="utf-8"))
    return frozenset(data["modifiers"]) - STANDALONE, frozenset(data["finite_verbs"])


def never_heads(word: str) -> bool:
    """Whether a lower-case word cannot end a noun phrase (it would lack its head noun)."""
    return word in _classes()[0]


def finite_verb(word: str) -> bool:
    """Whether a lower-case word is a verb with a tense: after a noun, a clause goes on."""
    return word in _classes()[1]
