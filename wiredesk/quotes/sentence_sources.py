"""Words in a quote's own sentence that may name its source, besides subjects and names.

News copy often credits a quote inside the sentence in ways no subject-verb shape finds:
a phrase after "according to" ("…," the judge said, according to the Post) or after an
opening "In" ("In a CNN poll released Monday, 31% said "…""), a possessive
before a noun of saying ("his call for "a total ban""), or "who" opening a clause that
carries the quote ("Graham, who has called him "a jackass""). Each is offered to the
chooser as a candidate; it learns how often such a phrase is the one credited.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wiredesk.entities import Mention
from wiredesk.quotes.attribution import Attribution
from wiredesk.quotes.layout import is_abbreviation
from wiredesk.quotes.marks import DOUBLE_MARKS

#: Possessive pronouns, and the nouns of saying they may own within a few words.
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})
SAYING_NOUNS = frozenset(
    """comment comments remark remarks words statement statements call calls claim claims
    promise promises pledge pledges warning warnings assertion assertions description
    suggestion insistence argument arguments contention response answer message rhetoric
    speech tweet tweets proposal vow vows threat threats accusation accusations criticism
    praise slogan refrain declaration observation prediction characterization demand
    demands plea appeal question questions reply explanation announcement admission
    denial defense defence attack attacks complaint complaints""".split()
)
_SAYING_WINDOW = 2  # "his call", "his latest call"; not "Her economic plan promises"
#: A sentence opening "In …," that names where words were said or found ("In an interview
#: with the Times,", "In a CNN poll released Monday,"): the phrase may be the source.
_IN_OPENING = re.compile(r"\s*In\s+")
_REPORT_NOUNS = frozenset(
    """poll polls survey surveys interview interviews study studies report statement letter
    words view op-ed column editorial memo filing speech""".split()
)
_REPORT_WORDS = 8
#: What ends the phrase after "according to": punctuation of a clause, a mark, a line end.
_PHRASE_END = re.compile(r"[,;:.!?\n()" + re.escape(DOUBLE_MARKS) + r"\u2014\u2013]")
MAX_PHRASE_CHARS = 160


#: The words looked for, as written: "according to", a possessive, "who" (a "which" is
#: seldom credited with words). Found with ``str.find``: a regular expression over every
#: quote's sentence cost more than the rest of this module.
_WORD_FORMS = (
    *(("according", form) for form in ("According", "according")),
    *(("owner", form) for form in ("His", "his", "Her", "her", "Their", "their", "Its", "its")),
    ("relative", "who"),
)
_TO_AFTER = re.compile(r"\s+to\s+(?=\w)")


def sentence_sources(text: str, low: int, high: int, quote_start: int) -> list[tuple[int, int]]:
    """Spans in ``text[low:high]`` (a quote's sentence) that may be its source: each phrase
    after "according to" up to the clause's end, each possessive pronoun before a noun of
    saying, and each "who" before ``quote_start``; in text order."""
    found = []
    opening = _IN_OPENING.match(text, low, high)
    if opening is not None:
        span = _phrase(text, opening.end(), high)
        if span is not None and _names_a_report(text[span[0] : span[1]]):
            found.append(span)  # "In a CNN poll released Monday, 31% said …"
    for start, end, kind in _words(text, low, high):
        if kind == "according":
            to = _TO_AFTER.match(text, end, high)
            span = _phrase(text, to.end(), high) if to is not None else None
            if span is not None:
                found.append(span)
        elif kind == "owner":
            after = text[end : min(high, end + 60)].split()[:_SAYING_WINDOW]
            if any(word.strip(".,;:").lower() in SAYING_NOUNS for word in after):
                found.append((start, end))
        elif start < quote_start:
            found.append((start, end))
    return found


def _words(text: str, low: int, high: int) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each of ``_WORD_FORMS`` standing as a whole word, in order."""
    hits = []
    for kind, form in _WORD_FORMS:
        at = text.find(form, low, high)
        while at != -1:
            end = at + len(form)
            if not (at and _word_char(text[at - 1])) and not (end < high and _word_char(text[end])):
                hits.append((at, end, kind))
            at = text.find(form, end, high)
    return sorted(hits)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _names_a_report(phrase: str) -> bool:
    return any(w.strip(".,;:").lower() in _REPORT_NOUNS for w in phrase.split()[:_REPORT_WORDS])


def _phrase(text: str, start: int, high: int) -> tuple[int, int] | None:
    """From ``start`` to the end of its clause (an abbreviation's period does not end it)."""
    limit = min(high, start + MAX_PHRASE_CHARS)
    end = limit
    for match in _PHRASE_END.finditer(text, start, limit):
        if match.group() == "." and is_abbreviation(text, match.start()):
            continue
        end = match.start()
        break
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


#: How many words may stand between an owned noun of saying and the quote it introduces
#: ("Trump's claim that there have been "thousands of shootings"").
_OWNED_REACH = 15
_OWNER_MARK = re.compile(r"['\u2019]s\s+(?:(\w+)\s+)?(\w+)\b")


#: What opens the content of a noun of saying: "claim that", "pledge to", "warning:".
_CONTENT_OPENS = re.compile(r"\s*(?::|(?:that|to)\b)")
#: Words that make the quote someone's verdict on the words rather than the words
#: themselves ("his statement that … as "a fairy tale"").
_VERDICT_WORDS = frozenset("as called call calling described describing".split())


def _reads_on(between: str) -> bool:
    """Whether the quote continues the owned words: a few words, one clause, no verdict."""
    words = between.split()
    return (
        len(words) <= _OWNED_REACH
        and "," not in between
        and not any(w.lower() in _VERDICT_WORDS for w in words)
    )


def owned_saying(text: str, quote_start: int, mentions: Sequence[Mention]) -> Attribution | None:
    """The last of ``mentions`` (the names in a quote's sentence before it) that owns a noun
    of saying before the quote ("Politifact seized on Trump's claim that there have been
    "…""), as the attribution of the quote: the noun its cue, the owner its speaker, as the
    subject of a verb of saying would have been."""
    found = None
    for mention in mentions:
        if mention.type not in ("PERSON", "ORG"):
            continue
        owned = _OWNER_MARK.match(text, mention.end_char, quote_start)
        if owned is None:
            continue
        noun = 2 if owned.group(2).lower() in SAYING_NOUNS else 0
        if not noun and owned.group(1) and owned.group(1).lower() in SAYING_NOUNS:
            noun = 1  # "Trump's claim Monday that …" is read as the word after it
        if not noun:
            continue
        between = text[owned.end(noun) : quote_start]
        if _CONTENT_OPENS.match(between) and _reads_on(between):
            found = Attribution(
                owned.start(noun), owned.end(noun), mention.start_char, mention.end_char
            )
    return found
