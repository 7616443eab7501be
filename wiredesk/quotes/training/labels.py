"""Whether a candidate speaker is the one the gold source names.

A source with a proper name is matched by its surname (the last capitalised word of its
head, before any apposition, that is not an acronym); a pronoun or description by the
words themselves.
"""

from __future__ import annotations

import re

from wiredesk.quotes.speakers import Speaker

_HEAD_END = re.compile(r"[,(;\u2014]|\s(?:who|which|whose|that)\s")
_NOT_NAMES = frozenset(
    """the a an he she i we they it his her their this that these those my our its you one
    some many most several according both all other another each""".split()
)


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def surname(source: str) -> str | None:
    """The last capitalised word of the source's head (or of the whole source), if any."""
    cut = _HEAD_END.search(source)
    for scope in (source[: cut.start()] if cut else source, source):
        words = [re.sub(r"['\u2019]s$", "", w.strip(".,;:'\u2019\"()")) for w in scope.split()]
        names = [w for w in words if w[:1].isupper() and w.lower() not in _NOT_NAMES]
        people = [w for w in names if not w.replace(".", "").isupper()]  # not "F.B.I."
        if people:
            return people[-1]
    acronyms = [w for w in source.split() if w[:1].isupper() and w.replace(".", "").isupper()]
    return acronyms[-1].strip(".,;:'\u2019\"()") if acronyms else None


def speaker_matches(speaker: Speaker, source: str) -> bool:
    name = surname(source)
    if name is not None:
        return bool(speaker.name) and name.lower() in speaker.name.lower()
    return bool(speaker.mention) and _normal(speaker.mention) == _normal(source)
