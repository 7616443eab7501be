"""One article's quotations: the rules of its language, then the speakers.

English copy goes through the direct and indirect finders, the trained speaker chooser and
the learned reported clauses; copy in another language with resources of its own
(``wiredesk.quotes.languages``) through the one multilingual finder.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from wiredesk.articles import parse_dateline
from wiredesk.entities import Mention
from wiredesk.quotes.attribution import Attribution
from wiredesk.quotes.chooser import choose_speakers
from wiredesk.quotes.clauses import find_learned
from wiredesk.quotes.direct import find_direct
from wiredesk.quotes.hyphenated import join_hyphenated
from wiredesk.quotes.indirect import find_indirect
from wiredesk.quotes.layout import Layout
from wiredesk.quotes.marks import DOUBLED_MARKS, normalise_marks
from wiredesk.quotes.model import Quote
from wiredesk.quotes.speakers import SpeakerResolver
from wiredesk.quotes.training.labels import surname as source_surname

__all__ = ["find_quotes", "source_surname"]


def find_quotes(text: str, mentions: Sequence[Mention], language: str | None = "en") -> list[Quote]:
    """Direct, partial and indirect quotations of one article, in text order.

    ``mentions`` are the article's resolved entity mentions; speakers are resolved against
    them, so no language model runs here. ``language`` (ISO 639-1) chooses the rules; a
    language without rules gives no quotes, never English rules read over other copy. In
    English the rules find the quotes and their attribution, then the trained chooser picks
    each direct or partial quote's speaker among the candidates nearby and sets its
    calibrated confidence; a trained model adds reported clauses the rules leave out, in
    sentences with no quote.
    """
    if not text or not text.strip():
        return []
    if language not in (None, "en"):
        return _language_quotes(text, mentions, language)
    work = _blank_dateline(normalise_marks(text))
    layout = Layout(work)
    resolver = SpeakerResolver(work, join_hyphenated(work, mentions))
    attributions: dict[int, Attribution | None] = {}
    direct, quoted_spans = find_direct(work, layout, resolver, attributions)
    direct = choose_speakers(work, layout, resolver, direct, attributions)
    indirect = find_indirect(work, layout, resolver, quoted_spans)
    taken = [(q.start_char, q.end_char) for q in direct]
    indirect = [
        q for q in indirect if not any(s < q.end_char and q.start_char < e for s, e in taken)
    ]
    taken += [(q.start_char, q.end_char) for q in indirect]
    indirect += find_learned(work, layout, resolver, taken)
    if work is not text:
        direct = [_widen_to_doubled_marks(text, q) for q in direct]
    direct = [_drop_attribution_comma(q) for q in direct]
    return sorted(direct + indirect, key=lambda q: (q.start_char, q.end_char))


def _language_quotes(text: str, mentions: Sequence[Mention], language: str) -> list[Quote]:
    """Quotes of copy in a language with per-language resources (none for the others)."""
    from wiredesk.quotes.languages import resources_for
    from wiredesk.quotes.multilingual import find_language_quotes

    resources = resources_for(language)
    if resources is None:
        return []
    work = _blank_dateline(normalise_marks(text, typographic_wins=True))
    found = find_language_quotes(work, mentions, resources)
    if work is not text:
        found = [_widen_to_doubled_marks(text, q) if q.kind != "indirect" else q for q in found]
    return found


def _blank_dateline(text: str) -> str:
    """Blank the dateline that opens wire copy ("GENEVA, Nov 16 (Northwire) - "), so the
    place is never read as a speaker and reported clauses do not start with it."""
    dateline = parse_dateline(text[:200])
    if dateline is None:
        return text
    return " " * dateline.end + text[dateline.end :]


def _drop_attribution_comma(quote: Quote) -> Quote:
    """'"We are ready," she said' quotes "We are ready": the comma belongs to the sentence
    that carries the attribution, not to the words spoken (the span keeps it)."""
    trimmed = quote.text.rstrip()
    if not trimmed.endswith(","):
        return quote
    return replace(quote, text=trimmed[:-1].rstrip())


def _widen_to_doubled_marks(text: str, quote: Quote) -> Quote:
    """Spans found on the normalised text start and end on one half of a doubled mark."""
    start, end = quote.start_char, quote.end_char
    if start > 0 and text[start - 1 : start + 1] in DOUBLED_MARKS:
        start -= 1
    if text[end - 1 : end + 1] in DOUBLED_MARKS:
        end += 1
    if (start, end) == (quote.start_char, quote.end_char):
        return quote
    return replace(quote, start_char=start, end_char=end)
