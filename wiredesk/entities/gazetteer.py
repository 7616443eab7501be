"""Names learnt from tagged newswire: relabel the model's spans and add names it missed.

A name is trusted only when it was tagged often enough with one type (to relabel) and,
for adding, when its words almost always were that name wherever they occurred.
"""

from __future__ import annotations

import re
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


@lru_cache(maxsize=1)
def _addable(limits: Thresholds = Thresholds()) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One regex for all names safe to add, longest first, and their labels."""
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
    if not labels:
        return None, labels
    alternatives = "|".join(re.escape(n) for n in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w]|\.\w)"), labels


def add_missing(text: str, mentions: list[Mention], blocked: list[Mention] = ()) -> list[Mention]:
    """Add gazetteer names the model missed, or widen model spans a longer name contains.

    Nothing is added over a ``blocked`` span (one a surer rule has already read).
    """
    pattern, labels = _addable()
    if pattern is None:
        return mentions
    out = list(mentions)
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(b.start_char < end and start < b.end_char for b in blocked):
            continue
        inside = [m for m in out if start <= m.start_char and m.end_char <= end]
        crossing = [m for m in out if m.start_char < end and start < m.end_char and m not in inside]
        if crossing or any(m.start_char == start and m.end_char == end for m in inside):
            continue
        out = [m for m in out if m not in inside]
        surface = match.group()
        roles = tuple(r for m in inside for r in m.roles)
        out.append(Mention(surface, labels[surface], start, end, surface, roles))
    return sorted(out, key=lambda m: m.start_char)
