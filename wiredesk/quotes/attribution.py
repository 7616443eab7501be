"""Find the cue and the speaker phrase that attribute a stretch of text.

Works on words and punctuation near the quote rather than on a parse: wire attribution is
formulaic ("…," she said / said Brandt / Brandt, the vice-president, said: / according to X),
so a few shapes cover most of it and stay fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wiredesk.quotes.cues import find_cues
from wiredesk.quotes.marks import ALL_MARKS

#: Words that can sit between a subject and its cue ("she later said", "he has argued").
BETWEEN = frozenset(
    """also later then again previously recently once repeatedly reportedly publicly
    privately quickly simply flatly bluntly has have had was would will could might may
    did does do has already often frequently further subsequently separately earlier
    angrily calmly firmly softly quietly told""".split()
)
#: Verbs chaining to a cue through "to"/"by": "went on to say", "began by saying".
CHAIN = frozenset(
    """to by on go goes went going begin began begins continue continued continues want
    wanted wants try tried tries proceed proceeded used went seem seemed seems refuse
    refused decline declined""".split()
)
#: Words that end a subject phrase when walking back from a cue.
STOP = frozenset(
    """that and but because while when as after before since if although though which so
    than or nor where whom whose what how why until unless whether""".split()
)
#: Lead-ins that are not part of the speaker ("On Tuesday the minister said").
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    morning afternoon evening night week month year earlier later recently""".split()
)
MAX_SUBJECT_WORDS = 8
_TOKEN = re.compile(r"[\w'\u2019.&-]+|[^\w\s]")
_BOUNDARY = set(",;:.!?()[]{}" + ALL_MARKS + "\u2014\u2013")


@dataclass(frozen=True)
class Attribution:
    cue_start: int
    cue_end: int
    speaker_start: int
    speaker_end: int
    inverted: bool = False

    def cue(self, text: str) -> str:
        return " ".join(text[self.cue_start : self.cue_end].split())


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _is_boundary(token: str) -> bool:
    return token in _BOUNDARY or (len(token) == 1 and not token.isalnum() and token != "'")


def subject_before(text: str, cue_start: int, floor: int) -> tuple[int, int] | None:
    """Span of the subject phrase that ends right before the cue, or None.

    Handles apposition: "Brandt, the commission's vice-president, said" gives "Brandt".
    """
    tokens = _tokens(text, floor, cue_start)
    i = len(tokens) - 1
    if i >= 0 and tokens[i][2].lower() in ("to", "by"):
        # "goes on to say", "began by saying": the subject is before the verb chain.
        while i >= 0 and (tokens[i][2].lower() in CHAIN or tokens[i][2].lower() in BETWEEN):
            i -= 1
    while i >= 0 and tokens[i][2].lower() in BETWEEN:
        i -= 1
    if i >= 0 and tokens[i][2] == ",":
        # Apposition or relative clause between subject and cue.
        j = i - 1
        while j >= 0 and not _is_boundary(tokens[j][2]):
            j -= 1
        if j >= 0 and tokens[j][2] == "," and i - j - 1 <= 12:
            appo = tokens[j + 1][2].lower() if j + 1 < i else ""
            if appo in ("the", "a", "an", "who", "whose", "which") or appo[:1].islower():
                i = j - 1
            else:
                return None
        else:
            return None
    end_index = i
    words: list[tuple[int, int, str]] = []
    while i >= 0 and len(words) < MAX_SUBJECT_WORDS:
        token = tokens[i][2]
        if _is_boundary(token) or token.lower() in STOP or find_cues(token):
            break
        words.append(tokens[i])
        i -= 1
    if not words or end_index < 0:
        return None
    words.reverse()
    while words and (words[0][2].lower() in TIME_WORDS or words[0][2].lower() in ("on", "in")):
        words.pop(0)
    if not words:
        return None
    return words[0][0], words[-1][1]


def phrase_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase starting at ``pos`` (inverted speaker, "according to" source)."""
    tokens = _tokens(text, pos, limit)
    words: list[tuple[int, int, str]] = []
    for token in tokens:
        word = token[2]
        if _is_boundary(word) or word.lower() in STOP:
            break
        if words and (word.lower() in ("on", "in", "at", "during") or find_cues(word)):
            break
        words.append(token)
        if len(words) >= MAX_SUBJECT_WORDS:
            break
    if not words or words[0][2].lower() in TIME_WORDS | {"on", "in", "at", "to"}:
        return None
    return words[0][0], words[-1][1]


def after_quote(text: str, pos: int, limit: int, closed: bool = False) -> Attribution | None:
    """Attribution right after a closing mark: ', she said', ' said Brandt', ', Brandt noted.'

    ``closed`` says the quote ended its own sentence ('…ready."'); then only a short
    attribution that ends right there counts, not the subject of the next sentence.
    """
    found = _after_quote(text, pos, limit)
    if found is None or not closed:
        return found
    tail = text[max(found.cue_end, found.speaker_end) : limit]
    if len(tail.split()) > 4 or not re.match(r"\s*(?:\w+\s*){0,4}[.!?]", tail):
        return None
    return found


def _after_quote(text: str, pos: int, limit: int) -> Attribution | None:
    lead = re.match(r"[\s,\u2014\u2013-]*", text[pos:limit])
    start = pos + (lead.end() if lead else 0)
    window_end = min(limit, start + 160)
    cues = find_cues(text, start, window_end)
    if not cues:
        return None
    c_start, c_end, stem = cues[0]
    before = text[start:c_start]
    if any(ch in before for ch in ".;!?:" + ALL_MARKS):
        return None
    if not before.strip():
        if stem == "according":
            span = phrase_after(text, c_end, window_end)
        else:
            span = phrase_after(text, c_end, window_end)
        if span is None:
            return None
        return Attribution(c_start, c_end, span[0], span[1], inverted=True)
    span = subject_before(text, c_start, start)
    if span is None or len(text[start:c_start].split()) > MAX_SUBJECT_WORDS + 10:
        return None
    return Attribution(c_start, c_end, span[0], span[1])


def before_quote(text: str, floor: int, pos: int) -> Attribution | None:
    """Attribution leading into a quote: 'Brandt said: "', 'she told reporters that "'."""
    cues = [c for c in find_cues(text, floor, pos) if not _inside_marks(text, floor, c[0])]
    if not cues:
        return None
    c_start, c_end, stem = cues[-1]
    gap = text[c_end:pos]
    gap_words = gap.split()
    ends_open = gap.rstrip().endswith((",", ":")) or not gap.strip()
    if any(ch in gap for ch in ".!?;" + ALL_MARKS):
        return None
    if not ends_open and len(gap_words) > 3:
        return None
    if len(gap_words) > 10:
        return None
    if stem == "according":
        span = phrase_after(text, c_end, pos)
        if span is None:
            return None
        return Attribution(c_start, c_end, span[0], span[1], inverted=True)
    span = subject_before(text, c_start, floor)
    if span is None:
        # Inverted lead-in: 'Said Brandt: "…"' or 'added the minister, "…"'.
        span = phrase_after(text, c_end, pos)
        if span is None:
            return None
        return Attribution(c_start, c_end, span[0], span[1], inverted=True)
    return Attribution(c_start, c_end, span[0], span[1])


def sentence_subject(text: str, floor: int, pos: int, mentions: list) -> tuple[int, int] | None:
    """Fallback speaker: the sentence's first named entity or its opening pronoun."""
    lead = re.match(r"\s*(He|She|They|I|We|It)\b", text[floor:pos])
    if lead:
        return floor + lead.start(1), floor + lead.end(1)
    for mention in mentions:
        if floor <= mention.start_char and mention.end_char <= pos:
            return mention.start_char, mention.end_char
    return None


def _inside_marks(text: str, floor: int, pos: int) -> bool:
    """Whether an odd number of double marks precede ``pos`` since ``floor`` (inside a quote)."""
    segment = text[floor:pos]
    return sum(segment.count(m) for m in '"\u201c\u201d\u201e\u00ab\u00bb') % 2 == 1


def is_attribution_only(text: str, start: int, end: int) -> Attribution | None:
    """Whether the gap between two quotes is just their attribution (an interrupted quote)."""
    gap = text[start:end]
    if "\n" in gap or len(gap.split()) > 14 or not gap.strip(" ,.:;\u00a0\u2014\u2013-"):
        return None
    attribution = after_quote(text, start, end)
    if attribution is None:
        return None
    rest = text[max(attribution.cue_end, attribution.speaker_end) : end]
    rest_words = rest.strip(" ,.:;\u00a0\u2014\u2013-").split()
    if len(rest_words) > 6:
        return None
    return attribution
