"""Documents that speak: "In einer Erklärung des Ministeriums heißt es, …", "So heißt es in
dem Schreiben: „…“", "Im Bericht steht, dass …", "Aus Regierungskreisen hieß es, …".

German reports what a text says with "heißt es" or "steht" and names the text (or the
circle it came from) in a prepositional phrase, not as a subject; the subject finder never
looks there. These verbs say nothing by themselves ("Das Projekt heißt Nordlicht", "Er steht
vor Gericht"), so they count as verbs of saying only where such a phrase names the source,
beside "es" for "heißt", and the sentence goes on to what was said.
"""

from __future__ import annotations

import re

from wiredesk.quotes.languages import QuoteLanguage
from wiredesk.quotes.phrases import MAX_PHRASE_WORDS, Word, phrase_after, words_in

#: Stops that end the phrase before the verb.
_CLAUSE_STOP = re.compile(r"[.;:!?\n,]")


def document_sources(masked: str, lang: QuoteLanguage) -> dict[int, tuple[int, int]]:
    """Offset of each such verb -> the span of the source it names (quotations masked)."""
    if not lang.document_verbs:
        return {}
    found: dict[int, tuple[int, int]] = {}
    for match in re.finditer(r"\w+", masked):
        verb = match.group().lower()
        if verb not in lang.document_verbs:
            continue
        start, end = match.span()
        floor = max((m.end() for m in _CLAUSE_STOP.finditer(masked, 0, start)), default=0)
        before = words_in(masked, max(floor, start - 400), start)
        after = _until_stop(masked, end)
        if verb in lang.document_verbs_with_es and not (
            (before and before[-1].lower == "es") or (after and after[0].lower == "es")
        ):
            continue
        source = _source_before(before, lang) or _source_after(masked, after, lang)
        if source is not None and _reports(masked, end, after, source, lang):
            found[start] = source
    return found


def _until_stop(masked: str, pos: int) -> list[Word]:
    stop = _CLAUSE_STOP.search(masked, pos)
    return words_in(masked, pos, stop.start() if stop else min(len(masked), pos + 400))


def _source_before(words: list[Word], lang: QuoteLanguage) -> tuple[int, int] | None:
    """ "In einem Positionspapier des Ministeriums | heißt es": the phrase opening the clause."""
    if len(words) < 2 or len(words) > MAX_PHRASE_WORDS + 1:
        return None
    first, named = words[0], words[1]
    if not (named.text[:1].isupper() or named.lower in lang.determiners):
        return None
    if first.lower in lang.document_prepositions:
        return named.start, words[-1].end
    if first.lower in lang.source_prepositions:
        return first.start, words[-1].end
    return None


def _source_after(masked: str, after: list[Word], lang: QuoteLanguage) -> tuple[int, int] | None:
    """ "heißt es | in dem Schreiben wörtlich": past "es" and adverbs, the phrase after it."""
    for word in after:
        if word.lower == "es" or (
            word.lower in lang.not_subject and word.lower not in lang.document_prepositions
        ):
            continue
        if word.lower in lang.document_prepositions:
            return phrase_after(masked, word.end, len(masked), lang)
        if word.lower in lang.source_prepositions:
            span = phrase_after(masked, word.end, len(masked), lang)
            return (word.start, span[1]) if span else None
        return None
    return None


def _reports(
    masked: str, verb_end: int, after: list[Word], source: tuple[int, int], lang: QuoteLanguage
) -> bool:
    """Whether the sentence goes on to what the source says: nothing but "es", adverbs and
    the source stand between the verb and a comma or colon ("steht ebenfalls, dass …",
    "heißt es in dem Schreiben wörtlich: „…“"; not "Im Mittelpunkt steht der Architekt,
    der …" nor "steht ebenfalls nicht, welche …")."""
    for word in after:
        inside = source[0] <= word.start < source[1]
        if not inside and word.lower != "es" and word.lower not in lang.not_subject:
            if word.lower not in lang.document_prepositions | lang.source_prepositions:
                return False
    stop = _CLAUSE_STOP.search(masked, after[-1].end if after else verb_end)
    return stop is not None and stop.group() in ",:"
