"""Quotations in German, French, Spanish, Italian and Russian: one finder, per-language
resources (``wiredesk.quotes.languages``).

Quoted stretches are paired by the same rules as English copy (``marks``), plus ‹…› and
dialogue turns opened by a dash. A stretch is attributed by the verb of saying next to it:
after it, inverted or not ("…“, sagte der Minister", "…», a-t-il ajouté", "…», dijo", "…»,
— заявил Песков", "…“, so Merz"), or before it ("Merz sagte: „…“"), or anywhere in its
sentence for a quoted phrase inside reported speech. Reported speech is in ``reported``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from wiredesk.entities import Mention
from wiredesk.quotes.documents import document_sources
from wiredesk.quotes.languages import QuoteLanguage
from wiredesk.quotes.layout import Layout, mask_spans
from wiredesk.quotes.marks import find_quoted, inner_text
from wiredesk.quotes.model import Quote
from wiredesk.quotes.phrases import (
    LEFT_OUT,
    SUBORDINATORS,
    Word,
    cue_base,
    inserted_verb_speaker,
    inverted_pronoun,
    inverted_subject,
    names_a_quotation,
    opinion_cues,
    phrase_after,
    sentences,
    separable_cues,
    subject_before,
    with_apposition,
    words_in,
)
from wiredesk.quotes.reported import find_reported, source_before
from wiredesk.quotes.speaker_phrases import PhraseResolver
from wiredesk.quotes.speakers import Speaker

#: ‹ and › become the single marks the pairing rules read (same length, offsets kept).
_GUILLEMETS = str.maketrans("\u2039\u203a", "\u2018\u2019")
_DIALOGUE = re.compile(r"[ \t\u00a0]*[\u2014\u2013][ \t\u00a0]+(?=\w)")
#: Where a dialogue turn stops for its attribution: ", — заявил он", "—dijo—".
_TURN_BREAK = re.compile(r",?[ \t\u00a0]*[\u2014\u2013][ \t\u00a0]*(?=\w)")
_STOPS = ".;!?\u2026"
SHORT_WORDS = 4
#: A web address standing as a source's name ("news.bbc.co.uk", "icelandreview.com").
_WEB_ADDRESS = re.compile(r"(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?", re.IGNORECASE)


@dataclass
class Stretch:
    """A quoted stretch: its span (marks included), the words inside, how it was set."""

    start: int
    end: int
    inner: str
    balanced: bool = True
    dash: bool = False


@dataclass(frozen=True)
class Found:
    """An attribution: the cue's span and the speaker (span, or a subject left out)."""

    cue_start: int
    cue_end: int
    speaker: tuple[int, int] | None


def find_language_quotes(
    text: str, mentions: Sequence[Mention], lang: QuoteLanguage
) -> list[Quote]:
    """Direct, partial and reported quotations of one article in ``lang``, in text order."""
    work = text.translate(_GUILLEMETS)
    if lang.separable or lang.opinion_nouns:
        cues = separable_cues(work, lang) | opinion_cues(work, lang)
        lang = replace(lang, cue_starts=cues)
    layout = Layout(work)
    stretches = [
        Stretch(q.start, q.end, inner_text(work, q), q.balanced) for q in find_quoted(work, layout)
    ]
    if lang.dialogue_dash:
        stretches += _dialogue_turns(work, layout, stretches)
    stretches.sort(key=lambda s: s.start)
    masked = mask_spans(work, [(s.start + 1, s.end - 1) for s in stretches])
    if lang.document_verbs:
        documents = document_sources(masked, lang)
        lang = replace(
            lang, cue_starts=lang.cue_starts | documents.keys(), document_sources=documents
        )
    spans = [(s.start, s.end) for s in stretches]
    ends_shown = _sentence_ends_shown(work, masked, stretches)
    bounds = [
        b
        for p_start, p_end in layout.paragraphs
        for b in sentences(ends_shown, p_start, p_end, lang)
    ]
    resolver = PhraseResolver(work, mentions, lang)
    quotes: list[Quote] = []
    previous: Quote | None = None
    reported_until = -1  # where the last sentence with someone's quoted words ends
    for stretch in stretches:
        if not any(ch.isalpha() for ch in stretch.inner):
            continue
        floor, limit = _sentence_of(bounds, stretch.start, stretch.end, len(work))
        found = _after(work, masked, stretch.end, limit, lang) or _before(
            work, masked, floor, stretch.start, lang
        )
        lead = work[floor : stretch.start].strip()
        in_sentence = None
        if found is None:
            in_sentence = _sentence_cue(work, masked, floor, limit, spans, lang, _said)
            in_sentence = in_sentence or _sentence_cue(
                work, masked, floor, limit, spans, lang, _framed
            )
            in_sentence = in_sentence or _sentence_source(work, floor, limit, spans, lang)
            in_sentence = in_sentence or _reported_mood(
                work, floor, limit, spans, lang, weak=_right_after(work, reported_until, floor)
            )
        attribution = found or in_sentence
        n_words = len(stretch.inner.split())
        opens = not lead or lead.endswith(":") or stretch.dash
        kind = "direct" if (opens or (found and lead.endswith(","))) and n_words >= 3 else "partial"
        if attribution is None and not _speech_like(stretch, work, lang):
            continue
        if _named_term(stretch, work, lang):
            continue  # "der sogenannte „Blaue Korridor“", "le plan dit du « corridor bleu »"
        if kind == "partial" and (
            attribution is None
            or _name_like(stretch, work, lang)
            or _names_the_speaker(stretch, attribution, work)
        ):
            continue  # a title, a name, a term in quotation marks
        speaker = Speaker(None, None, None)
        cue = None
        confidence = 0.9 if found else 0.75
        if attribution is not None:
            cue = " ".join(work[attribution.cue_start : attribution.cue_end].split()) or None
            if attribution.speaker is not None:
                speaker = resolver.resolve(*attribution.speaker)
            else:
                speaker = resolver.zero()
        elif previous is not None and layout.paragraph_of(stretch.start) - previous.paragraph <= 1:
            speaker = Speaker(
                previous.speaker, previous.speaker_mention, previous.speaker_entity_key
            )
            confidence = 0.6
        else:
            confidence = 0.5
        if not (speaker.name or speaker.mention):
            topic = _topic_subject(work, masked, bounds, floor, stretch.start, lang)
            if topic is not None:  # "Der BGH widersprach … „Hier werden …“"
                speaker = resolver.resolve(*topic)
                confidence = min(confidence, 0.5)
        if not stretch.balanced:
            confidence -= 0.3
        quote = Quote(
            kind=kind,
            text=stretch.inner.rstrip(" ,"),
            start_char=stretch.start,
            end_char=stretch.end,
            paragraph=layout.paragraph_of(stretch.start),
            speaker=speaker.name,
            speaker_mention=speaker.mention,
            speaker_entity_key=speaker.entity_key,
            cue=cue,
            confidence=round(max(0.05, confidence), 2),
        )
        quotes.append(quote)
        if attribution is not None:
            reported_until = limit
        if kind == "direct" and (speaker.name or speaker.mention):
            previous = quote
    reported = find_reported(work, masked, bounds, layout, spans, quotes, resolver, lang)
    return sorted(quotes + reported, key=lambda q: (q.start_char, q.end_char))


def _sentence_ends_shown(text: str, masked: str, stretches: Sequence[Stretch]) -> str:
    """The masked text with the full stop that ends a quotation and its closing mark
    shown ("„Wir kommen.“ Aus Regierungskreisen hieß es, …"), so a sentence ends there."""
    chars: list[str] | None = None
    for stretch in stretches:
        last = stretch.end - 2  # the inner's last character, before the closing mark
        if last > stretch.start and text[last] in ".!?\u2026":
            chars = chars or list(masked)
            chars[last] = text[last]
    return masked if chars is None else "".join(chars)


def _sentence_of(bounds: list[tuple[int, int]], start: int, end: int, size: int) -> tuple[int, int]:
    floor, limit = 0, size
    for s, e in bounds:
        if s <= start < e:
            floor = s
        if s <= max(start, end - 1) < e:
            limit = max(e, end)
            break
    return floor, limit


def _dialogue_turns(text: str, layout: Layout, taken: list[Stretch]) -> list[Stretch]:
    """Paragraphs opening with a dash are speech: the turn runs to the dash that brings in
    its attribution, or to the end of the paragraph."""
    turns = []
    for p_start, p_end in layout.paragraphs:
        opener = _DIALOGUE.match(text, p_start, p_end)
        if opener is None or any(s.start < p_end and p_start < s.end for s in taken):
            continue
        begin = opener.end() - 1
        while text[begin].isspace():
            begin -= 1
        stop = _TURN_BREAK.search(text, opener.end(), p_end)
        end = stop.start() if stop else p_end
        while end > begin and text[end - 1].isspace():
            end -= 1
        inner = text[opener.end() : end].rstrip(" ,")
        turns.append(Stretch(begin, end, inner, dash=True))
    return turns


def _speech_like(stretch: Stretch, text: str, lang: QuoteLanguage) -> bool:
    """Without a verb of saying, only a stretch longer than a title or a name is speech."""
    if stretch.dash:
        return True
    if _after_naming_word(stretch, text, lang):
        return False
    return len(stretch.inner.split()) > SHORT_WORDS  # titles and names are short


def _name_like(stretch: Stretch, text: str, lang: QuoteLanguage) -> bool:
    """A quoted name, not words someone said, even in a sentence with a verb of saying:
    a web address ("laut „news.bbc.co.uk“"), several words that all start with a capital or
    a digit („Neues Deutschland“, « Le Monde »), a single capitalised word in a language
    whose nouns are not capitalised («Газпром»), or, where they are, one written right after
    the noun it names (der Fernsehsender „Silverbird“)."""
    tokens = stretch.inner.split()
    if not tokens or len(tokens) > 2 * SHORT_WORDS:
        return False
    if len(tokens) == 1 and _WEB_ADDRESS.fullmatch(tokens[0]):
        return True
    if lang.capitalised_nouns and _capitalised(tokens[0]) and _after_a_noun(stretch, text):
        return True  # die Wochenzeitung „Le Canard enchaîné“
    if not all(_capitalised(token) for token in tokens):
        return False
    return len(tokens) > 1 or not lang.capitalised_nouns


def _after_a_noun(stretch: Stretch, text: str) -> bool:
    """Whether the quotation follows a capitalised word of the same sentence directly, as a
    name follows the noun it names in German ("der Fernsehsender „Silverbird“")."""
    before = words_in(text, max(0, stretch.start - 40), stretch.start)
    if not before or text[before[-1].end : stretch.start].strip(" \t'\u2018\u201a"):
        return False  # nothing, or punctuation, between the word before and the quote
    previous = before[-1]
    sentence_start = len(before) == 1 or text[before[-2].end : previous.start].strip() in (
        ".",
        "!",
        "?",
    )
    return previous.text[:1].isupper() and not sentence_start


def _names_the_speaker(stretch: Stretch, attribution: Found, text: str) -> bool:
    """The quoted words are the subject of the verb of saying ("Das berichtete die
    „Automobilwoche“"): a name in quotation marks, not words someone said."""
    if attribution.speaker is None:  # the subject slot after the verb holds a quoted name
        between = text[attribution.cue_end : stretch.start].split()
        capitalised = all(_capitalised(token) for token in stretch.inner.split())
        return capitalised and stretch.start > attribution.cue_end and len(between) <= 1
    start, end = attribution.speaker
    return start <= stretch.start + 1 and stretch.end - 1 <= end


def _capitalised(token: str) -> bool:
    """A word starting with a capital or a digit (leading punctuation aside)."""
    head = token.lstrip("([\"'-")
    return bool(head) and (head[0].isupper() or head[0].isdigit())


def _after_naming_word(stretch: Stretch, text: str, lang: QuoteLanguage) -> bool:
    """One of the two words before the quotation is a naming word that brings it in."""
    before = words_in(text, max(0, stretch.start - 40), stretch.start)[-2:]
    return any(names_a_quotation(text, w, stretch.start, lang) for w in before)


def _named_term(stretch: Stretch, text: str, lang: QuoteLanguage) -> bool:
    """A short stretch brought in by a naming word ("sogenannte", "dit", "llamado") is a
    name or a term, whatever verb of saying its sentence has."""
    short = len(stretch.inner.split()) <= SHORT_WORDS
    return short and _after_naming_word(stretch, text, lang)


def _cue_index(words: list[Word], lang: QuoteLanguage) -> int | None:
    for i, word in enumerate(words):
        if cue_base(word, lang):
            return i
    return None


def _after(text: str, masked: str, pos: int, limit: int, lang: QuoteLanguage) -> Found | None:
    """Attribution right after a quotation: ', sagte Merz', ', a-t-il ajouté', ', so Merz'."""
    lead = re.match(r"[\s,\u2014\u2013-]*", text[pos:limit])
    start = pos + (lead.end() if lead else 0)
    if start >= limit or not text[start].isalpha():
        return None
    window_end = min(limit, start + 160)
    for i, ch in enumerate(masked[start:window_end]):
        if ch in _STOPS or ch in '\u201e\u00ab\u00bb"':
            window_end = start + i
            break
    words = words_in(text, start, window_end)
    if not words:
        return None
    marker = words[0].lower in lang.inverted_markers
    if marker:
        speaker = phrase_after(text, words[0].end, window_end, lang)
        return Found(words[0].start, words[0].end, speaker) if speaker else None
    i = _cue_index(words[:MAX_LEAD], lang)
    if i is None:
        return None
    return _around_cue(text, words, i, window_end, lang)


MAX_LEAD = 7


def _around_cue(
    text: str, words: list[Word], i: int, window_end: int, lang: QuoteLanguage
) -> Found:
    """The speaker of the cue ``words[i]``: a pronoun glued to it or to its auxiliary, the
    phrase before it, or the phrase after it (inverted); none when the subject is left out."""
    cue = words[i]
    helper = words[i - 1] if i else None
    begin = cue.start
    if helper is not None and (helper.lower in lang.auxiliaries or inverted_pronoun(helper)):
        begin = helper.start  # the whole verb: "a déclaré", "a-t-il ajouté", "ha detto"
    if cue.start in lang.document_sources:  # "In dem Bericht heißt es: „…“"
        return Found(begin, cue.end, lang.document_sources[cue.start])
    for word in (cue, helper):
        glued = inverted_pronoun(word) if word is not None else None
        if glued is not None:
            return Found(begin, cue.end, glued)
    pronoun = inverted_subject(text, cue, lang)
    if pronoun is not None:
        return Found(begin, cue.end, pronoun)
    inserted = inserted_verb_speaker(text, words, i, window_end, lang)
    if inserted is not None:  # "Die Lage, sagte Merz, sei „ernst“", "Su objetivo, dijo, …"
        speaker = None if inserted == LEFT_OUT else inserted
        return Found(begin, cue.end, with_apposition(text, speaker, window_end, lang))
    before = subject_before(_subordinate_clause(text, words[:i], lang), lang)
    if before is not None:
        return Found(begin, cue.end, before)
    if i and words[0].lower in lang.auxiliaries:  # "hatte VW-Chef Winterkorn … erklärt"
        after_aux = phrase_after(text, words[0].end, cue.start, lang)
        if after_aux is not None:
            return Found(begin, cue.end, after_aux)
    after = phrase_after(text, cue.end, window_end, lang)
    return Found(begin, cue.end, with_apposition(text, after, window_end, lang))


def _topic_subject(
    text: str,
    masked: str,
    bounds: list[tuple[int, int]],
    floor: int,
    pos: int,
    lang: QuoteLanguage,
) -> tuple[int, int] | None:
    """Who a quotation with no verb of saying is most likely from, where nouns are
    capitalised: the subject its own sentence opens with, else that of the sentence before
    ("Der BGH widersprach der Ansicht. „Hier werden …“")."""
    if not lang.capitalised_nouns:
        return None
    lead = [w for w in words_in(masked, floor, pos) if "x" * len(w.text) != w.text]
    if lead:
        return subject_before(lead, lang) if len(lead) > 1 else None
    before = [b for b in bounds if b[1] <= floor]
    if not before:
        return None
    words = [w for w in words_in(masked, *before[-1]) if "x" * len(w.text) != w.text]
    return subject_before(words, lang) if len(words) > 2 else None


def _subordinate_clause(text: str, words: list[Word], lang: QuoteLanguage) -> list[Word]:
    """The words of a subordinate clause the verb ends ("…, indem sie den Rat aufforderte",
    "…, dass er sagte"), whose subject is its own; otherwise all the words before the verb."""
    for k in range(len(words) - 1, 0, -1):
        if "," in text[words[k - 1].end : words[k].start]:
            first = words[k].lower
            if first in SUBORDINATORS or first in lang.complementisers:
                return words[k:]
            break
    return words


def _before(text: str, masked: str, floor: int, pos: int, lang: QuoteLanguage) -> Found | None:
    """Attribution leading into a quotation: 'Merz sagte: „', 'Dazu sagte Merz: „',
    'Le ministre a déclaré : «'."""
    lead = masked[floor:pos].rstrip()
    if not lead.endswith((":", ",")) and lead:
        words = words_in(masked, floor, pos)
        if not words or not cue_base(words[-1], lang):
            return None
    words = [w for w in words_in(masked, floor, pos) if "x" * len(w.text) != w.text]
    cut = max((k for k, w in enumerate(words) if _boundary_between(masked, words, k)), default=0)
    words = words[cut:]
    i = None
    for k in range(len(words) - 1, -1, -1):
        if cue_base(words[k], lang):
            i = k
            break
    if i is None:
        return None
    following = words[i + 1 :]
    if any(w.lower in lang.complementisers for w in following):
        return None  # "sagte, dass …": reported speech with a quoted phrase in it
    end = following[-1].end if following else words[i].end
    return _around_cue(text, words, i, end, lang)


def _boundary_between(masked: str, words: list[Word], k: int) -> bool:
    """Whether a sentence-internal stop (semicolon, colon) lies before ``words[k]``."""
    return k > 0 and any(ch in ";:" for ch in masked[words[k - 1].end : words[k].start])


def _words_outside(text: str, floor: int, limit: int, spans: list[tuple[int, int]]) -> list[Word]:
    """The words of ``text[floor:limit]`` that start outside every span of ``spans``."""
    near = [(s, e) for s, e in spans if s < limit and e > floor]
    return [w for w in words_in(text, floor, limit) if not any(s <= w.start < e for s, e in near)]


def _sentence_cue(
    text: str,
    masked: str,
    floor: int,
    limit: int,
    spans: list[tuple[int, int]],
    lang: QuoteLanguage,
    verb: Callable[[Word, QuoteLanguage], bool],
) -> Found | None:
    """The verb of saying (or of framing) of the sentence a quoted phrase sits in, outside
    quotations, with its subject."""
    words = _words_outside(text, floor, limit, spans)
    for i, word in enumerate(words):
        if verb(word, lang):
            end = limit
            for k in range(i + 1, len(words)):
                if masked[words[k - 1].end : words[k].start].strip(" \u00a0"):
                    end = words[k - 1].end
                    break
            return _around_cue(text, words, i, end, lang)
    return None


def _sentence_source(
    text: str, floor: int, limit: int, spans: list[tuple[int, int]], lang: QuoteLanguage
) -> Found | None:
    """A source named in the sentence of a quoted phrase ("Der Fall wird nach Angaben der
    Staatsanwaltschaft „sorgfältig“ geprüft", "laut Polizei", "dem Bericht zufolge")."""
    words = _words_outside(text, floor, limit, spans)
    lowered = [w.lower for w in words]
    for phrase in lang.according_to:
        parts = phrase.split()
        if phrase in lang.zero_sources or parts == ["wie"]:
            continue
        n = len(parts)
        for at in range(len(words) - n + 1):
            if lowered[at : at + n] != parts:
                continue
            cue = (words[at].start, words[at + n - 1].end)
            if parts[-1] == "zufolge":
                source = source_before(text, words, at, lang)
            else:
                source = phrase_after(text, cue[1], limit, lang)
            if source is not None:
                return Found(cue[0], cue[1], source)
    return None


def _said(word: Word, lang: QuoteLanguage) -> bool:
    return cue_base(word, lang)


def _framed(word: Word, lang: QuoteLanguage) -> bool:
    return word.lower in lang.framing


def _right_after(text: str, until: int, floor: int) -> bool:
    """Whether a sentence starting at ``floor`` follows the one ending at ``until`` in the
    same paragraph."""
    return 0 <= until <= floor and "\n" not in text[until:floor] and not text[until:floor].strip()


def _reported_mood(
    text: str,
    floor: int,
    limit: int,
    spans: list[tuple[int, int]],
    lang: QuoteLanguage,
    weak: bool = False,
) -> Found | None:
    """A quoted phrase in a sentence whose verb is in the reported mood ("Er habe sich
    „bewusst“ entschieden"): someone's words, said by whoever spoke last. With ``weak``
    (the sentence before quoted someone) the Konjunktiv II counts too ("Sie seien „…“.
    Die Ämter würden „…“"), as reported speech uses it where the first looks indicative."""
    if not lang.subjunctive:
        return None
    moods = lang.subjunctive | lang.subjunctive_weak if weak else lang.subjunctive
    for word in words_in(text, floor, limit):
        if word.lower in moods and not any(s <= word.start < e for s, e in spans):
            return Found(word.start, word.start, None)
    return None
