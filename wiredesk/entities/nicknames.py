"""Persons' names with a nickname in quotation marks: William "Bill" Smith.

American copy often gives a person's familiar name between the given name and the surname
(state Del. Marcia "Cia" Price). The recogniser reads the three parts as three persons, or
misses the surname altogether, so the speaker of a quote becomes "Marcia" and "Price"
later in the story is nobody. A given name followed by a quoted nickname and a capitalised
word is one person's name; the name it resolves to leaves the nickname out
(``wiredesk.entities.resolve.base_name``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from wiredesk.entities.given_names import is_first_name
from wiredesk.entities.mention import Mention

#: Opening and closing marks a nickname is written between.
_MARKS = {'"': '"', "\u201c": "\u201d", "'": "'", "\u2018": "\u2019"}
_NICKNAME = re.compile(
    r" (?P<open>[\"\u201c'\u2018])(?P<nick>[A-Z][\w.\u2019'-]{0,14}(?: [A-Z][\w.\u2019'-]{0,14})?)"
    r"(?P<close>[\"\u201d'\u2019]) "
    # The surname: capitalised parts ("O'Neill", "McConnell", "Smith-Jones"), no possessive.
    r"(?P<surname>[A-Z][a-z]*(?:['\u2019-]?[A-Z][a-z]+)*)(?![\w'\u2019-]*\w)"
)
#: A nickname mark's text inside a name, for leaving it out of the name.
QUOTED_NICKNAME = re.compile(r" [\"\u201c'\u2018][^\"\u201d'\u2019]{1,30}[\"\u201d'\u2019](?= )")


def join_nicknames(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with a given name, its quoted nickname and the surname after it made
    one person's mention (dropping the mentions found inside it)."""
    ordered = sorted(mentions, key=lambda m: m.start_char)
    out: list[Mention] = []
    i = 0
    while i < len(ordered):
        mention = ordered[i]
        i += 1
        joined = _with_nickname(text, mention)
        if joined is None:
            out.append(mention)
            continue
        inside = i
        while inside < len(ordered) and ordered[inside].start_char < joined.end_char:
            inside += 1
        covered = ordered[i:inside]
        if any(m.end_char > joined.end_char for m in covered):
            out.append(mention)  # a name runs on past the surname: leave the model's reading
            continue
        out.append(joined)
        i = inside
    return out


def _with_nickname(text: str, mention: Mention) -> Mention | None:
    """The person's mention reaching over a quoted nickname to the surname, or None."""
    if mention.type != "PERSON" or not 1 <= len(mention.text.split()) <= 2:
        return None
    if not is_first_name(mention.text.split()[-1]):
        return None
    found = _NICKNAME.match(text, mention.end_char)
    if found is None or _MARKS[found.group("open")] != found.group("close"):
        return None
    end = found.end("surname")
    words = text[mention.start_char : end]
    return replace(mention, text=words, end_char=end, name=words)
