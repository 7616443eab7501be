"""What the quote tests share: mentions placed in invented text, candidates and features."""

from __future__ import annotations

from wiredesk.entities.mention import Mention
from wiredesk.quotes.candidates import FEATURES, Candidate, CandidateBuilder
from wiredesk.quotes.direct import find_direct
from wiredesk.quotes.layout import Layout
from wiredesk.quotes.model import Quote
from wiredesk.quotes.speakers import SpeakerResolver


def mentions_for(text: str, entities: list[tuple[str, str, str]]) -> list[Mention]:
    """A mention for every occurrence of each (surface, type, full name), longer surfaces
    first and none inside another, as a recogniser gives them."""
    found: list[Mention] = []
    for surface, type_, name in sorted(entities, key=lambda e: -len(e[0])):
        start = text.find(surface)
        while start != -1:
            end = start + len(surface)
            if not any(m.start_char < end and start < m.end_char for m in found):
                found.append(Mention(surface, type_, start, end, name))
            start = text.find(surface, end)
    return sorted(found, key=lambda m: m.start_char)


def candidates_of_quotes(
    text: str, entities: list[tuple[str, str, str]]
) -> list[tuple[Quote, list[Candidate]]]:
    """Each direct quote of ``text`` with the speaker candidates the chooser ranks."""
    layout = Layout(text)
    resolver = SpeakerResolver(text, mentions_for(text, entities))
    attributions: dict = {}
    quotes, _ = find_direct(text, layout, resolver, attributions)
    builder = CandidateBuilder(text, layout, resolver)
    return [(q, builder.candidates(q, attributions.get(q.start_char))) for q in quotes]


def feature(candidate: Candidate, name: str) -> float:
    return candidate.features[FEATURES.index(name)]
