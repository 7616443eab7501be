"""An acronym in brackets right after a name is an organisation's.

German copy writes an organisation's short form after its name ("Bundesverband deutscher
Banken (BdB)", "Hewlett-Packard (HP)") and a politician's party after the person ("Angela
Merkel (CDU)"). The recogniser, reading a few thousand sentences, often leaves the short
form unmarked or calls it a person; after a name of either kind it is an organisation,
unless the recogniser read it as a place ("Peter Rieder (AUT)").
"""

from __future__ import annotations

import re
from dataclasses import replace

from wiredesk.entities.acronyms import is_acronym
from wiredesk.entities.mention import Mention

#: "( BdB )" as GermEval writes it or "(BdB)" as articles do: the bracketed word.
_BRACKETED = re.compile(r"\(\s*([^\s()]{2,8})\s*\)")
#: Names after which a bracketed acronym is an organisation's.
_NAMED = frozenset({"ORG", "PERSON"})
#: Types the recogniser gives a bracketed acronym that are kept as they are.
_PLACES = frozenset({"GPE", "LOC"})


def bracketed_acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each bracketed acronym after an organisation's or a person's name
    marked as an organisation (added, or its type changed)."""
    ends = {m.end_char for m in mentions if m.type in _NAMED}
    found = list(mentions)
    for match in _BRACKETED.finditer(text):
        word = match.group(1)
        before = len(text[: match.start()].rstrip())
        if not is_acronym(word) or before not in ends:
            continue
        start, end = match.start(1), match.end(1)
        over = [m for m in found if m.start_char < end and start < m.end_char]
        if any(m.type in _PLACES or m.type == "ORG" for m in over):
            continue
        if any((m.start_char, m.end_char) != (start, end) for m in over):
            continue
        found = [m for m in found if m not in over]
        kept = over[0] if over else None
        found.append(
            replace(kept, type="ORG")
            if kept
            else Mention(text=word, type="ORG", start_char=start, end_char=end, name=word)
        )
    return sorted(found, key=lambda m: m.start_char)
