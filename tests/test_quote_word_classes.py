"""The word classes a speaker mention is checked against, derived from tagged text."""

from __future__ import annotations

from wiredesk.quotes.training.word_classes import tag_counts, word_classes
from wiredesk.quotes.word_classes import finite_verb, never_heads

TAGGED = """-DOCSTART- -X- -X- O

Fishermen NNS B-NP O
often RB B-ADVP O
says VBZ B-VP O
quickly RB B-ADVP O
says VBZ B-VP O
often RB B-ADVP O
a DT B-NP O
conservative JJ I-NP O
conservative JJ I-NP O
polling VBG I-NP O
polling VBG I-NP O
reports NNS I-NP O
reports VBZ B-VP O
s VBZ B-VP O
s VBZ B-VP O
Often RB B-ADVP O
"""


def test_adverbs_and_tensed_verbs_are_modifiers_nouns_and_adjectives_are_not() -> None:
    classes = word_classes(tag_counts(TAGGED.splitlines()))
    assert classes["modifiers"] == ["often", "says"]
    assert classes["finite_verbs"] == ["says"]


def test_a_word_seen_once_is_left_out() -> None:
    assert word_classes(tag_counts(["quickly RB B-ADVP O"]))["modifiers"] == []


def test_the_shipped_lists_know_common_words() -> None:
    assert never_heads("often") and never_heads("biggest")
    assert not never_heads("officials") and not never_heads("former")
    assert finite_verb("says") and not finite_verb("reports")
