"""The people a pronoun can point back to, and which of them is most salient where.

"She said" after "In the lobby of her hotel, the foreign minister spoke to reporters" means
the foreign minister, not the last name in the paragraph before: a pronoun that starts an
attribution usually refers to the subject of the nearest sentence that mentions someone of
the right gender. Roles count as mentions of the person introduced with them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from operator import attrgetter, itemgetter
from typing import NamedTuple

from wiredesk.entities import Mention

#: Sentence ends: final punctuation (maybe inside a closing mark) then space, or a newline.
#: (Each choice opens with its own character, which the search can skip to.)
_AFTER_END = r"[\"'\u201d\u2019]?\s+(?=[\"'\u201c\u2018A-Z0-9])"
_SENTENCE_END = re.compile(
    "|".join(["\n", r"\." + _AFTER_END, "!" + _AFTER_END, r"\?" + _AFTER_END])
)
#: Words right before a name that make it an object, not the subject ("led by Oyelaran").
_OBJECT_LEFT = frozenset(
    "by with to of for from and or than against about at on in met told asked urged".split()
)
SENTENCES_BACK = 4
#: "the" and the lower-case words after it, where a role ("the foreign minister") may be.
_LOWER_WORD = re.compile(r"[a-z][a-z\u2019'-]*")
#: The match starts one past the "T" or "t": opening with the plain letters "he" lets the
#: engine skip along the text to each "he" (two choices of first letter, it would test a
#: set at every character).
_THE_PHRASE = re.compile(r"he(?<=\b[Tt]he)((?:\s+[a-z][a-z\u2019'-]*){1,4})")


class Referent(NamedTuple):
    """One mention of a person: by name or by a role ("the foreign minister"). A named
    tuple: an article has hundreds, all built when its first pronoun is read."""

    start: int
    end: int
    name: str
    mention: Mention
    subject: bool


def sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def find_referents(
    text: str,
    people: Sequence[Mention],
    role_words: Sequence[str],
    resolve_role: Callable[[str, int], Mention | None],
    starts: Sequence[int],
) -> list[Referent]:
    """Person mentions and role descriptions in text order, with subject flags."""
    spans: list[tuple[int, int, str, Mention]] = [
        (m.start_char, m.end_char, m.name, m)
        for m in people
        if text[m.end_char : m.end_char + 2] not in ("'s", "\u2019s")
        and not m.text.endswith(("'s", "\u2019s"))
    ]
    heads = frozenset(role_words)
    if heads:
        for match in _THE_PHRASE.finditer(text):
            # The words after "the" are whole lower-case words: most phrases hold no head
            # noun, so look them up before locating any.
            if heads.isdisjoint(match.group(1).split()):
                continue
            start = match.start() - 1  # the "t"
            for word in _LOWER_WORD.finditer(text, match.start(1), match.end(1)):
                if word.group() in heads:
                    person = resolve_role(text[start : word.end()], start)
                    if person is not None:
                        spans.append((start, word.end(), person.name, person))
                    break
    spans.sort(key=itemgetter(0, 1))
    referents: list[Referent] = []
    seen_sentence = -1
    for start, end, name, mention in spans:
        sentence = bisect_right(starts, start) - 1
        first = sentence != seen_sentence
        seen_sentence = sentence
        subject = first
        if first:
            left = text[starts[sentence] : start].rsplit(None, 1)
            subject = not (left and left[-1].lower().strip(",") in _OBJECT_LEFT)
        referents.append(Referent(start, end, name, mention, subject))
    return referents


#: A sentence opening with a pronoun or possessive goes on about the previous subject.
_PRONOUN_START = re.compile(r"\s*[\"'\u201c\u2018]?(?:He|She|His|Her)\b")
#: A sentence opening with someone unnamed: "A shop owner who asked not to be named said".
_UNNAMED_START = re.compile(
    r"\s*(?:(?:Down|Up|Across|At|In|On)\s[^,]{1,40},\s*)?(?:an?|one|another|[A-Z]\w+[\u2019']s)\s"
)


#: A referent's start, as ``bisect`` keys them (read in C).
_start_of = attrgetter("start")


def antecedent(
    text: str,
    referents: Sequence[Referent],
    starts: Sequence[int],
    pos: int,
    compatible: Callable[[str], bool],
    skip: Callable[[int], bool],
) -> Referent | None:
    """The referent a pronoun at ``pos`` points to: the nearest sentence (this one first)
    with a compatible person, and within it the subject, else the last one named.

    A sentence that itself opens with a pronoun passes the question back to the one before;
    one that opens with an unnamed person ("a shop owner who asked not to be named") means
    nobody the article names.
    """
    sentence = bisect_right(starts, pos) - 1
    # Only the last few sentences are searched; an older referent is needed only as the
    # last resort, so it is looked for backwards and only when the window has none.
    window_start = starts[max(0, sentence - SENTENCES_BACK + 1)]
    first = bisect_left(referents, window_start, key=_start_of)
    last = bisect_left(referents, pos, key=_start_of)

    def usable(r: Referent) -> bool:
        return r.end <= pos and not skip(r.start) and compatible(r.name)

    before = [r for r in referents[first:last] if usable(r)]
    earlier = None
    if not before:
        earlier = next((r for r in reversed(referents[:first]) if usable(r)), None)
        if earlier is None:
            return None
    for back in range(SENTENCES_BACK):
        index = sentence - back
        if index < 0:
            return None
        lo = starts[index]
        hi = starts[index + 1] if index + 1 < len(starts) else pos + 1
        here = [r for r in before if lo <= r.start < hi]
        subjects = [r for r in here if r.subject]
        if subjects:
            return subjects[0]
        opening = text[lo : min(hi, pos)]
        if back > 0 and _UNNAMED_START.match(opening):
            return None
        if here and not _PRONOUN_START.match(opening):
            return here[-1]
    return before[-1] if before else earlier


def gender_votes(text: str, referents: Sequence[Referent], starts: Sequence[int]) -> dict[str, str]:
    """Gender of people the text goes on about with "she"/"her" or "he"/"his" in the next
    sentence, when that is the only person the sentence before names."""
    votes: dict[str, dict[str, int]] = {}
    by_sentence: dict[int, set[str]] = {}
    for referent in referents:
        by_sentence.setdefault(bisect_right(starts, referent.start) - 1, set()).add(referent.name)
    for index in range(1, len(starts)):
        opening = _PRONOUN_START.match(text, starts[index])
        names = by_sentence.get(index - 1, set())
        if opening is None or len(names) != 1:
            continue
        word = opening.group().strip(" \"'\u201c\u2018").lower()
        gender = "f" if word in ("she", "her") else "m"
        tally = votes.setdefault(next(iter(names)), {"f": 0, "m": 0})
        tally[gender] += 1
    return {
        name: ("f" if t["f"] > t["m"] else "m") for name, t in votes.items() if t["f"] != t["m"]
    }
