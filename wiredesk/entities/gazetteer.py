"""Names learnt from tagged newswire: relabel the model's spans and add names it missed.

A name is trusted only when it was tagged often enough with one type (to relabel) and,
for adding, when its words almost always were that name wherever they occurred.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from wiredesk.entities.lexicon import GazetteerEntry, casing_lexicon, gazetteer
from wiredesk.entities.mention import Mention

_NON_NAME_LABELS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
)
_LOC_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class Thresholds:
    """How sure the gazetteer must be before it overrides or adds to the model."""

    relabel_min: int = 5
    relabel_share: float = 0.95
    add_min: int = 3
    add_share: float = 0.9
    add_name_share: float = 0.85


def spacy_label(entry: GazetteerEntry, current: str | None) -> str:
    """The label for this entry, keeping the model's finer location label when it agrees."""
    top = entry.top_type
    if top == "LOC":
        return current if current in _LOC_LABELS else "GPE"
    if top == "MISC":
        return current if current in {"NORP", "EVENT", "LANGUAGE"} else "MISC"
    return {"PER": "PERSON", "ORG": "ORG"}[top]


def relabel(mentions: list[Mention], limits: Thresholds = Thresholds()) -> list[Mention]:
    """Give each span the type the gazetteer is sure of for its exact text."""
    names = gazetteer()
    out = []
    for mention in mentions:
        entry = names.get(mention.text)
        if (
            entry
            and mention.type not in _NON_NAME_LABELS
            and entry.tagged >= limits.relabel_min
            and entry.type_share >= limits.relabel_share
        ):
            label = spacy_label(entry, mention.type)
            if label != mention.type:
                mention = replace(mention, type=label)
        out.append(mention)
    return out


#: A run of word characters not preceded by one or by a full stop: where a name may start.
_NAME_START = re.compile(r"(?<![\w.])\w+")
#: What may not follow a name: a word character, or a full stop before one ("U.S" in "U.S.A").
_NAME_END = re.compile(r"\w|\.\w")


@dataclass(frozen=True)
class AddableNames:
    """Names safe to add, indexed by their first word so a text is scanned once."""

    labels: dict[str, str]
    by_first_word: dict[str, tuple[str, ...]]  # longest first

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) of each name in the text, left to right, never overlapping;
        where several start at one place, the longest."""
        after = 0
        for word in _NAME_START.finditer(text):
            start = word.start()
            names = self.by_first_word.get(word.group())
            if start < after or names is None:
                continue
            for name in names:
                end = start + len(name)
                if text.startswith(name, start) and not _NAME_END.match(text, end):
                    yield start, end, name
                    after = end
                    break


@lru_cache(maxsize=1)
def _addable(limits: Thresholds = Thresholds()) -> AddableNames:
    """The names safe to add and their labels."""
    lexicon = casing_lexicon()
    labels: dict[str, str] = {}
    for name, entry in gazetteer().items():
        if (
            entry.tagged >= limits.add_min
            and entry.type_share >= limits.add_share
            and entry.name_share >= limits.add_name_share
            and name[:1].isupper()
            and lexicon.get(name.lower()) != "l"
            and len(name) > 1
        ):
            labels[name] = spacy_label(entry, None)
    grouped: dict[str, list[str]] = {}
    for name in sorted(labels, key=len, reverse=True):
        first = re.match(r"\w+", name)
        assert first is not None, "names start with a capital letter"
        grouped.setdefault(first.group(), []).append(name)
    return AddableNames(labels, {word: tuple(names) for word, names in grouped.items()})


def add_missing(text: str, mentions: list[Mention], blocked: list[Mention] = ()) -> list[Mention]:
    """Add gazetteer names the model missed, or widen model spans a longer name contains.

    Nothing is added over a ``blocked`` span (one a surer rule has already read).
    """
    names = _addable()
    if not names.labels:
        return mentions
    out = list(mentions)
    for start, end, surface in names.finditer(text):
        if any(b.start_char < end and start < b.end_char for b in blocked):
            continue
        inside = [m for m in out if start <= m.start_char and m.end_char <= end]
        crossing = [m for m in out if m.start_char < end and start < m.end_char and m not in inside]
        if crossing or any(m.start_char == start and m.end_char == end for m in inside):
            continue
        out = [m for m in out if m not in inside]
        roles = tuple(r for m in inside for r in m.roles)
        out.append(Mention(surface, names.labels[surface], start, end, surface, roles))
    return sorted(out, key=lambda m: m.start_char)
