"""Double-barrelled surnames the recogniser split at the hyphen ("Carlos Lopez" + "Cantera"
for "Carlos Lopez-Cantera"): the two halves are one person, named in full.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from operator import attrgetter

from wiredesk.entities import Mention


def join_hyphenated(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions with each person split at a hyphen joined into one, under the full
    name (every mention of that person takes it, so the article names one person)."""
    ordered = sorted(mentions, key=attrgetter("start_char"))
    renamed: dict[str, str] = {}
    joined: list[Mention] = []
    for mention in ordered:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.type == mention.type == "PERSON"
            and last.end_char + 1 == mention.start_char
            and text[last.end_char] == "-"
        ):
            name = f"{last.name}-{mention.text}"
            renamed[last.name] = name
            joined[-1] = replace(
                last, text=text[last.start_char : mention.end_char], end_char=mention.end_char
            )
            continue
        joined.append(mention)
    if not renamed:
        return joined
    return [replace(m, name=renamed[m.name]) if m.name in renamed else m for m in joined]
