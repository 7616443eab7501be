"""Quotations and their speakers."""

from __future__ import annotations

from collections.abc import Sequence

from wiredesk.entities.mention import Mention
from wiredesk.quotes.direct import find_direct
from wiredesk.quotes.indirect import find_indirect
from wiredesk.quotes.layout import Layout
from wiredesk.quotes.model import Quote
from wiredesk.quotes.speakers import SpeakerResolver

__all__ = ["Quote", "find_quotes"]


def find_quotes(text: str, mentions: Sequence[Mention]) -> list[Quote]:
    """Direct, partial and indirect quotations of one article, in text order.

    ``mentions`` are the article's resolved entity mentions; speakers are resolved against
    them, so no language model runs here.
    """
    if not text or not text.strip():
        return []
    layout = Layout(text)
    resolver = SpeakerResolver(text, mentions)
    direct, quoted_spans = find_direct(text, layout, resolver)
    indirect = find_indirect(text, layout, resolver, quoted_spans)
    taken = [(q.start_char, q.end_char) for q in direct]
    indirect = [
        q for q in indirect if not any(s < q.end_char and q.start_char < e for s, e in taken)
    ]
    return sorted(direct + indirect, key=lambda q: (q.start_char, q.end_char))
