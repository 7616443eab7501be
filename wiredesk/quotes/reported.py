"""Reported speech in German, French, Spanish, Italian and Russian.

A sentence reports speech when a verb of saying brings in a clause ("X sagte, dass …",
"a déclaré que …", "заявил, что …", "Merz sagte, die Lage sei ernst"), when the clause comes
first and the attribution last ("Die Lage sei ernst, sagte Merz", "…, a-t-il dit", "…, so
Merz"), when a source phrase frames it ("Laut Polizei …", "Selon le ministre, …", "Wie die
Polizei mitteilte, …", "По словам министра, …"), and, in German, when its verb is in the
Konjunktiv I right after someone spoke ("Dies sei eindeutig."): the mood says whose words
they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wiredesk.quotes.languages import QuoteLanguage
from wiredesk.quotes.layout import Layout
from wiredesk.quotes.model import Quote
from wiredesk.quotes.phrases import (
    LEFT_OUT,
    MAX_PHRASE_WORDS,
    SUBORDINATORS,
    Word,
    cue_base,
    first_words,
    inserted_verb_speaker,
    inverted_pronoun,
    inverted_subject,
    names_a_quotation,
    phrase_after,
    subject_before,
    with_apposition,
    words_in,
)
from wiredesk.quotes.speaker_phrases import PhraseResolver
from wiredesk.quotes.speakers import Speaker

MIN_CLAUSE_WORDS = 3


def find_reported(
    text: str,
    masked: str,
    bounds: Sequence[tuple[int, int]],
    layout: Layout,
    quoted: Sequence[tuple[int, int]],
    direct: Sequence[Quote],
    resolver: PhraseResolver,
    lang: QuoteLanguage,
) -> list[Quote]:
    """Indirect quotations, one per reporting sentence, in text order."""
    found: list[Quote] = []
    last_speaker = Speaker(None, None, None)
    direct_at = sorted(q.start_char for q in direct if q.kind == "direct")
    for start, end in bounds:
        if _mostly_quoted(start, end, quoted):
            if any(start <= pos < end for pos in direct_at):
                last_speaker = _speaker_of(direct, start, end) or last_speaker
            continue
        words = [w for w in words_in(text, start, end) if not _inside(w.start, quoted)]
        if len(words) < MIN_CLAUSE_WORDS:
            continue
        hit = (
            _source_phrase(text, masked, words, end, lang)
            or _cue_then_clause(text, masked, words, end, lang, quoted)
            or _clause_then_cue(text, masked, words, end, lang)
        )
        speaker: Speaker | None = None
        if hit is not None and _mostly_quoted(*hit[0], quoted):
            hit = None  # the verb attributes the quotation, which is direct speech
        if hit is not None:
            clause, cue, span = hit
            resolver.last = last_speaker  # pronouns and left-out subjects: in reading order
            if span:
                speaker = resolver.resolve(*span)
            elif cue and cue.lower() in lang.zero_sources:  # "Demnach …": the last source
                speaker = Speaker(last_speaker.name, cue, last_speaker.entity_key)
            else:
                speaker = last_speaker
        elif (
            lang.subjunctive
            and any(w.lower in lang.subjunctive for w in words)
            and words[0].lower != "ich"
        ):
            source = _source_within(text, words, end, lang)
            if source is None and words[0].lower in lang.pronouns:
                source = (words[0].start, words[0].end)  # "Er gehe davon aus, …": the speaker
            resolver.last = last_speaker
            clause, cue, speaker = (
                (words[0].start, words[-1].end),
                None,
                resolver.resolve(*source) if source else last_speaker,
            )
        else:
            if any(start <= pos < end for pos in direct_at):
                last_speaker = _speaker_of(direct, start, end) or last_speaker
            else:  # "Freiberg begründete dies mit …": who speaks in the sentences after
                last_speaker = _sentence_speaker(text, words, end, resolver, lang) or last_speaker
            continue
        if speaker.name or (speaker.mention and speaker.mention.lower() not in lang.pronouns):
            last_speaker = speaker
        c_start, c_end = clause
        found.append(
            Quote(
                kind="indirect",
                text=" ".join(text[c_start:c_end].split()),
                start_char=c_start,
                end_char=c_end,
                paragraph=layout.paragraph_of(c_start),
                speaker=speaker.name,
                speaker_mention=speaker.mention,
                speaker_entity_key=speaker.entity_key,
                cue=cue,
                confidence=0.7 if cue else 0.5,
            )
        )
    return found


def _sentence_speaker(
    text: str, words: list[Word], end: int, resolver: PhraseResolver, lang: QuoteLanguage
) -> Speaker | None:
    """The subject of a verb of saying in a sentence that reports nothing itself, unless it
    is a pronoun (which points back to the speaker already last)."""
    for i, word in enumerate(words):
        if cue_base(word, lang):
            span = _speaker_around(text, words, i, end, lang)
            if span is None:
                return None
            speaker = resolver.resolve(*span)
            pronoun = speaker.mention is not None and speaker.mention.lower() in lang.pronouns
            return speaker if (speaker.name or speaker.mention) and not pronoun else None
    return None


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _mostly_quoted(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return covered * 2 > end - start


def _speaker_of(direct: Sequence[Quote], start: int, end: int) -> Speaker | None:
    for quote in direct:
        if start <= quote.start_char < end and (quote.speaker or quote.speaker_mention):
            return Speaker(quote.speaker, quote.speaker_mention, quote.speaker_entity_key)
    return None


def _gap(masked: str, a: Word, b: Word) -> str:
    return masked[a.end : b.start]


Hit = tuple[tuple[int, int], str | None, tuple[int, int] | None]


def _cue_then_clause(
    text: str,
    masked: str,
    words: list[Word],
    end: int,
    lang: QuoteLanguage,
    quoted: Sequence[tuple[int, int]] = (),
) -> Hit | None:
    """'X sagte, dass …', 'a déclaré que …', 'Merz sagte, die Lage sei ernst'."""
    for i, word in enumerate(words):
        if not cue_base(word, lang):
            continue
        if any(names_a_quotation(text, word, start, lang) for start, _ in quoted):
            continue  # "le plan dit du « corridor bleu », destiné à …"
        attributes = _attributes_quotation(text, word, quoted, lang)
        for k in range(i + 1, min(len(words), i + 12)):
            if words[k].lower in lang.complementisers:
                clause_words = words[k:]
                break
            if "," in _gap(masked, words[k - 1], words[k]) and not attributes:
                # "Merz sagte, die Lage sei ernst": the clause after the verb's comma (not
                # after "« … », a déclaré la ministre, Amara Oyelaran, devant …").
                rest = words[k:]
                clause_words = rest
                break
        else:
            continue
        if len(clause_words) < MIN_CLAUSE_WORDS:
            return None
        speaker = _speaker_around(text, words, i, clause_words[0].start, lang)
        return (clause_words[0].start, clause_words[-1].end), word.text, speaker
    return None


def _attributes_quotation(
    text: str, cue: Word, quoted: Sequence[tuple[int, int]], lang: QuoteLanguage
) -> bool:
    """Whether a quotation closes right before the verb ("« … », a déclaré"): what follows
    the verb's comma then names or places the speaker, it reports nothing."""
    for _, q_end in quoted:
        gap = text[q_end : cue.start]
        if q_end <= cue.start and not gap.strip(" \u00a0,-\u2013\u2014") and gap.strip():
            return True  # "« … », a déclaré"; not "Der Sender „Channel 10“ berichtete, …"
        if q_end > cue.start:
            continue
        between = first_words(text, q_end, cue.start, 3)
        if (
            between
            and len(between) <= 2
            and all(w.lower in lang.auxiliaries or inverted_pronoun(w) for w in between)
            and not re.sub(r"[\w'\u2019-]", "", text[q_end : cue.start]).strip(" \u00a0,")
        ):
            return True
    return False


def _clause_then_cue(
    text: str, masked: str, words: list[Word], end: int, lang: QuoteLanguage
) -> Hit | None:
    """'Die Lage sei ernst, sagte Merz.', '…, a-t-il ajouté.', '…, dijo.', '…, so Merz.'"""
    for k in range(len(words) - 1, MIN_CLAUSE_WORDS - 1, -1):
        if "," not in _gap(masked, words[k - 1], words[k]):
            continue
        tail = words[k:]
        if len(tail) > 9:
            return None
        clause = (words[0].start, words[k - 1].end)
        if tail[0].lower in lang.inverted_markers and len(tail) > 1:
            speaker = with_apposition(text, phrase_after(text, tail[0].end, end, lang), end, lang)
            return (clause, tail[0].text, speaker) if speaker else None
        for i, word in enumerate(tail[:3]):
            if cue_base(word, lang):
                speaker = _speaker_around(text, tail, i, end, lang)
                if speaker is None and not lang.pro_drop:
                    # "Der Verhandlungsführer, Vize-Regierungschef Radek Solvig, verlangte
                    # Garantien": the commas set off an apposition; an inverted
                    # attribution names its speaker after the verb ("…, sagte er").
                    return None
                return clause, word.text, speaker
        if len(tail) <= 3 and tail[0].text[:1].isupper():
            continue  # "…, so der Sprecher der Bewegung, Ehsanullah Ehsan.": an apposition
        return None
    return None


def _source_phrase(
    text: str, masked: str, words: list[Word], end: int, lang: QuoteLanguage
) -> Hit | None:
    """'Laut Polizei …', 'Nach Angaben der Polizei …', 'Selon le ministre, …',
    'Wie die Polizei mitteilte, …', '…, según el ministro.'"""
    lowered = [w.lower for w in words]
    for phrase in lang.according_to:
        parts = phrase.split()
        n = len(parts)
        for at in range(len(words) - n + 1):
            if lowered[at : at + n] != parts:
                continue
            inside = at and "," not in _gap(masked, words[at - 1], words[at])
            if inside and phrase not in _INNER_SOURCES and phrase != "zufolge":
                continue  # only at the start of a sentence or of a clause
            after = words[at + n :]
            if not after:
                break
            if phrase in lang.zero_sources:
                if len(after) < MIN_CLAUSE_WORDS:
                    break
                owner = [w for w in words[at : at + n] if w.lower in lang.source_pronouns]
                if owner:  # "По его словам, …": the possessive is read as its pronoun
                    cue = " ".join(w.text for w in words[at : at + n])
                    return (after[0].start, after[-1].end), cue, (owner[0].start, owner[0].end)
                return (after[0].start, after[-1].end), words[at].text, None  # "Demnach …"
            if phrase == "wie":
                return _wie_clause(text, masked, words, at, end, lang)
            if phrase == "zufolge":
                # "Dem Bericht zufolge …": the source stands before the postposition.
                if at == 0 or len(after) < MIN_CLAUSE_WORDS:
                    break
                source = source_before(masked, words, at, lang)
                return (after[0].start, after[-1].end), words[at].text, source
            source_start = words[at + n - 1].end
            if after[0].lower == "von":  # "nach Angaben von AFP"
                source_start = after[0].end
            speaker = phrase_after(text, source_start, end, lang)
            if speaker is None and after[0].lower in lang.source_pronouns:
                speaker = after[0].start, after[0].end  # "Selon lui, …"
            if speaker is None:
                break
            if not at and not lang.capitalised_nouns:
                speaker = _source_to_comma(masked, speaker, after)
            if bracket := _BRACKETED.match(text, speaker[1]):  # "der Energieagentur (IEA)"
                speaker = speaker[0], bracket.end()
            rest = [w for w in after if w.start >= speaker[1]]
            if inside:  # "Dabei sind nach Angaben der Polizei drei Menschen verletzt worden"
                clause = (words[0].start, words[-1].end)
            elif at:  # "…, selon le ministre."
                clause = (words[0].start, words[at - 1].end)
            elif len(rest) >= MIN_CLAUSE_WORDS:
                clause = (rest[0].start, rest[-1].end)
            else:
                break
            return clause, " ".join(w.text for w in words[at : at + n]), speaker
    return None


#: A short name in brackets right after a source: its acronym ("(IEA)", "(AIE)").
_BRACKETED = re.compile(r"[ \u00a0]*\([^()\s]{1,12}\)")


def _source_to_comma(masked: str, source: tuple[int, int], after: list[Word]) -> tuple[int, int]:
    """A source opening its sentence runs to the comma that closes it ("Selon la Banque
    centrale européenne, …", "Selon l'Agence internationale de l'énergie (AIE), …"), where
    the phrase read from its first words stops at a lower-case adjective; at most
    ``MAX_PHRASE_WORDS`` words, and not past the end of the sentence. (Not where every noun
    is capitalised: "Laut Polizei wurden …, als …" has its clause before the comma.)"""
    taken = [w for w in after if w.start < source[1]]
    for previous, word in zip(after, after[1:], strict=False):
        if word.start < source[1]:
            continue
        gap = _gap(masked, previous, word)
        if any(stop in gap for stop in ".!?;:"):
            return source
        if "," in gap:
            close = previous.end + gap.index(",")
            return source[0], len(masked[:close].rstrip())
        taken.append(word)
        if len(taken) >= MAX_PHRASE_WORDS:
            return source
    return source


def source_before(
    masked: str, words: list[Word], at: int, lang: QuoteLanguage
) -> tuple[int, int] | None:
    """The noun phrase right before a postposition ("Dem Bericht der Zeitung zufolge",
    "befanden sich Berichten zufolge"): back over capitalised words, determiners and the
    words a determiner brings in, up to a punctuation mark or any other word."""
    first = at
    for k in range(at - 1, max(-1, at - 1 - MAX_PHRASE_WORDS), -1):
        word = words[k]
        if k + 1 < len(words) and _gap(masked, word, words[k + 1]).strip():
            break
        after_determiner = k > 0 and words[k - 1].lower in lang.determiners
        if word.lower in lang.not_subject or not (
            word.text[:1].isupper() or word.lower in lang.determiners or after_determiner
        ):
            break
        first = k
    if not any(w.text[:1].isupper() for w in words[first:at]):
        return None  # nothing, or a relative pronoun alone ("der zufolge")
    return words[first].start, words[at - 1].end


#: Sources named inside a clause ("Die Lage sei laut Polizei ernst", "hatte nach Aussage
#: des Angestellten …"), found anywhere in a clause that reports by its mood alone.
_INNER_SOURCES = ("laut", "nach angaben", "nach aussage", "nach aussagen", "nach informationen")


def _source_within(
    text: str, words: list[Word], end: int, lang: QuoteLanguage
) -> tuple[int, int] | None:
    """The source a clause names inside it, for reported speech with no verb of saying."""
    lowered = [w.lower for w in words]
    for phrase in lang.according_to:
        parts = phrase.split()
        if phrase not in _INNER_SOURCES and parts[-1] != "zufolge":
            continue
        n = len(parts)
        for at in range(len(words) - n + 1):
            if lowered[at : at + n] != parts:
                continue
            if parts[-1] == "zufolge":
                return source_before(text, words, at, lang)
            return phrase_after(text, words[at + n - 1].end, end, lang)
    return None


def _wie_clause(
    text: str, masked: str, words: list[Word], at: int, end: int, lang: QuoteLanguage
) -> Hit | None:
    """'Wie die Polizei mitteilte, wurden drei Menschen verletzt.'"""
    for k in range(at + 1, min(len(words), at + 9)):
        if "," in _gap(masked, words[k - 1], words[k]):
            if not cue_base(words[k - 1], lang) or at:
                return None
            clause_words = words[k:]
            if len(clause_words) < MIN_CLAUSE_WORDS:
                return None
            speaker = subject_before(words[at + 1 : k - 1], lang)
            return (clause_words[0].start, clause_words[-1].end), words[k - 1].text, speaker
    return None


def _speaker_around(
    text: str, words: list[Word], i: int, limit: int, lang: QuoteLanguage
) -> tuple[int, int] | None:
    cue = words[i]
    if cue.start in lang.document_sources:  # "In dem Bericht heißt es, …"
        return lang.document_sources[cue.start]
    for word in (cue, words[i - 1] if i else None):
        if word is not None and (glued := inverted_pronoun(word)) is not None:
            return glued
    pronoun = inverted_subject(text, cue, lang)
    if pronoun is not None:
        return pronoun
    inserted = inserted_verb_speaker(text, words, i, limit, lang)
    if inserted is not None:  # "La situación, dijo el ministro, es grave"
        return None if inserted == LEFT_OUT else inserted
    closed = "," in text[words[i - 1].end : cue.start] if i else False
    clause = _since_boundary(text, words[:i], lang, closed)
    if _opens_verb_second(text, words, i, clause, lang):
        return phrase_after(text, cue.end, limit, lang)  # "Als Grund gab die Schule an, …"
    before = subject_before(clause, lang)
    if before is not None:
        return before
    if (
        len(clause) < i
        and any(w.lower in lang.auxiliaries for w in clause)
        and all(w.lower in lang.auxiliaries or w.lower in lang.not_subject for w in clause)
    ):
        # "Son homologue, le vice-Premier ministre Radek Solvig, a affirmé que …": the
        # subject is the phrase set off by commas before the verb ("General Anupong,
        # Oberbefehlshaber der Armee, hat bereits angekündigt, …").
        before = subject_before(_since_boundary(text, words[: i - len(clause)], lang), lang)
        if before is not None:
            return before
    finite = next((w for w in clause[1:] if w.lower in lang.finite_before_subject), None)
    if finite is not None:  # "Außerdem ließ der Pressedienst verlauten, …"
        inside = phrase_after(text, finite.end, cue.start, lang)
        if inside is not None:
            return inside
    # "…, a annoncé l'envoyée spéciale des Nations unies, Ingrid Halvorsen."
    return with_apposition(text, phrase_after(text, cue.end, limit, lang), limit, lang)


def _decimal(text: str, left: Word, right: Word) -> bool:
    """ "5,1": a decimal comma between two numbers, no clause boundary."""
    return left.text.isdigit() and right.text.isdigit() and text[left.end : right.start] == ","


def _opens_verb_second(
    text: str, words: list[Word], i: int, clause: list[Word], lang: QuoteLanguage
) -> bool:
    """Whether a clause opened by "als" or "wie" is a main clause with the verb second ("Als
    Grund gab die Sprachschule an, …"): the verb of a subordinate clause comes last ("als
    der Minister sagte, …"), so words after it mean "als" opened a phrase, not a clause."""
    if not lang.capitalised_nouns or not clause or clause[0].lower not in SUBORDINATORS:
        return False
    if i + 1 >= len(words) or re.search(r"[,;:]", text[words[i].end : words[i + 1].start]):
        return False
    return (
        len(clause) > 1
        and clause[1].text[:1].isupper()
        and clause[1].lower not in (lang.determiners | lang.pronouns.keys())
    )


def _since_boundary(
    text: str, words: list[Word], lang: QuoteLanguage, closed: bool = False
) -> list[Word]:
    """The words after the last comma or colon before a cue (its clause). When that clause
    is a relative one that a comma ``closed`` before the cue ("Frank Sichau, der als
    Sprecher fungiert, erklärte"), the words before it, where the subject stands."""
    for k in range(len(words) - 1, 0, -1):
        if re.search(r"[,:;]", text[words[k - 1].end : words[k].start]) and not _decimal(
            text, words[k - 1], words[k]
        ):
            clause = words[k:]
            if closed and k > 1 and _relative_clause(clause, lang):
                return _since_boundary(text, words[:k], lang)
            if k > 1 and all(w.lower in lang.auxiliaries for w in clause):
                return _since_boundary(text, words[:k], lang)  # "Louis Gallois, hat erklärt"
            described = clause[0].lower in lang.determiners or (
                lang.capitalised_nouns and len(clause) > 1 and clause[1].lower in lang.determiners
            )
            if described:  # "Andres Granier, der Gouverneur, sagte", "…, Chef der Armee, hat"
                named = _since_boundary(text, words[:k], lang)
                if 0 < len(named) <= 4 and all(w.text[:1].isupper() for w in named):
                    return named + clause
            return clause
    return words


#: Pronouns that open only a relative clause (German der/die/das may open an apposition too).
RELATIVE_PRONOUNS = frozenset(
    """welcher welche welches qui lequel laquelle lesquels quien quienes cual cuales
    quale quali который которая которое которые кто""".split()
)
#: German articles that open a relative clause when it ends in a verb (lower case).
_ARTICLE_RELATIVES = frozenset("der die das dem den deren dessen denen".split())


def _relative_clause(clause: list[Word], lang: QuoteLanguage) -> bool:
    """Whether a clause set off by commas is a relative one rather than an apposition:
    "der als Sprecher fungiert" (its verb last, in lower case) against "der Sprecher der
    Grünen"."""
    first = clause[0].lower
    if first in RELATIVE_PRONOUNS:
        return True
    return (
        lang.capitalised_nouns
        and first in _ARTICLE_RELATIVES
        and len(clause) > 1
        and clause[-1].text[:1].islower()
    )
