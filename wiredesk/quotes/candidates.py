"""The people and phrases that could have spoken a quote, each with the evidence about it.

The rules pick one speaker from the attribution they found; a chooser that weighs all the
nearby possibilities needs the others too: the entity mentions and pronouns outside quotes
in the quote's paragraph and the one before (the nearest few), plus the rules' own choice
(which may be a description: "the spokesman", "officials"). Each candidate carries numeric
features (distances, cue position, subject and apposition shapes, mention type, agreement,
the referent tracker's state) named in ``FEATURES``.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

import numpy as np

from wiredesk.entities import Mention, is_dateline_place
from wiredesk.quotes.attribution import Attribution, clause_subjects
from wiredesk.quotes.cues import cue_stem, find_cues
from wiredesk.quotes.extents import full_description
from wiredesk.quotes.layout import Layout, quote_closes_sentence
from wiredesk.quotes.mentions import RELATIVE_PRONOUNS
from wiredesk.quotes.model import Quote
from wiredesk.quotes.patterns import trie_pattern, word_start
from wiredesk.quotes.sentence_sources import POSSESSIVE_PRONOUNS, sentence_sources
from wiredesk.quotes.speakers import (
    PRONOUN_GENDER,
    Speaker,
    SpeakerResolver,
    head_noun,
    key_of,
)

#: Feature names, in the order of every candidate's vector (the model's weights follow it).
FEATURES = (
    "rule_choice",
    "rule_choice_cued",
    "rule_confidence",
    "partial_quote",
    "subject_of_quote_cue",
    "after_quote_cue",
    "before_a_cue",
    "log_words_to_quote",
    "before_quote",
    "log_words_to_cue",
    "sentences_between",
    "same_paragraph",
    "previous_paragraph",
    "person",
    "organisation",
    "place",
    "group",
    "pronoun_singular",
    "pronoun_plural",
    "pronoun_first_person",
    "relative_pronoun",
    "description",
    "possessive",
    "after_preposition",
    "comma_before",
    "comma_after",
    "resolved_to_name",
    "pronoun_agrees",
    "salient_person",
    "log_mentions_of_name",
    "starts_sentence",
    "log_distance_rank",
    "sentence_opening",
    "clause_subject",
    "full_description",
    "full_description_clause",
    "document_noun",
    "body_noun",
    "after_according_to",
    "previous_quote_speaker",
    "log_earlier_quotes",
    "after_a_cue",
    "in_quote_sentence",
    "nearest_before",
    "nearest_after",
    "log_same_speaker_candidates",
    "possessive_pronoun",
    "opening_in_phrase",
    "clauses_to_quote",
)
_AT = {name: index for index, name in enumerate(FEATURES)}
MAX_CANDIDATES = 6
_PRONOUN = re.compile(word_start("He he She she They they We we I".split()) + r"\b")
_PLURAL_PRONOUNS = frozenset({"they", "we"})
_PREPOSITIONS = frozenset("of for at from in with by to on about than like".split())
_ENTITY_FEATURE = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "NORP": "group"}
_WORD = re.compile(r"\S+")
_RELATIVES = frozenset({"who", "which", "that", "whose"})
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+$", re.IGNORECASE)
#: Words that open a clause of its own between a phrase and a quote later in its sentence
#: ("The berths are so crowded that pilots call the quay "a car park"", "The mayor spoke
#: after the harbour master told the council it is "unsafe""): the phrase is then seldom
#: the subject of the verb the quote hangs on. A "that" after a speech verb opens what was
#: said, and a relative pronoun right after the phrase opens a clause the phrase is the
#: subject of ("Smith, who called the plan "a disaster""); neither counts.
_CLAUSE_OPENING_WORDS = """which who whom whose that after because while when whereas although
    though since if until before where""".split()
#: (As a trie: a case-blind pattern compares every choice at every position.)
_CLAUSE_OPENERS = re.compile(
    r"(?<![\w'\u2019])" + trie_pattern(_CLAUSE_OPENING_WORDS) + r"(?![\w'\u2019])|;",
    re.IGNORECASE,
)
_CUE_BEFORE_THAT = re.compile(r"\w+\s+$")
#: Head nouns of things that say something in writing or in sound: a statement, a poll.
DOCUMENT_NOUNS = frozenset(
    """statement report poll survey study letter memo email e-mail tweet post ad advert
    advertisement commercial article editorial column op-ed book transcript release
    website site message note document filing complaint lawsuit suit indictment ruling
    opinion decision order analysis review audit assessment estimate projection
    proposal plan platform bill law resolution petition manifesto headline banner sign
    sheet brochure flier flyer mailer video clip broadcast speech excerpt excerpts
    transcript textbook draft cable summary account records record data findings
    guidelines rules regulations policy constitution amendment clause""".split()
)
#: Head nouns of organisations and bodies that speak as one: a campaign, a committee.
BODY_NOUNS = frozenset(
    """campaign committee council commission board agency department ministry office
    administration government company firm group organization organisation association
    union party team newspaper paper magazine network station outlet court panel
    institute foundation center centre coalition alliance caucus chamber senate house
    congress legislature parliament cabinet embassy police military army navy school
    university college hospital bank fund league club church""".split()
)


class Candidate(NamedTuple):
    """One possible speaker: the span it was read from (None for a speaker the rules
    carried over from elsewhere), what it resolves to, and its features. A named tuple:
    every quote makes several, and a frozen dataclass costs twice as much to build."""

    start: int | None
    end: int | None
    speaker: Speaker
    features: tuple[float, ...]


class _Draft(NamedTuple):
    """A candidate whose features are still being filled in: the ones that compare it with
    the quote's other candidates come last (``_relative_features``)."""

    start: int | None
    end: int | None
    speaker: Speaker
    values: list[float]


#: Whether each code point up to U+3000 is white space (``str.isspace``, what ``\\s`` means);
#: the last slot stands for every code point above.
_SPACE = np.array([chr(i).isspace() for i in range(0x3001)] + [False])
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d]?\s")
_SENTENCE_BEFORE = re.compile(r"[.!?][\"'\u201d]?\s+$")


class _Words:
    """Word counts between offsets of one text, by binary search on word starts (found
    with numpy: a regular expression over the whole text cost more than the chooser)."""

    def __init__(self, text: str) -> None:
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        space = _SPACE[np.minimum(codes, len(_SPACE) - 1)]
        after_space = np.concatenate(([True], space[:-1]))
        self.starts: list[int] = np.flatnonzero(after_space & ~space).tolist()

    def between(self, a: int, b: int) -> int:
        if a > b:
            a, b = b, a
        return bisect_left(self.starts, b) - bisect_left(self.starts, a)


class _Sentences:
    """Sentence ends ("." maybe closing a quote, then space) of the masked text, so the
    sentences between two offsets are counted by binary search."""

    def __init__(self, masked: str) -> None:
        found = [m.span() for m in _SENTENCE_END.finditer(masked)]
        # Transposed in one call (the text has hundreds of sentences).
        self.starts: tuple[int, ...] = ()
        self.ends: tuple[int, ...] = ()
        if found:
            self.starts, self.ends = zip(*found, strict=True)

    def between(self, low: int, high: int) -> int:
        return max(0, bisect_right(self.ends, high) - bisect_left(self.starts, low))


class CandidateBuilder:
    """Builds the candidate speakers of each quote of one article."""

    def __init__(self, text: str, layout: Layout, resolver: SpeakerResolver) -> None:
        self.text = text
        self.layout = layout
        self.resolver = resolver
        self.words = _Words(text)
        self.sentences = _Sentences(layout.masked)
        # Neighbouring quotes share most candidates: resolve and describe each span once.
        self._resolved: dict[tuple[int, int], Speaker] = {}
        self._described: dict[tuple[int, int], list[tuple[int, float]]] = {}
        self._near: dict[int, dict[tuple[int, int], Mention | None]] = {}
        #: Pronouns per paragraph, found in the paragraphs near quotes only.
        self._pronouns: dict[int, list[tuple[int, int]]] = {}
        self._name_counts: dict[str, int] = {}
        for mention in resolver.mentions:
            self._name_counts[mention.name] = self._name_counts.get(mention.name, 0) + 1
        # Speaker continuity: who the rules gave the quotes before this one (quotes come
        # in text order), so a speaker quoted just before, or often, weighs more.
        self._last_speaker: tuple[int, tuple[str | None, str | None]] | None = None
        self._quoted_counts: dict[tuple[str | None, str | None], int] = {}

    def candidates(self, quote: Quote, attribution: Attribution | None) -> list[Candidate]:
        """The rules' choice first, then the mentions and pronouns nearest the quote."""
        para = self.layout.paragraph_of(quote.start_char)
        rule_span = self._rule_span(attribution)
        spans = self._nearby(para)
        if rule_span is not None:
            low, high = rule_span
            spans = {s: m for s, m in spans.items() if not (s[0] >= low and s[1] <= high)}
        start, end = quote.start_char, quote.end_char

        def distance(span: tuple[int, int]) -> int:
            if span[1] <= start:
                return start - span[1]
            return span[0] - end if span[0] >= end else 0

        nearest = sorted(spans, key=distance)[: MAX_CANDIDATES - 1]
        opening, subjects = self._clause_subjects(quote.start_char, para)
        bounds = self._sentence_bounds(quote, para)
        extra = ([opening] if opening else []) + [s for s in subjects if s != opening]
        extra += self._sentence_sources(bounds, quote)
        nearest += [s for s in extra if s != rule_span and s not in nearest]
        salient = self.resolver.salient_person(quote.start_char) if nearest else None
        last = self._last_speaker
        context = _Context(
            quote,
            attribution,
            para,
            salient.name if salient else None,
            opening,
            set(subjects),
            last[1] if last is not None and para - last[0] <= 1 else None,
            bounds,
        )
        found: list[_Draft] = []
        rule_speaker = Speaker(quote.speaker, quote.speaker_mention, quote.speaker_entity_key)
        if quote.speaker_mention is not None:
            found.append(self._candidate(rule_span, rule_speaker, context, rule=True, rank=0))
        for rank, span in enumerate(nearest, start=1):
            mention = spans.get(span)
            if mention is not None and is_dateline_place(self.text, mention):
                continue
            speaker = self._resolved.get(span)
            if speaker is None:
                if mention is not None:
                    speaker = self._named(mention)
                elif self.text[span[0] : span[1]].lower() in POSSESSIVE_PRONOUNS:
                    speaker = self.resolver.possessive(*span)
                else:
                    speaker = self.resolver.resolve(*span)
                self._resolved[span] = speaker
            if speaker.mention is None:
                continue
            found.append(self._candidate(span, speaker, context, rule=False, rank=rank))
        if quote.speaker_mention is not None:
            key = _key(rule_speaker)
            self._last_speaker = (para, key)
            self._quoted_counts[key] = self._quoted_counts.get(key, 0) + 1
        return _relative_features(found + self._full_descriptions(found, quote), quote)

    def _full_descriptions(self, found: list[_Draft], quote: Quote) -> list[_Draft]:
        """Each unnamed description or group with the modifiers after it (``full_description``),
        as a candidate of its own with the short one's evidence."""
        longer = []
        for candidate in found:
            if candidate.start is None or candidate.end is None or candidate.speaker.name:
                continue
            features = candidate.values
            if features[_AT["description"]] != 1.0 and features[_AT["group"]] != 1.0:
                continue  # "officials", and groups: "one Republican involved in the talks"
            start, end = candidate.start, candidate.end
            if end <= quote.start_char:
                limit = quote.start_char
            else:
                limit = min(self.layout.paragraphs[self.layout.paragraph_of(end)][1], end + 250)
            span = full_description(self.text, start, end, limit)
            if span is None or self.resolver.in_quote(span[1] - 1):
                continue
            values = list(candidate.values)
            values[_AT["full_description"]] = 1.0
            opener = self.text[end : span[1]].strip(" ,").split(" ", 1)[0].lower()
            values[_AT["full_description_clause"]] = float(opener in _RELATIVES)
            phrase = " ".join(self.text[span[0] : span[1]].split())
            speaker = Speaker(None, phrase, None)
            longer.append(_Draft(span[0], span[1], speaker, values))
        return longer

    def _sentence_sources(self, bounds: tuple[int, int], quote: Quote) -> list[tuple[int, int]]:
        """``sentence_sources`` of the quote's sentence outside quotes: a phrase after
        "according to" narrowed to its noun phrase, possessive and relative pronouns as
        written."""
        found = []
        for start, end in sentence_sources(self.text, *bounds, quote.start_char):
            if self.resolver.in_quote(start):
                continue
            if self.text[start:end].lower() in POSSESSIVE_PRONOUNS:
                found.append((start, end))
            elif (narrowed := self.resolver.narrow(start, end)) is not None:
                found.append(narrowed)
        return found

    def _sentence_bounds(self, quote: Quote, para: int) -> tuple[int, int]:
        """Where the sentence the quote starts in begins and the one it ends in ends."""
        low, high = quote.start_char, quote.end_char
        last = self.layout.paragraph_of(max(quote.start_char, quote.end_char - 1))
        for start, end in self.layout.sentences(para):
            if start <= quote.start_char < end:
                low = start
                break
        if quote_closes_sentence(self.text, quote.end_char):
            return low, high  # '… "without delay." Clinton plans …': the next is its own
        for start, end in self.layout.sentences(last):
            if start < quote.end_char <= end:
                high = end
                break
        return low, high

    def _clause_subjects(
        self, pos: int, para: int
    ) -> tuple[tuple[int, int] | None, list[tuple[int, int]]]:
        """The phrase the sentence a quote starts in opens with, and the subjects of its
        speech verbs before the quote (``clause_subjects``), narrowed; none inside a quote."""
        floor = pos
        for start, end in self.layout.sentences(para):
            if start <= pos < end:
                floor = start
                break
        opening, cued = clause_subjects(self.text, floor, pos)
        if opening is not None and self.resolver.in_quote(opening[0]):
            opening = None  # already a noun phrase: no narrowing
        narrowed = [self.resolver.narrow(*span) for span in cued]
        in_quote = self.resolver.in_quote
        return opening, [s for s in narrowed if s is not None and not in_quote(s[0])]

    def _nearby(self, para: int) -> dict[tuple[int, int], Mention | None]:
        """Pronouns and mentions outside quotes in a paragraph and the one before, in text
        order (a mention wins over a pronoun on the same span); every quote of the
        paragraph shares them."""
        found = self._near.get(para)
        if found is not None:
            return found
        floor = self.layout.paragraphs[max(0, para - 1)][0]
        ceiling = self.layout.paragraphs[para][1]
        spans: dict[tuple[int, int], Mention | None] = {}
        for near in range(max(0, para - 1), para + 1):
            spans.update(dict.fromkeys(self._pronouns_of(near)))
        for mention in self.resolver.mentions_in(floor, ceiling):
            spans[(mention.start_char, mention.end_char)] = mention
        in_quote = self.resolver.in_quote
        # Words inside a quote are what is said, not who says it.
        found = self._near[para] = {s: m for s, m in spans.items() if not in_quote(s[0])}
        return found

    def _pronouns_of(self, para: int) -> list[tuple[int, int]]:
        """The pronouns of one paragraph, found once (only paragraphs near quotes are read)."""
        found = self._pronouns.get(para)
        if found is None:
            start, end = self.layout.paragraphs[para]
            found = self._pronouns[para] = [
                m.span() for m in _PRONOUN.finditer(self.text, start, end)
            ]
        return found

    def _named(self, mention: Mention) -> Speaker:
        """A name means its entity; a group ("Republicans") no one in particular."""
        words = " ".join(mention.text.split())
        if mention.type == "NORP":
            return Speaker(None, words, None)
        return Speaker(mention.name, words, key_of(mention))

    # -- evidence -----------------------------------------------------------------------
    def _rule_span(self, attribution: Attribution | None) -> tuple[int, int] | None:
        if attribution is None:
            return None
        return self.resolver.narrow(attribution.speaker_start, attribution.speaker_end)

    def _before_cue(self, end: int) -> bool:
        """Whether a cue follows the span within its clause, maybe past an apposition:
        "Naylor, financial policy advocate for Public Citizen, said"."""
        cues = find_cues(self.text, end, end + 90)
        if not cues:
            return False
        gap = self.text[end : cues[0][0]]
        return len(gap.split()) <= 12 and not any(ch in gap for ch in '.;!?:\n"\u201c\u201d')

    def _after_cue(self, start: int) -> bool:
        """Whether a cue comes right before the span in its clause: "said Nargis Kassenova",
        "told CNN's Jake Tapper" (the subject after its verb, or whom it was told)."""
        cues = find_cues(self.text, max(0, start - 40), start)
        if not cues:
            return False
        gap = self.text[cues[-1][1] : start]
        return len(gap.split()) <= 2 and not any(ch in gap for ch in '.;!?:\n"\u201c\u201d')

    def _candidate(
        self,
        span: tuple[int, int] | None,
        speaker: Speaker,
        context: _Context,
        rule: bool,
        rank: int,
    ) -> _Draft:
        values = [0.0] * len(FEATURES)
        quote = context.quote
        if rule:
            values[_AT["rule_choice"]] = 1.0
            values[_AT["rule_choice_cued"]] = float(quote.cue is not None)
            values[_AT["rule_confidence"]] = quote.confidence
        values[_AT["partial_quote"]] = float(quote.kind == "partial")
        values[_AT["resolved_to_name"]] = float(speaker.name is not None)
        values[_AT["salient_person"]] = float(
            speaker.name is not None and speaker.name == context.salient
        )
        mentions = self._name_counts.get(speaker.name or "", 0)
        values[_AT["log_mentions_of_name"]] = math.log1p(mentions)
        values[_AT["log_distance_rank"]] = math.log1p(rank)
        values[_AT["sentence_opening"]] = float(span is not None and span == context.opening)
        values[_AT["clause_subject"]] = float(span in context.subjects)
        key = _key(speaker)
        values[_AT["previous_quote_speaker"]] = float(key == context.previous)
        values[_AT["log_earlier_quotes"]] = math.log1p(self._quoted_counts.get(key, 0))
        if span is None:
            return _Draft(None, None, speaker, values)
        self._span_features(values, span, speaker, context)
        return _Draft(span[0], span[1], speaker, values)

    def _span_features(
        self, values: list[float], span: tuple[int, int], speaker: Speaker, context: _Context
    ) -> None:
        text, quote, attribution = self.text, context.quote, context.attribution
        start, end = span
        anchor = quote.start_char if end <= quote.start_char else quote.end_char
        values[_AT["log_words_to_quote"]] = math.log1p(self.words.between(anchor, start))
        values[_AT["before_quote"]] = float(end <= quote.start_char)
        if attribution is not None:
            cue_at = attribution.cue_start
            values[_AT["log_words_to_cue"]] = math.log1p(self.words.between(cue_at, start))
            if end <= cue_at:
                gap = text[end:cue_at]  # often paragraphs long: the period test first
                values[_AT["subject_of_quote_cue"]] = float(
                    "." not in gap and len(gap.split()) <= 3
                )
            if start >= attribution.cue_end:
                after = text[attribution.cue_end : start]  # split no further than needed
                values[_AT["after_quote_cue"]] = float(len(after.split(None, 2)) <= 2)
        low, high = context.sentence
        values[_AT["in_quote_sentence"]] = float(low <= start and end <= high)
        if low <= start and end <= quote.start_char:
            values[_AT["clauses_to_quote"]] = min(3, self._clauses(end, quote.start_char)) / 3
        para = self.layout.paragraph_of(start)
        values[_AT["same_paragraph"]] = float(para == context.paragraph)
        values[_AT["previous_paragraph"]] = float(para == context.paragraph - 1)
        low, high = min(start, quote.start_char), max(start, quote.start_char)
        values[_AT["sentences_between"]] = min(5, self.sentences.between(low, high)) / 5
        described = self._described.get(span)
        if described is None:
            described = self._described[span] = self._span_shape(span, speaker)
        for index, value in described:
            values[index] = value

    def _clauses(self, start: int, end: int) -> int:
        """How many clauses open between a phrase's end and a quote (``_CLAUSE_OPENERS``)."""
        count = 0
        for match in _CLAUSE_OPENERS.finditer(self.text, start, end):
            word = match.group().lower()
            if word in _RELATIVES and not self.text[start : match.start()].strip(" ,"):
                continue  # "Smith, who called it "…"": the clause is the phrase's own
            if word == "that":
                before = _CUE_BEFORE_THAT.search(
                    self.text, max(start, match.start() - 20), match.start()
                )
                if before is not None and cue_stem(before.group().strip()):
                    continue
            count += 1
        return count

    def _span_shape(self, span: tuple[int, int], speaker: Speaker) -> list[tuple[int, float]]:
        """Features of a span that do not depend on the quote (type, subject, apposition),
        as (index, value) pairs of the ones not zero: neighbouring quotes share most
        candidates, and every candidate's values start at zero."""
        text = self.text
        start, end = span
        values: list[tuple[int, float]] = []
        if self._before_cue(end):
            values.append((_AT["before_a_cue"], 1.0))
        if self._after_cue(start):
            values.append((_AT["after_a_cue"], 1.0))
        kind = self._type_features(values, span, speaker)
        lead = text[max(0, start - 20) : start]  # the tests below read its last few characters
        before = lead.split()
        if before and before[-1].lower().strip(",") in _PREPOSITIONS:
            values.append((_AT["after_preposition"], 1.0))
        if lead[-2:].strip() == ",":
            values.append((_AT["comma_before"], 1.0))
        if text[end : end + 1] == ",":
            values.append((_AT["comma_after"], 1.0))
        if text[end : end + 2] in ("'s", "\u2019s") or text[start:end].endswith(("'s", "\u2019s")):
            values.append((_AT["possessive"], 1.0))
        if _ACCORDING_TO.search(text, max(0, start - 16), start):
            values.append((_AT["after_according_to"], 1.0))
        if lead.endswith(("In ", "In\u00a0")) and self._opens_sentence(start - 3):
            values.append((_AT["opening_in_phrase"], 1.0))
        if kind == "description":
            head = head_noun(text[start:end])
            if head in DOCUMENT_NOUNS:
                values.append((_AT["document_noun"], 1.0))
            if head in BODY_NOUNS:
                values.append((_AT["body_noun"], 1.0))
        lead = lead[-3:]
        if start == 0 or lead.endswith("\n") or _SENTENCE_BEFORE.search(lead):
            values.append((_AT["starts_sentence"], 1.0))
        return values

    def _opens_sentence(self, pos: int) -> bool:
        """Whether the word at ``pos`` opens its sentence ("In a CNN poll, …")."""
        lead = self.text[max(0, pos - 3) : pos]
        return pos == 0 or lead.endswith("\n") or bool(_SENTENCE_BEFORE.search(lead))

    def _type_features(
        self, values: list[tuple[int, float]], span: tuple[int, int], speaker: Speaker
    ) -> str:
        """Adds the (index, value) pairs of what the span is (a pronoun of some kind, a
        name, a description) and returns that kind's feature name."""
        words = self.text[span[0] : span[1]].split()
        lower = words[0].lower() if len(words) == 1 else ""
        if lower in POSSESSIVE_PRONOUNS:
            kind = "possessive_pronoun"  # "his call for …", found only before such a noun
        elif lower in PRONOUN_GENDER:
            kind = "pronoun_singular"
            gender = self.resolver.gender.get(speaker.name or "")
            if gender == PRONOUN_GENDER[lower]:
                values.append((_AT["pronoun_agrees"], 1.0))
        elif lower in _PLURAL_PRONOUNS:
            kind = "pronoun_plural"
        elif lower == "i":
            kind = "pronoun_first_person"
        elif lower in RELATIVE_PRONOUNS:
            kind = "relative_pronoun"  # "Beck, who said": the cue's own subject
        else:
            kind = self._kind_of(span)
        values.append((_AT[kind], 1.0))
        return kind

    def _kind_of(self, span: tuple[int, int]) -> str:
        """What a span names, read as the resolver reads it: a person named in it (not as
        a possessive), else an organisation, place or group that is the phrase itself;
        anything else is a description, whatever names modify it ("the Florida senator",
        "the Senate Democratic leader", "Clinton's campaign")."""
        resolver = self.resolver
        inside = resolver.mentions_in(*span)
        if len(inside) == 1 and (inside[0].start_char, inside[0].end_char) == span:
            return _ENTITY_FEATURE.get(inside[0].type, "person")  # a name, as most are
        inside = [m for m in inside if not resolver.is_possessive(m)]
        if any(m.type == "PERSON" and not resolver.modifies(m, *span) for m in inside):
            return "person"
        for mention in inside:
            if resolver.heads(mention, *span):
                return _ENTITY_FEATURE.get(mention.type, "person")
        return "description"


def _relative_features(found: list[_Draft], quote: Quote) -> list[Candidate]:
    """The candidates, with the features that compare them: the nearest before and after
    the quote, and how many candidates mean the same speaker."""
    before = [c.end for c in found if c.end is not None and c.end <= quote.start_char]
    after = [c.start for c in found if c.start is not None and c.start >= quote.end_char]
    last, first = max(before, default=None), min(after, default=None)
    keys = [_key(candidate.speaker) for candidate in found]
    counts: dict[tuple[str | None, str | None], int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    out = []
    for candidate, key in zip(found, keys, strict=True):
        values = candidate.values
        values[_AT["nearest_before"]] = float(last is not None and candidate.end == last)
        values[_AT["nearest_after"]] = float(first is not None and candidate.start == first)
        values[_AT["log_same_speaker_candidates"]] = math.log(counts[key])
        out.append(Candidate(candidate.start, candidate.end, candidate.speaker, tuple(values)))
    return out


class _Context(NamedTuple):
    """What every candidate of one quote is compared with (one per quote)."""

    quote: Quote
    attribution: Attribution | None
    paragraph: int
    salient: str | None
    #: The phrase the quote's sentence opens with, and every subject of that sentence.
    opening: tuple[int, int] | None
    subjects: set[tuple[int, int]]
    #: Whom the rules gave the quote before, when it is in this paragraph or the one before.
    previous: tuple[str | None, str | None] | None
    #: The start of the sentence the quote starts in and the end of the one it ends in.
    sentence: tuple[int, int]


def _key(speaker: Speaker) -> tuple[str | None, str | None]:
    """One speaker however written: the name, else the words ("officials")."""
    name = speaker.name
    return (name, None) if name else (None, (speaker.mention or "").lower())
