"""One article, one reading: the same words get one type, and every occurrence is tagged.

Models decide each occurrence from its few neighbouring words, so "Simmons" can be a
person in one sentence and an organisation in the next, or missed entirely. Within one
article the majority reading is almost always the right one for all of them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from wiredesk.entities.mention import COUNTED_TYPES, Mention

#: Labels a name can be propagated with (the counted types).
_PROPAGATED = frozenset(COUNTED_TYPES)


def _surnames(mentions: list[Mention]) -> set[str]:
    """Final words of multi-word person names ("Simmons" from "Phil Simmons")."""
    out = set()
    for m in mentions:
        words = m.text.split()
        if m.type == "PERSON" and len(words) > 1 and words[-1][:1].isupper():
            out.add(words[-1])
    return out


def majority_types(mentions: list[Mention], fixed: frozenset[int] = frozenset()) -> list[Mention]:
    """Relabel every counted mention with the article's majority type for its words.

    Surnames of persons named in full count as persons. ``fixed`` holds start offsets of
    mentions whose type comes from a fixed pattern (datelines): they neither change nor
    vote, since a dateline city ("NEW YORK") may also name a team in the same article.
    """
    surnames = _surnames(mentions)
    votes: dict[str, Counter] = defaultdict(Counter)
    first: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.type in _PROPAGATED and m.start_char not in fixed:
            votes[m.text][m.type] += 1
            first.setdefault(m.text, i)
    out = []
    for m in mentions:
        if m.type in _PROPAGATED and m.start_char not in fixed:
            if m.text in surnames and " " not in m.text:
                m = replace(m, type="PERSON")
            else:
                counts = votes[m.text]
                best = max(counts.values())
                tied = [t for t, n in counts.items() if n == best]
                label = m.type if m.type in tied else tied[0]
                if len(tied) > 1:
                    label = mentions[first[m.text]].type
                if label != m.type:
                    m = replace(m, type=label)
        out.append(m)
    return out


def company_products(mentions: list[Mention], fixed: frozenset[int] = frozenset()) -> list[Mention]:
    """A "person" whose first word is a company the article names ("Google Stadia" beside
    "Google" as ORG) is the company's product or unit: relabel it ORG.

    Only a one-word ORG that the article never also reads as a person counts, and a mention
    with a role ("Chief Executive ...") stays a person.
    """
    companies = {m.text for m in mentions if m.type == "ORG" and " " not in m.text.strip()}
    companies -= {m.text for m in mentions if m.type == "PERSON"}
    if not companies:
        return mentions
    out = []
    for m in mentions:
        words = m.text.split()
        if (
            m.type == "PERSON"
            and len(words) > 1
            and words[0] in companies
            and not m.roles
            and m.start_char not in fixed
        ):
            m = replace(m, type="ORG")
        out.append(m)
    return out


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands as a whole name: no word character, stop,
    ampersand, apostrophe or hyphen glued before it, no word character, ampersand or hyphen
    after it, nor a stop that a word follows ("Orvia Bank.com")."""
    if start and (_glued(text[start - 1]) or text[start - 1] in ".'"):
        return False
    if end < len(text):
        after = text[end]
        if _glued(after):
            return False
        if after == "." and end + 1 < len(text) and _word_char(text[end + 1]):
            return False
    return True


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _glued(ch: str) -> bool:
    return _word_char(ch) or ch in "&-"


def propagate(
    text: str, mentions: list[Mention], types: frozenset[str] = _PROPAGATED
) -> list[Mention]:
    """Tag untagged repeats of names (and of person surnames) found elsewhere in the article.

    ``types`` limits which names spread; surnames of persons named in full always do. Read
    left to right, the longest name standing whole at a place wins and the reading goes on
    after it; a repeat that overlaps a mention is left alone. (Found with plain string
    search: an alternation of an article's names built into an expression cost more to
    compile than the search itself.)
    """
    labels: dict[str, str] = {}
    for m in mentions:
        if m.type in types and len(m.text) > 1 and m.text[:1].isupper():
            labels.setdefault(m.text, m.type)
    for surname in _surnames(mentions):
        labels.setdefault(surname, "PERSON")
    if not labels:
        return mentions
    places: list[tuple[int, int, str]] = []
    for name in labels:
        at = text.find(name)
        while at != -1:
            if _bounded(text, at, at + len(name)):
                places.append((at, -len(name), name))
            at = text.find(name, at + 1)
    covered = bytearray(len(text) + 1)
    for m in mentions:
        covered[m.start_char : m.end_char] = b"\x01" * (m.end_char - m.start_char)
    added: list[Mention] = []
    read_to = 0
    for start, negative_length, surface in sorted(places):
        end = start - negative_length
        if start < read_to:
            continue  # inside a longer name read at an earlier place
        read_to = end
        if covered.find(1, start, end) != -1:
            continue
        added.append(Mention(surface, labels[surface], start, end, surface))
        covered[start:end] = b"\x01" * (end - start)
    return sorted([*mentions, *added], key=lambda m: m.start_char)
