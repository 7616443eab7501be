"""Headlines quote in single marks and name the speaker first ("Obama: Trends Are
'Terrifying'", "Black Lawmakers Rip Trump As A 'Disgusting Fraud'"); title case hides the
usual cues, so the subject is read from the headline's shape."""

from __future__ import annotations

import re

from wiredesk.quotes.attribution import Attribution
from wiredesk.quotes.cues import cue_stem
from wiredesk.quotes.layout import Layout

#: Headline attribution: "Clinton: Trump's view of the world is 'dangerously wrong'".
_HEADLINE_NAME = re.compile(r"\s*([A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,3}):\s")


def is_headline(text: str, layout: Layout, paragraph: int = 0) -> bool:
    """A paragraph that is a headline: short and in title case. The first one opens the
    text; a later one (a related story's headline set in the page) also ends without a
    sentence's stop."""
    start, end = layout.paragraphs[paragraph]
    words = [w for w in re.findall(r"[A-Za-z][\w'\u2019-]*", text[start:end]) if len(w) > 3]
    if not 3 <= len(words) <= 25:
        return False
    if paragraph and text[start:end].rstrip()[-1:] in ".!":
        return False
    return sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


#: Verbs that follow the subject of a headline ("Black Lawmakers Rip Trump As …").
HEADLINE_VERBS = frozenset(
    """rip rips slam slams blast blasts hit hits reveal reveals show shows see sees urge urges
    call calls hammer hammers praise praises back backs defend defends attack attacks vow
    vows want wants tell tells say says""".split()
)


def headline_subject(text: str, floor: int, pos: int) -> Attribution | None:
    """The words before a headline's first verb: "Obama Sees 'Personal Insult' …"."""
    words = list(re.finditer(r"[\w'\u2019.-]+", text[floor:pos]))
    for index, word in enumerate(words[1:6], start=1):
        lower = word.group().lower()
        if lower in HEADLINE_VERBS or cue_stem(lower):
            start, end = floor + words[0].start(), floor + words[index - 1].end()
            return Attribution(floor + word.start(), floor + word.end(), start, end)
    return None


def headline_speaker(text: str, floor: int, pos: int) -> Attribution | None:
    """A sentence opening with a name and a colon quotes that person."""
    match = _HEADLINE_NAME.match(text, floor, pos)
    if match is None:
        return None
    return Attribution(match.end(1), match.end(1) + 1, match.start(1), match.end(1))
