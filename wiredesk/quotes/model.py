"""The quotation record every later stage (tables, speaker pages) reads."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("direct", "partial", "indirect")


@dataclass(frozen=True)
class Quote:
    """One quotation or piece of reported speech, with offsets into the article text.

    ``start_char:end_char`` covers the marks for direct and partial quotes (first opening
    mark to last closing mark) and the reported clause for indirect speech, so the span can
    be highlighted in the original text without re-tokenising it.
    """

    kind: str
    text: str
    start_char: int
    end_char: int
    paragraph: int
    speaker: str | None
    speaker_mention: str | None
    speaker_entity_key: str | None
    cue: str | None
    confidence: float
