"""Paragraphs and sentences by character offsets, so every later span indexes the raw text."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)*")

#: Words whose trailing period does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr sen rep gov gen lt col maj capt sgt st jr sr inc co corp ltd no vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec prof rev ft mt pres adm cmdr supt
    dept univ est approx fig al del""".split()
)

#: A quote ending its sentence with the next quote opening a new one: '." "She'.
_CLOSES_SENTENCE = re.compile(r"[.!?][\"\u201d][ \t\u00a0]+[\"\u201c][\u2018']?[A-Z]")
#: A quote whose period ends the sentence around it, then a new sentence: '."' and a
#: capital ('?"' and '!"' are often followed by the name that says them, '"…?" Maddow
#: asked'). ``sentences`` still joins such a quote to the sentence after it, where the
#: rules find the evidence that a short quoted phrase was spoken; who may have said it is
#: read from its own sentence only (``quote_closes_sentence``).
_QUOTE_CLOSES_SENTENCE = re.compile(r"\.[\"\u201d'\u2019]{1,2}[ \t\u00a0]+[A-Z]")
#: (The space after the punctuation is a group, so the next sentence's start is read off.)
_SENTENCE_END = re.compile(r"[.!?]+(?=([\s\u00a0]+)[\"'\u201c\u2018(\[\u00abA-Z0-9])")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; a run of one or more newlines separates paragraphs."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, brk.start()))
        pos = brk.end()
    spans.append((pos, len(text)))
    return spans


class Layout:
    """Looks up the paragraph of any offset in logarithmic time."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs = paragraph_spans(text)
        self._starts = [s for s, _ in self.paragraphs]
        self.masked = text
        self._sentences = {}

    def paragraph_of(self, pos: int) -> int:
        return max(0, bisect_right(self._starts, pos) - 1)

    def mask_quotes(self, spans: Sequence[tuple[int, int]]) -> str:
        """Text with the inside of each quoted span masked, so a period inside a quote does
        not end the sentence around it; sentences are then read from this text."""
        masked = mask_spans(self.text, [(s + 1, e - 1) for s, e in spans])
        ends = [e for s, e in spans if _CLOSES_SENTENCE.match(self.text, e - 2)]
        if ends:
            # '…on "Meet the Press." "She lies…"': the quoted title's period ends the
            # sentence; the quote after it opens the next one.
            chars = list(masked)
            for end in ends:
                chars[end - 1] = "."
            masked = "".join(chars)
        self.masked = masked
        self._sentences: dict[int, list[tuple[int, int]]] = {}
        return self.masked

    def sentences(self, paragraph: int) -> list[tuple[int, int]]:
        """Sentence spans of one paragraph of the masked text, computed once."""
        found = self._sentences.get(paragraph)
        if found is None:
            found = sentence_spans(self.masked, *self.paragraphs[paragraph])
            self._sentences[paragraph] = found
        return found


def quote_closes_sentence(text: str, quote_end: int) -> bool:
    """Whether the quote ending at ``quote_end`` ends its sentence with a period and a new
    sentence follows ('…"without delay." Clinton plans …')."""
    return _QUOTE_CLOSES_SENTENCE.match(text, quote_end - 2) is not None


def is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial (U.S., J.)."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot]
    if not word:
        return False
    if start >= 2 and text[start - 1] == "-" and text[start - 2] in "RDI":
        # A party and state: "Mitch McConnell, R-Ky., said", "Rep. Lee (D-Calif.)".
        return start < 3 or not text[start - 3].isalnum()
    if word.lower().rstrip(".") in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return True
    return "." in word and all(len(p) <= 2 for p in word.split("."))


def sentence_spans(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``masked[start:end]``; quoted stretches should be masked by the caller."""
    spans: list[tuple[int, int]] = []
    pos = start
    for match in _SENTENCE_END.finditer(masked, start, end):
        if match.group() == "." and is_abbreviation(masked, match.start()):
            continue
        spans.append((pos, match.end()))
        pos = match.end(1)  # past all the space: the next character is none
    # Every span so far holds its closing punctuation; only the rest can be blank.
    if pos < end and not masked[pos:end].isspace():
        spans.append((pos, end))
    return spans


def mask_spans(text: str, spans: Sequence[tuple[int, int]], fill: str = "x") -> str:
    """Replace the inside of each span by ``fill`` (same length), keeping offsets valid."""
    pieces: list[str] = []
    pos = 0
    for s, e in sorted(spans):
        s = max(s, pos)
        if e <= s:
            continue
        pieces.append(text[pos:s])
        pieces.append("\n".join(fill * len(line) for line in text[s:e].split("\n")))
        pos = e
    pieces.append(text[pos:])
    return "".join(pieces)


class Covered:
    """Which offsets and stretches the given spans (quotations) cover, by binary search:
    the furthest end reached by the spans that start before a point tells."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max))

    def __call__(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a span."""
        before = bisect_right(self.starts, pos)
        return before > 0 and self.reach[before - 1] > pos

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span overlaps ``[start, end)``."""
        before = bisect_left(self.starts, end)
        return before > 0 and self.reach[before - 1] > start
