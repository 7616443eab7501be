"""Direct and partial quotations: quoted stretches that are someone's words, not names.

A quoted stretch becomes a quote when it is attributed (a cue next to it or in its
sentence) or long enough to be speech; short quoted names, titles and scare quotes without
a speech cue nearby are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from wiredesk.entities import is_dateline_place
from wiredesk.quotes.attribution import (
    Attribution,
    after_quote,
    before_quote,
    is_attribution_only,
    is_attribution_sentence,
    opening_description,
    phrase_after,
    sentence_subject,
    subject_before,
)
from wiredesk.quotes.cues import FRAMING_FORMS, cue_stem, find_cues
from wiredesk.quotes.headlines import headline_speaker, headline_subject, is_headline
from wiredesk.quotes.layout import Covered, Layout, sentence_spans
from wiredesk.quotes.marks import (
    TURN_LABEL,
    Quoted,
    find_quoted,
    has_speech_mark,
    inner_text,
    is_mark,
)
from wiredesk.quotes.model import Quote
from wiredesk.quotes.patterns import trie_pattern
from wiredesk.quotes.sentence_sources import owned_saying
from wiredesk.quotes.speakers import Speaker, SpeakerResolver, key_of
from wiredesk.quotes.terms import Evidence, keeps

#: Words right before a quoted stretch that make it a name or a term, not speech.
NAMING = re.compile(
    r"(?:(?:so-called|so called|dubbed|nicknamed|named|titled|entitled|known\s+as|called|calls?)"
    r"(?:\s+(?:the|a|an|it|its|his|her|their))?|"
    r"the\s+(?:ship|vessel|tanker|frigate|book|novel|film|movie|song|album|show|series|"
    r"hashtag|slogan|term|word|phrase|operation|plan|program|programme|campaign|project|"
    r"initiative|motto|headline|article|essay|report|documentary|play|brand|label)|"
    r"operation|hashtag)\s*$",
    re.IGNORECASE,
)
SHORT_WORDS = 3
_FIRST_WORD_CHAR = re.compile(r"\W*(\w)")
_ENDS_AFTER = re.compile(r"[ \t\u00a0]*(?:\n|$|[.!?])")
_NAME_WORD = re.compile(r"[\w'\u2019-]+")
_LETTERS = re.compile(r"[A-Za-z]+")
_NEXT_SENTENCE = re.compile(r"\s+[A-Z]")


@dataclass
class Candidate:
    """A quoted stretch with what is known about it so far."""

    quoted: Quoted
    attribution: Attribution | None = None
    floor: int = 0  # start of the sentence the quote starts in
    limit: int = 0  # end of the sentence the quote ends in


def _merge_interrupted(text: str, quoted: list[Quoted], layout: Layout) -> list[Candidate]:
    """Join "…," she said, "…" into one candidate carrying its attribution, and likewise
    "…," she said. "…" when the second quote has no attribution of its own."""
    merged: list[Candidate] = []
    for q in quoted:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.quoted.balanced
            and not inner_text(text, prev.quoted).endswith(".")
            and not prev.quoted.single
            and not q.single
            and layout.paragraph_of(prev.quoted.end - 1) == layout.paragraph_of(q.start)
        ):
            gap = None
            if len(find_cues(text, prev.quoted.end, q.start)) == 1:
                # one cue only: '…," he said, adding: "…' is two statements
                gap = is_attribution_only(text, prev.quoted.end, q.start)
                if gap is None and _opens_sentence(text, q) and _ends_sentence(text, q):
                    gap = is_attribution_sentence(text, prev.quoted.end, q.start)
            if gap is not None and (prev.attribution is None or prev.attribution == gap):
                closed = inner_text(text, q)[-1:] in ".!?"
                following = after_quote(text, q.end, _line_end(text, q.end), closed)
                if following is None or following.cue_start > q.end + 40:
                    prev.quoted = Quoted(
                        prev.quoted.parts + q.parts,
                        balanced=prev.quoted.balanced and q.balanced,
                    )
                    prev.attribution = gap
                    continue
        merged.append(Candidate(q))
    return merged


def _opens_sentence(text: str, q: Quoted) -> bool:
    """The quote starts with a capital or an elision, as a quoted sentence does."""
    first = _FIRST_WORD_CHAR.match(text[q.start : q.start + 8])
    return first is not None and (first.group(1).isupper() or first.group(1).isdigit())


def _ends_sentence(text: str, q: Quoted) -> bool:
    """The quote closes its sentence: final punctuation inside the marks, or nothing after."""
    inner = inner_text(text, q)
    if inner[-1:] in ".!?,\u2026":
        return True
    return _ENDS_AFTER.match(text[q.end : q.end + 4]) is not None


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end == -1 else end


def _sentence_bounds(layout: Layout, start: int, end: int) -> tuple[int, int]:
    """Start of the sentence containing ``start`` and end of the one containing ``end``."""
    first, last = layout.paragraph_of(start), layout.paragraph_of(max(start, end - 1))
    floor, limit = layout.paragraphs[first][0], layout.paragraphs[last][1]
    for s, e in layout.sentences(first):
        if s <= start < e:
            floor = s
            break
    for s, e in layout.sentences(last):
        if s <= max(start, end - 1) < e:
            limit = max(e, end)
            break
    return floor, limit


def _is_name_like(inner: str) -> bool:
    """Title Case without final punctuation: "Northern Star", "Blue Corridor"."""
    words = _NAME_WORD.findall(inner)
    if not words or len(words) > 6 or inner.rstrip(" ,")[-1:] in "!?":
        return False
    small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "de", "is", "with"}
    return all(w[:1].isupper() or w.lower() in small or w[:1].isdigit() for w in words)


def _framed(text: str, floor: int, pos: int) -> bool:
    """A single quoted word counts when a speech or framing verb sits just before it."""
    words = _LETTERS.findall(text[max(floor, pos - 60) : pos])[-5:]
    return any(w.lower() in FRAMING_FORMS or cue_stem(w) for w in words)


def _person_names(
    text: str,
    naming: str,
    floor: int,
    limit: int,
    quote: Quoted,
    quoted: Covered,
    resolver: SpeakerResolver,
) -> bool:
    """Whether a quoted name comes from a person calling something so ("Lee called the
    plan "a betrayal"", "Lee dubbed him "the little senator""): those are the person's
    words. A title ("the book "…"", "so-called "…"", "titled "…"") and a name given by no
    one in particular ("a group called "…"") are not quotes."""
    verb = naming.split()[0].lower() if naming.split() else ""
    if verb not in _CALLING:
        return False
    found, _ = _sentence_cue(text, floor, limit, quote, quoted, resolver)
    if found is None or found.cue_end > quote.start:
        return False
    speaker = resolver.resolve(found.speaker_start, found.speaker_end)
    if speaker.mention is None:
        return False
    inside = resolver.mentions_in(found.speaker_start, found.speaker_end)
    pronoun = speaker.mention.lower() in ("he", "she", "they", "we", "i", "who")
    return pronoun or any(m.type == "PERSON" for m in inside)


def _speaker_label(
    text: str, floor: int, pos: int, resolver: SpeakerResolver
) -> Attribution | None:
    """A name and a colon opening the sentence ("PENCE: Gennifer Flowers will not …"), not
    when the name is a dateline's place ("NEW DELHI: …")."""
    found = headline_speaker(text, floor, pos)
    if found is None:
        return None
    named = resolver.mentions_in(found.speaker_start, found.speaker_end)
    if named and all(is_dateline_place(text, m) for m in named):
        return None
    return found


#: Verbs by which someone names a thing in their own words.
_CALLING = frozenset("called calls call dubbed dubs nicknamed".split())


def _sentence_cue(
    text: str,
    floor: int,
    limit: int,
    quote: Quoted,
    quoted: Covered,
    resolver: SpeakerResolver,
) -> tuple[Attribution | None, bool]:
    """The cue of the sentence a partial quote sits in and its subject, and whether the
    sentence has a speech or framing cue at all (evidence of speech even when the subject
    cannot be found)."""

    cues = [c for c in find_cues(text, floor, limit) if not quoted(c[0])]
    for match in _FRAMING.finditer(text, floor, limit):
        if not quoted(match.start()):
            cues.append((match.start(), match.end(), "call"))
    if not cues:
        return None, False
    start, end = quote.start, quote.end
    before = sorted(c for c in cues if c[1] <= start)
    after = sorted(c for c in cues if c[0] >= end)
    for c_start, c_end, stem in reversed(before):
        if stem == "according":
            span = phrase_after(text, c_end, limit)
        elif text[c_start:c_end].lower().endswith("ing") and text[:c_start].rstrip().endswith(","):
            # "…, saying …": the participle shares the subject of the clause it hangs on
            span = _main_subject(text, floor, c_start, cues, resolver)
        else:
            span = subject_before(text, c_start, floor)
        if span is not None:
            outer = _reporting(text, span, before, floor)
            if outer is not None:
                return outer, True
            return Attribution(c_start, c_end, span[0], span[1]), True
    for c_start, c_end, _stem in after:
        span = subject_before(text, c_start, end)
        if span is None and not text[end:c_start].strip(" ,\u2014\u2013-"):
            span = phrase_after(text, c_end, limit)  # inverted: '"…," said Brandt'
        if span is None:
            span = sentence_subject(text, floor, start, resolver.mentions)
        if span is not None:
            return Attribution(c_start, c_end, span[0], span[1]), True
    return None, True


def _outer_report(
    text: str, floor: int, attribution: Attribution, quoted: Covered
) -> Attribution | None:
    """The report that the cue right before a quote sits in, when that cue's subject
    follows another cue ("said he asks"), as ``_reporting`` reads a sentence's cue."""
    cues = [c for c in find_cues(text, floor, attribution.speaker_start) if not quoted(c[0])]
    span = (attribution.speaker_start, attribution.speaker_end)
    return _reporting(text, span, sorted(cues), floor) if cues else None


_THAT = re.compile(r"\s*(?:that\s+)?$")


def _reporting(
    text: str, span: tuple[int, int], cues: list[tuple[int, int, str]], floor: int
) -> Attribution | None:
    """The outer attribution when the clause holding the quote is itself reported: in
    "Rep. Lund said Varga called it 'a mistake'" Lund is the source, Varga is what he
    says."""
    for c_start, c_end, stem in reversed(cues):
        if c_end > span[0]:
            continue
        if stem == "according" or not _THAT.match(text, c_end, span[0]):
            return None
        outer = subject_before(text, c_start, floor)
        return None if outer is None else Attribution(c_start, c_end, outer[0], outer[1])
    return None


def _main_subject(
    text: str,
    floor: int,
    pos: int,
    cues: list[tuple[int, int, str]],
    resolver: SpeakerResolver,
) -> tuple[int, int] | None:
    """Subject of the finite cue before a participle ("she said, adding …"), else the
    subject the sentence opens with."""
    for c_start, c_end, _stem in sorted(cues, reverse=True):
        if c_end > pos or text[c_start:c_end].lower().endswith("ing"):
            continue
        span = subject_before(text, c_start, floor) or phrase_after(text, c_end, pos)
        if span is not None:
            return span
    return sentence_subject(text, floor, pos, resolver.mentions)


#: (As a trie: a case-blind pattern compares every choice at every word start.)
_FRAMING = re.compile(r"\b" + trie_pattern(sorted(FRAMING_FORMS)) + r"\b", re.IGNORECASE)


def find_direct(
    text: str,
    layout: Layout,
    resolver: SpeakerResolver,
    attributions: dict[int, Attribution | None] | None = None,
) -> tuple[list[Quote], list[tuple[int, int]]]:
    """Direct and partial quotes, plus every quoted span (so indirect speech can avoid them).

    ``attributions``, when given, receives the attribution the rules used for each quote,
    by its start offset (the speaker chooser weighs it against the other candidates).
    """
    quoted = find_quoted(text, layout)
    spans = [(q.start, q.end) for q in quoted]
    resolver.set_quoted(spans)
    layout.mask_quotes(spans)
    covered = Covered(spans)
    candidates = _merge_interrupted(text, quoted, layout)
    quotes: list[Quote] = []
    previous: Quote | None = None
    last_cue: tuple[int, int] | None = None
    for cand in candidates:
        q = cand.quoted
        q_start, q_end = q.start, q.end
        inner = inner_text(text, q)
        if not any(ch.isalpha() for ch in inner) or "<" in inner or "=" in inner:
            continue  # numbers, markup attributes
        if not is_mark(text[q_start]) and cand.attribution is None:
            continue  # a stray closing mark: where its quote began is unknown
        floor, limit = _sentence_bounds(layout, q_start, q_end)
        lead = text[floor:q_start].strip()
        closed = inner[-1:] in ".!?" and bool(_NEXT_SENTENCE.match(text[q_end : q_end + 3]))
        label = TURN_LABEL.match(text, q_start + 1, q_end)
        if label is not None and cand.attribution is None:
            # "PENCE: Well, …": the transcript names who speaks.
            cand.attribution = Attribution(
                label.end(1), label.end(1) + 1, label.start(1), label.end(1)
            )
        attribution = cand.attribution or after_quote(text, q_end, limit, closed)
        if attribution is None:
            attribution = before_quote(text, floor, q_start)
            if attribution is not None:
                # "The senator said he rarely asks surrogates, "…"": the outer report's
                attribution = _outer_report(text, floor, attribution, covered) or attribution
        if attribution is None and lead.endswith(":"):
            attribution = _subject_attribution(text, floor, q_start, resolver)
        starts_clause = (
            not lead
            or lead.endswith(":")
            or (lead.endswith(",") and attribution is not None)
            or (attribution is not None and inner[:1].isupper())
        )
        n_words = len(inner.split())
        kind = "direct" if starts_clause and n_words > SHORT_WORDS - 1 else "partial"
        headline = q.single and _in_headline(text, layout, floor, q_start)
        if kind == "direct" and cand.attribution is None and _is_name_like(inner) and not headline:
            continue  # a show, book or film title after "said on", not speech
        confidence = 0.9 if attribution is not None else 0.6
        if headline:
            # Headlines set quotations in single marks: "Obama: Trends Are 'Terrifying'".
            kind, confidence = "partial", 0.6
            attribution = attribution or headline_speaker(text, floor, q_start)
            attribution = attribution or headline_subject(text, floor, q_start)
        elif kind == "partial":
            naming = NAMING.search(text[max(0, q_start - 40) : q_start])
            dropped = ""  # why the rules would leave the phrase out, if they would
            if naming is not None and cand.attribution is None:
                if not _person_names(text, naming.group(), floor, limit, q, covered, resolver):
                    dropped = "naming"
            spoken = attribution is not None
            if (
                attribution is None
                or attribution.cue_start > q_end + 60
                or _runs_on(text, q_end, attribution)
            ):
                found, spoken_here = _sentence_cue(text, floor, limit, q, covered, resolver)
                attribution = found or attribution
                spoken = spoken or spoken_here
            if attribution is None:
                attribution = owned_saying(text, q_start, resolver.mentions_in(floor, q_start))
            if attribution is None:
                attribution = _speaker_label(text, floor, q_start, resolver)
            spoken = spoken or attribution is not None
            if not dropped and not spoken and n_words <= SHORT_WORDS:
                dropped = "unspoken"  # scare quotes without anyone speaking
            reported = attribution is not None and attribution.cue_end <= q_start
            # '"Really," she added': one word that opens its sentence and is attributed
            # right after is a reply, not a term.
            replied = (
                not lead
                and inner[-1:] in ",!?."
                and attribution is not None
                and attribution.cue_start >= q_end
            )
            framed = _framed(text, floor, q_start)
            if not dropped and (
                (_is_name_like(inner) and not replied)
                or (n_words == 1 and not reported and not replied and not framed)
            ):
                dropped = "term"  # titles, nicknames, single words used as terms
            confidence = 0.75 if attribution is not None else 0.4
            if dropped:
                evidence = Evidence(
                    dropped,
                    inner,
                    spoken,
                    reported,
                    framed,
                    naming.group() if naming is not None else "",
                    q.single,
                )
                if not keeps(text, q_start, q_end, floor, limit, evidence):
                    continue
                confidence -= 0.3  # a phrase the rules alone would leave out
                if attribution is None or attribution.cue_start >= q_end:
                    # no cue before it: a term is the wording of the sentence's subject
                    # ('the Sanders campaign rejected the idea as "ludicrous"')
                    opening = opening_description(text, floor, q_start)
                    if opening is not None:
                        attribution = Attribution(q_start, q_start, *opening)
                    else:
                        attribution = (
                            _subject_attribution(text, floor, q_start, resolver) or attribution
                        )
            if attribution is None:
                opening = opening_description(text, floor, q_start)
                if opening is not None:
                    attribution = Attribution(q_start, q_start, *opening)
                else:
                    attribution = _subject_attribution(text, floor, q_start, resolver)
        speaker = Speaker(None, None, None)
        cue: str | None = None
        if attribution is not None:
            speaker = resolver.resolve(attribution.speaker_start, attribution.speaker_end)
            cue = attribution.cue(text) or None
        elif (
            kind == "direct"
            and quotes
            and quotes[-1] is previous
            and _continues(text, layout, previous, q, spans)
        ):
            quotes[-1] = previous = _extend(previous, q, inner)
            continue
        elif kind == "direct":
            inherited = _inherit(text, layout, resolver, q, previous)
            if inherited is not None:
                speaker, cue = inherited
                confidence = 0.7 if cue else 0.5
        else:
            speaker = _nearest_person(layout, resolver, q_start) or speaker
        if not q.balanced:
            confidence -= 0.3
        if q.single:
            confidence -= 0.1
        if (
            kind == "partial"
            and quotes
            and quotes[-1].kind == "partial"
            and (
                attribution is None
                or last_cue == (attribution.cue_start, attribution.cue_end)
                or (speaker.mention is not None and speaker.mention == quotes[-1].speaker_mention)
            )
            and layout.paragraph_of(quotes[-1].start_char) == layout.paragraph_of(q_start)
            and _joins_fragments(text, quotes[-1].end_char, q_start)
        ):
            # Several quoted fragments of one statement, joined by a few words with no cue
            # of their own, with one cue, one speaker or no attribution: one quote.
            quotes[-1] = _extend(quotes[-1], q, inner)
            continue
        last_cue = (attribution.cue_start, attribution.cue_end) if attribution else None
        quote = Quote(
            kind=kind,
            text=inner,
            start_char=q_start,
            end_char=q_end,
            paragraph=layout.paragraph_of(q_start),
            speaker=speaker.name,
            speaker_mention=speaker.mention,
            speaker_entity_key=speaker.entity_key,
            cue=cue,
            confidence=round(max(0.05, min(1.0, confidence)), 2),
        )
        quotes.append(quote)
        if attributions is not None:
            attributions[quote.start_char] = attribution
        if kind == "direct":
            previous = quote
    return quotes, spans


#: Words a partial quote's sentence may go on for before an attribution after it is its own.
MAX_RUN_ON_WORDS = 4


def _runs_on(text: str, end: int, attribution: Attribution) -> bool:
    """Whether the cue after a partial quote belongs to a clause of its own: the sentence
    runs on past the quote ('Cruz says he is "tied for second" with Rubio, in a finish that
    he said …'), so the cue before the quote is what attributes it."""
    if attribution.cue_start < end:
        return False
    first = min(attribution.cue_start, attribution.speaker_start)
    return len(text[end:first].split()) > MAX_RUN_ON_WORDS


def _continues(
    text: str,
    layout: Layout,
    previous: Quote | None,
    q: Quoted,
    spans: list[tuple[int, int]],
) -> bool:
    """Whether an unattributed quote goes on with the attributed quote just before it in
    the same paragraph ('"…," she said after the vote. "…"'), or makes up the next
    paragraph by itself after a quote closed by its attribution: one statement, one quote.
    A quoted title in the attribution that was no quote itself ('"…," Lee said on NBC's
    "Meet the Press." "…"') does not part them; a stray mark does."""
    if previous is None or previous.speaker_mention is None or not q.balanced:
        return False
    if not _opens_sentence(text, q):
        return False
    para = layout.paragraph_of(q.start)
    gap = text[previous.end_char : q.start]
    if len(gap.split()) > MAX_GAP_WORDS:
        return False
    if has_speech_mark(gap):
        first = bisect_left(spans, (previous.end_char, 0))
        last = bisect_left(spans, (q.start, 0))
        inside = [(s, e) for s, e in spans[first:last] if e <= q.start]
        masked = list(gap)
        for s, e in inside:
            masked[s - previous.end_char : e - previous.end_char] = " " * (e - s)
        if has_speech_mark("".join(masked)):
            return False
    before = layout.paragraph_of(previous.end_char - 1)
    if para == before:
        return True
    # '"…," Carson continued.\n\n"…"': a paragraph that is one quote and nothing else
    # goes on with the statement that closed the paragraph before.
    p_start, p_end = layout.paragraphs[para]
    return (
        para == before + 1
        and q.start == p_start
        and not text[q.end : p_end].strip()
        and len(text[previous.end_char : layout.paragraphs[before][1]].split()) <= MAX_TAIL_WORDS
    )


def _joins_fragments(text: str, start: int, end: int) -> bool:
    """Two quoted fragments of one statement are joined by a comma or a conjunction
    ('"disgusting" and "a con"'), not by a clause of their own."""
    gap = text[start:end]
    return (
        len(gap.split()) <= MAX_FRAGMENT_GAP
        and not find_cues(text, start, end)
        and not _breaks_sentence(text, start, end)
    )


def _breaks_sentence(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends between two quotes ('…ready.” She said …')."""
    return _SENTENCE_BREAK.search(text, max(0, start - 2), end) is not None


_SENTENCE_BREAK = re.compile(r"[.!?][\"\u201d'\u2019]?\s+[\"\u201c]?[A-Z]")


def _extend(previous: Quote, q: Quoted, inner: str) -> Quote:
    return replace(previous, text=f"{previous.text} {inner}", end_char=q.end)


MAX_GAP_WORDS = 60
#: Words an attribution may take after a quote that closes its paragraph.
MAX_TAIL_WORDS = 12
MAX_FRAGMENT_GAP = 15


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
    nearest = _nearest_person(layout, resolver, q.start)
    return (nearest, None) if nearest is not None else None


def _nearest_person(layout: Layout, resolver: SpeakerResolver, pos: int) -> Speaker | None:
    """Last resort for a quote nobody is said to speak: the person the story was just
    about (the subject of the nearest sentence naming someone, in this paragraph or the
    one before), since a quote usually follows the sentence about its speaker."""
    para = layout.paragraph_of(pos)
    floor = layout.paragraphs[max(0, para - 1)][0]
    found = resolver.salient_person(pos)
    if found is None or found.start_char < floor:
        return None
    return Speaker(found.name, found.text, key_of(found))


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


def _in_headline(text: str, layout: Layout, floor: int, q_start: int) -> bool:
    """Whether a quotation in single marks is a headline's: in the text's opening headline,
    or in a later one (a related story's, set in the page) that names who speaks before
    it ("Mayor Tells Governors 'Put Them In Jail'"; a list of titles in marks names no one)."""
    paragraph = layout.paragraph_of(q_start)
    if not is_headline(text, layout, paragraph):
        return False
    if paragraph == 0:
        return True
    found = headline_speaker(text, floor, q_start) or headline_subject(text, floor, q_start)
    return found is not None
