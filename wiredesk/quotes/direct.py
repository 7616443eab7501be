"""Direct and partial quotations: quoted stretches that are someone's words, not names.

A quoted stretch becomes a quote when it is attributed (a cue next to it or in its
sentence) or long enough to be speech; short quoted names, titles and scare quotes without
a speech cue nearby are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wiredesk.quotes.attribution import (
    Attribution,
    after_quote,
    before_quote,
    is_attribution_only,
    phrase_after,
    sentence_subject,
    subject_before,
)
from wiredesk.quotes.cues import FRAMING_FORMS, find_cues
from wiredesk.quotes.layout import Layout, mask_spans, sentence_spans
from wiredesk.quotes.marks import Quoted, find_quoted, inner_text
from wiredesk.quotes.model import Quote
from wiredesk.quotes.speakers import Speaker, SpeakerResolver

#: Words right before a quoted stretch that make it a name or a term, not speech.
NAMING = re.compile(
    r"(?:so-called|so called|dubbed|nicknamed|named|titled|entitled|known\s+as|called|"
    r"the\s+(?:ship|vessel|tanker|frigate|book|novel|film|movie|song|album|show|series|"
    r"hashtag|slogan|term|word|phrase|operation|plan|program|programme|campaign|project|"
    r"initiative|motto|headline|article|essay|report|documentary|play|brand|label)|"
    r"operation|hashtag)\s*$",
    re.IGNORECASE,
)
SHORT_WORDS = 3


@dataclass
class Candidate:
    """A quoted stretch with what is known about it so far."""

    quoted: Quoted
    attribution: Attribution | None = None
    floor: int = 0  # start of the sentence the quote starts in
    limit: int = 0  # end of the sentence the quote ends in


def _merge_interrupted(text: str, quoted: list[Quoted], layout: Layout) -> list[Candidate]:
    """Join "…," she said, "…" into one candidate carrying its attribution."""
    merged: list[Candidate] = []
    for q in quoted:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.quoted.balanced
            and not prev.quoted.single
            and not q.single
            and layout.paragraph_of(prev.quoted.end - 1) == layout.paragraph_of(q.start)
        ):
            gap = is_attribution_only(text, prev.quoted.end, q.start)
            if gap is not None and (prev.attribution is None or prev.attribution == gap):
                following = after_quote(text, q.end, _line_end(text, q.end))
                if following is None or following.cue_start > q.end + 40:
                    prev.quoted = Quoted(
                        prev.quoted.parts + q.parts,
                        balanced=prev.quoted.balanced and q.balanced,
                    )
                    prev.attribution = gap
                    continue
        merged.append(Candidate(q))
    return merged


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end == -1 else end


def _sentence_bounds(masked: str, layout: Layout, start: int, end: int) -> tuple[int, int]:
    """Start of the sentence containing ``start`` and end of the one containing ``end``."""
    p_first = layout.paragraphs[layout.paragraph_of(start)]
    p_last = layout.paragraphs[layout.paragraph_of(max(start, end - 1))]
    floor, limit = p_first[0], p_last[1]
    for s, e in sentence_spans(masked, *p_first):
        if s <= start < e:
            floor = s
            break
    for s, e in sentence_spans(masked, *p_last):
        if s <= max(start, end - 1) < e:
            limit = max(e, end)
            break
    return floor, limit


def _is_name_like(inner: str) -> bool:
    """Title Case without final punctuation: "Northern Star", "Blue Corridor"."""
    words = re.findall(r"[\w'\u2019-]+", inner)
    if not words or len(words) > 6 or inner.rstrip(" ,")[-1:] in "!?":
        return False
    small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "de"}
    return all(w[:1].isupper() or w.lower() in small or w[:1].isdigit() for w in words)


def _framed(text: str, floor: int, pos: int) -> bool:
    """A single quoted word counts when a speech or framing verb sits just before it."""
    words = re.findall(r"[A-Za-z]+", text[max(floor, pos - 60) : pos])[-5:]
    return any(w.lower() in FRAMING_FORMS or find_cues(w) for w in words)


def _sentence_cue(
    text: str, floor: int, limit: int, quote: Quoted, spans: list[tuple[int, int]]
) -> Attribution | None:
    """The cue of the sentence a partial quote sits in, and its subject."""

    def outside(pos: int) -> bool:
        return not any(s <= pos < e for s, e in spans)

    cues = [c for c in find_cues(text, floor, limit) if outside(c[0])]
    for match in re.finditer(r"\b[A-Za-z]+\b", text[floor:limit]):
        if match.group().lower() in FRAMING_FORMS and outside(floor + match.start()):
            cues.append((floor + match.start(), floor + match.end(), "call"))
    before = sorted(c for c in cues if c[1] <= quote.start)
    after = sorted(c for c in cues if c[0] >= quote.end)
    for c_start, c_end, stem in reversed(before):
        if stem == "according":
            span = phrase_after(text, c_end, limit)
        else:
            span = subject_before(text, c_start, floor)
        if span is not None:
            return Attribution(c_start, c_end, span[0], span[1])
    for c_start, c_end, _stem in after:
        span = subject_before(text, c_start, quote.end) or phrase_after(text, c_end, limit)
        if span is not None:
            return Attribution(c_start, c_end, span[0], span[1])
    return None


def find_direct(
    text: str, layout: Layout, resolver: SpeakerResolver
) -> tuple[list[Quote], list[tuple[int, int]]]:
    """Direct and partial quotes, plus every quoted span (so indirect speech can avoid them)."""
    quoted = find_quoted(text, layout)
    spans = [(q.start, q.end) for q in quoted]
    masked = mask_spans(text, [(s + 1, e - 1) for s, e in spans])
    candidates = _merge_interrupted(text, quoted, layout)
    quotes: list[Quote] = []
    previous: Quote | None = None
    for cand in candidates:
        q = cand.quoted
        inner = inner_text(text, q)
        if not any(ch.isalpha() for ch in inner) or "<" in inner or "=" in inner:
            continue  # numbers, markup attributes
        floor, limit = _sentence_bounds(masked, layout, q.start, q.end)
        lead = text[floor : q.start].strip()
        closed = inner[-1:] in ".!?" and bool(re.match(r"\s+[A-Z]", text[q.end : q.end + 3]))
        attribution = cand.attribution or after_quote(text, q.end, limit, closed)
        if attribution is None:
            attribution = before_quote(text, floor, q.start)
        if attribution is None and lead.endswith(":"):
            attribution = _subject_attribution(text, floor, q.start, resolver)
        starts_clause = (
            not lead
            or lead.endswith(":")
            or (lead.endswith(",") and attribution is not None)
            or (attribution is not None and inner[:1].isupper())
        )
        n_words = len(inner.split())
        kind = "direct" if starts_clause and n_words > SHORT_WORDS - 1 else "partial"
        confidence = 0.9 if attribution is not None else 0.6
        if kind == "partial":
            naming = NAMING.search(text[max(0, q.start - 40) : q.start])
            if naming is not None and cand.attribution is None:
                continue
            if attribution is None or attribution.cue_start > q.end + 60:
                attribution = _sentence_cue(text, floor, limit, q, spans) or attribution
            if attribution is None and n_words <= SHORT_WORDS:
                continue  # scare quotes without anyone speaking
            if _is_name_like(inner) or (n_words == 1 and not _framed(text, floor, q.start)):
                continue  # titles, nicknames, single words used as terms
            confidence = 0.75 if attribution is not None else 0.4
            if attribution is None:
                attribution = _subject_attribution(text, floor, q.start, resolver)
        speaker = Speaker(None, None, None)
        cue: str | None = None
        if attribution is not None:
            speaker = resolver.resolve(attribution.speaker_start, attribution.speaker_end)
            cue = attribution.cue(text) or None
        elif kind == "direct":
            inherited = _inherit(text, layout, resolver, q, previous)
            if inherited is not None:
                speaker, cue = inherited
                confidence = 0.7
        if not q.balanced:
            confidence -= 0.3
        if q.single:
            confidence -= 0.1
        quote = Quote(
            kind=kind,
            text=inner,
            start_char=q.start,
            end_char=q.end,
            paragraph=layout.paragraph_of(q.start),
            speaker=speaker.name,
            speaker_mention=speaker.mention,
            speaker_entity_key=speaker.entity_key,
            cue=cue,
            confidence=round(max(0.05, min(1.0, confidence)), 2),
        )
        quotes.append(quote)
        if kind == "direct":
            previous = quote
    return quotes, spans


def _inherit(
    text: str, layout: Layout, resolver: SpeakerResolver, q: Quoted, previous: Quote | None
) -> tuple[Speaker, str | None] | None:
    """An unattributed quote paragraph: the speaker named at the end of the previous
    paragraph ("Brandt said:") or, by wire convention, the speaker of the quote before."""
    para = layout.paragraph_of(q.start)
    if para > 0:
        p_start, p_end = layout.paragraphs[para - 1]
        tail = text[p_start:p_end].rstrip()
        if tail.endswith(":"):
            last = max(p_start, _last_sentence(text, p_start, p_end))
            found = before_quote(text, last, p_end) or _subject_attribution(
                text, last, p_end, resolver
            )
            if found is not None:
                speaker = resolver.resolve(found.speaker_start, found.speaker_end)
                return speaker, found.cue(text) or None
    if previous is not None and para - previous.paragraph <= 1 and previous.speaker_mention:
        return (
            Speaker(previous.speaker, previous.speaker_mention, previous.speaker_entity_key),
            previous.cue,
        )
    return None


def _subject_attribution(
    text: str, floor: int, pos: int, resolver: SpeakerResolver
) -> Attribution | None:
    """No cue, but the sentence leading into the quote names who speaks ("Cruz continued:")."""
    span = sentence_subject(text, floor, pos, resolver.mentions)
    if span is None:
        return None
    return Attribution(pos, pos, span[0], span[1])


def _last_sentence(text: str, start: int, end: int) -> int:
    spans = sentence_spans(text, start, end)
    return spans[-1][0] if spans else start
