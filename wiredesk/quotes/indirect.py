"""Reported speech without quotation marks: "X said (that) …", "…, X noted", "according to X".

Only clause-taking speech verbs count, the reported clause must be a clause (a few words,
not a quoted stretch) and the subject must look like a speaker, so that "said" in "the
so-called deal was said to be" or in a noun phrase does not produce speech.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wiredesk.quotes.attribution import phrase_after, subject_before
from wiredesk.quotes.cues import CLAUSE_STEMS, find_cues, passive_before
from wiredesk.quotes.layout import Layout
from wiredesk.quotes.marks import ALL_MARKS
from wiredesk.quotes.mentions import RELATIVE_PRONOUNS
from wiredesk.quotes.model import Quote
from wiredesk.quotes.speakers import SpeakerResolver

MIN_CLAUSE_WORDS = 4
_OBJECT = re.compile(
    r"\s*(?:(?:the\s+|a\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,4}|"
    r"reporters|journalists|lawmakers|supporters|the\s+\w+|him|her|them|us|me|"
    r"an?\s+(?:\w+\s+){0,2}(?:audience|crowd|reporter|interviewer|radio|television))(?=[\s,])"
)
_ADVERBIAL = re.compile(
    r"\s*(?:,\s*)?(?:on\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday|earlier|later|last\s+\w+|this\s+\w+|recently|repeatedly|previously|"
    r"in\s+(?:a|an|his|her|their)\s+[\w-]+(?:\s+[\w-]+)?|during\s+(?:a|an|the)\s+[\w-]+"
    r"(?:\s+[\w-]+)?|at\s+(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+)?)(?:\s+(?:morning|afternoon|"
    r"evening|night))?)(?=[\s,])"
)
_THAT = re.compile(r"\s*,?\s*that\b")
_BAD_CLAUSE_START = frozenset(
    """to so by for of with about in on at from nothing anything something goodbye hello
    yes no thanks sorry it's""".split()
)
_TRIM = " ,;:.\u00a0\u2014\u2013-"
#: What may open a sentence before its subject: "But", "On Tuesday,", "In a statement,".
_LEAD_IN = re.compile(
    r"[\s,;:\u2014\u2013-]*(?:(?:and|but|yet|so|still|however|meanwhile|instead|also|later|"
    r"earlier|now|then|today|yesterday|separately|previously|last\s+\w+|this\s+\w+|"
    r"(?:on|in|at|after|before|during|since|asked\s+about|speaking\s+\w+)\s+[^,;:.]{1,60},)"
    r"[\s,]*)*",
    re.IGNORECASE,
)


_WORD_RUN = re.compile(r"\w+")


def _words(text: str) -> int:
    return len(_WORD_RUN.findall(text))


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _skip_after_cue(
    text: str, pos: int, limit: int, stem: str, needs_object: bool
) -> tuple[int, bool]:
    """Move past the object of "told", adverbials and "that"; says if "that" was seen."""
    if stem == "tell" and needs_object:
        obj = _OBJECT.match(text, pos, limit)
        if obj is None:
            return pos, False
        pos = obj.end()
    for _ in range(2):
        adv = _ADVERBIAL.match(text, pos, limit)
        if adv is None:
            break
        pos = adv.end()
    that = _THAT.match(text, pos, limit)
    if that is not None:
        return that.end(), True
    return pos, False


def find_indirect(
    text: str,
    layout: Layout,
    resolver: SpeakerResolver,
    quoted_spans: Sequence[tuple[int, int]],
) -> list[Quote]:
    """Reported clauses in sentences that are not quotations themselves."""
    if layout.masked is layout.text and quoted_spans:
        layout.mask_quotes(quoted_spans)
    found: list[Quote] = []
    for p_index in range(len(layout.paragraphs)):
        for s_start, s_end in layout.sentences(p_index):
            quote = _from_sentence(text, s_start, s_end, resolver, p_index)
            if quote is not None:
                found.append(quote)
    return found


def _from_sentence(
    text: str, s_start: int, s_end: int, resolver: SpeakerResolver, paragraph: int
) -> Quote | None:
    for c_start, c_end, stem in find_cues(text, s_start, s_end):
        if stem != "according" and stem not in CLAUSE_STEMS:
            continue
        word = text[c_start:c_end].lower()
        if word.endswith("ing") or text[max(s_start, c_start - 3) : c_start].lower() == "to ":
            continue
        if passive_before(text, s_start, c_start):
            continue  # "is said to be", passive
        result = _clause_for(text, s_start, s_end, c_start, c_end, stem)
        if result is None:
            continue
        (k_start, k_end), (p_start, p_end), cue_end = result
        clause = text[k_start:k_end]
        if any(ch in clause for ch in ALL_MARKS if ch not in "'\u2019"):
            return None  # a quotation, handled as direct or partial
        speaker = resolver.resolve(p_start, p_end)
        if speaker.mention is None:
            continue
        return Quote(
            kind="indirect",
            text=" ".join(clause.split()),
            start_char=k_start,
            end_char=k_end,
            paragraph=paragraph,
            speaker=speaker.name,
            speaker_mention=speaker.mention,
            speaker_entity_key=speaker.entity_key,
            cue=" ".join(text[c_start:cue_end].split()),
            confidence=0.65 if speaker.name else 0.55,
        )
    return None


def _clause_for(
    text: str, s_start: int, s_end: int, c_start: int, c_end: int, stem: str
) -> tuple[tuple[int, int], tuple[int, int], int] | None:
    """(clause span, speaker span, cue end) for one cue, or None when it is not reporting."""
    before = text[s_start:c_start]
    if stem == "according":
        source = phrase_after(text, c_end, s_end)
        if source is None:
            return None
        if not before.strip(_TRIM):
            comma = text.find(",", source[1], s_end)
            if comma == -1:
                return None
            clause = _strip_span(text, comma + 1, s_end)
        elif before.rstrip().endswith(","):
            clause = _strip_span(text, s_start, c_start)
        else:
            return None
        if _words(text[clause[0] : clause[1]]) < MIN_CLAUSE_WORDS:
            return None
        return clause, source, c_end
    subject = subject_before(text, c_start, s_start)
    tail = text[c_end:s_end]
    leading = subject is not None and (
        _LEAD_IN.fullmatch(text, s_start, subject[0]) is not None
        or text[subject[0] : subject[1]].lower() in RELATIVE_PRONOUNS  # "Lee, who said …"
    )
    # Trailing attribution: "The talks will resume, the minister said."
    if not leading and (
        before.rstrip().endswith(",")
        or (subject and text[s_start : subject[0]].rstrip().endswith(","))
    ):
        rest_words = _words(tail)
        head_end = subject[0] if subject else c_start
        if subject is None:
            inverted = phrase_after(text, c_end, s_end)
            if inverted is None or rest_words > 8:
                return None
            clause = _strip_span(text, s_start, c_start)
            subject = inverted
        elif rest_words <= 3:
            clause = _strip_span(text, s_start, head_end)
        else:
            # Parenthetical: "The talks, she said, will resume next week."
            if not tail.lstrip().startswith(","):
                return None
            clause = _strip_span(text, s_start, s_end)
        if _words(text[clause[0] : clause[1]]) < MIN_CLAUSE_WORDS:
            return None
        return clause, subject, c_end
    if subject is None or not leading:
        return None
    single_word_cue = not re.search(r"\s", text[c_start:c_end])
    pos, saw_that = _skip_after_cue(text, c_end, s_end, stem, single_word_cue)
    if stem == "tell" and single_word_cue and pos == c_end:
        return None
    rest = text[pos:s_end].lstrip()
    first = rest.split()[0].lower() if rest.split() else ""
    if not saw_that and (first in _BAD_CLAUSE_START or not rest or rest[0] in ",:;"):
        return None
    clause = _strip_span(text, pos, s_end)
    if _words(text[clause[0] : clause[1]]) < MIN_CLAUSE_WORDS:
        return None
    return clause, subject, c_end if stem != "tell" else pos
