"""Words, sentences and speaker phrases of copy in any language, by character offsets.

The per-language finder reads text through these: words in any alphabet, sentences that
start with any capital letter (Cyrillic and accented ones too) and do not end at an
abbreviation or a German ordinal date ("am 3. März"), and the noun phrase that names who
speaks next to a verb of saying.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from wiredesk.quotes.languages import QuoteLanguage

#: A word in any alphabet, with inner apostrophes and hyphens (l'ONU, a-t-il, пресс-секретарь).
_WORD = re.compile(r"[^\W_][\w]*(?:['\u2019-][\w]+)*")
_SENTENCE_END = re.compile(
    r"[.!?\u2026]+[\"\u201c\u201d\u00ab\u00bb\u2039\u203a]?(?=[\s\u00a0]+[\"'\u201c\u201e\u2018\u00ab\u00bb\u2039(\[\u2014\u2013]?[\s\u00a0]*\w)"
)
#: French inversion glued to its verb: "a-t-il", "dit-elle", "estime-t-on".
_INVERTED_PRONOUN = re.compile(r"-(?:t-)?(il|elle|ils|elles|on)$", re.IGNORECASE)
MAX_PHRASE_WORDS = 8


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()


def words_in(text: str, start: int, end: int) -> list[Word]:
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]


def first_words(text: str, start: int, end: int, most: int) -> list[Word]:
    """The first ``most`` words of ``text[start:end]``: enough to tell that a stretch holds
    only a word or two without reading all of a long one."""
    found = islice(_WORD.finditer(text, start, end), most)
    return [Word(m.start(), m.end(), m.group()) for m in found]


def names_a_quotation(text: str, word: Word, quote_start: int, lang: QuoteLanguage) -> bool:
    """Whether a naming word ("dit", "sogenannte", "llamado", "Motto:") brings in the
    quotation starting at ``quote_start``: at most a word between them ("le plan dit du
    « corridor bleu »") and no comma, after which the word is a verb of saying ("…, a-t-il
    dit, est « clair »")."""
    return (
        word.lower in lang.naming
        and quote_start >= word.end
        and "," not in text[word.end : quote_start]
        and len(first_words(text, word.end, quote_start, 3)) <= 2
    )


def sentences(masked: str, start: int, end: int, lang: QuoteLanguage) -> list[tuple[int, int]]:
    """Sentence spans of ``masked[start:end]`` (quoted stretches masked by the caller)."""
    spans: list[tuple[int, int]] = []
    pos = start
    for match in _SENTENCE_END.finditer(masked, start, end):
        after = masked[match.end() :].lstrip()[:1]
        if match.group() == "." and _no_break(masked, match.start(), after, lang):
            continue
        spans.append((pos, match.end()))
        pos = match.end()
        while pos < end and masked[pos].isspace():
            pos += 1
    if pos < end:
        spans.append((pos, end))
    return [(s, e) for s, e in spans if masked[s:e].strip()]


def _no_break(text: str, dot: int, after: str, lang: QuoteLanguage) -> bool:
    """A period that closes an abbreviation, an initial or an ordinal, not a sentence."""
    begin = dot
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] == "."):
        begin -= 1
    word = text[begin:dot]
    if not word:
        return False
    if word.lower().rstrip(".") in lang.abbreviations or (len(word) == 1 and word.isupper()):
        return True
    if lang.ordinal_dates and word.isdigit() and len(word) <= 2:
        return True  # "am 3. März", "der 2. Weltkrieg"
    return after.islower()


def opinion_cues(text: str, lang: QuoteLanguage) -> frozenset[int]:
    """Offsets of the verb in "ist der Meinung, dass …", "war der Ansicht, …": holding an
    opinion reports it as a verb of saying does."""
    if not lang.opinion_nouns:
        return frozenset()
    pattern = _opinion_pattern(lang.copulas, lang.determiners, lang.opinion_nouns)
    return frozenset(match.start() for match in pattern.finditer(text))


@lru_cache(maxsize=8)
def _opinion_pattern(
    copulas: frozenset[str], determiners: frozenset[str], nouns: frozenset[str]
) -> re.Pattern[str]:
    def alternatives(words: frozenset[str]) -> str:
        return "|".join(sorted(map(re.escape, words)))

    return re.compile(
        rf"\b(?:{alternatives(copulas)})\s+(?:{alternatives(determiners)})\s+"
        rf"(?:{alternatives(nouns)})\b\s*[,:]",
        re.IGNORECASE,
    )


def inverted_pronoun(word: Word) -> tuple[int, int] | None:
    """The pronoun glued to a verb by French inversion ("a-t-il" -> il), as a span."""
    match = _INVERTED_PRONOUN.search(word.text)
    if match is None:
        return None
    return word.start + match.start(1), word.start + match.end(1)


def separable_cues(text: str, lang: QuoteLanguage) -> frozenset[int]:
    """Offsets of separable verbs of saying whose particle closes their clause: "teilte die
    Polizei mit", "fügte er hinzu", "wies die Vorwürfe als „haltlos“ zurück" (the particle
    is the clause's last word; a quoted phrase inside the clause does not end it)."""
    if not lang.separable:
        return frozenset()
    found = set()
    for match in re.finditer(r"\w+", text):
        particles = lang.separable.get(match.group().lower())
        if particles is None:
            continue
        clause = re.match(r"[^,.;:!?]{0,160}", text[match.end() :])
        tail = re.findall(r"\w+", clause.group()) if clause else []
        if tail and tail[-1].lower() in particles:
            found.add(match.start())
    return frozenset(found)


def cue_base(word: Word, lang: QuoteLanguage) -> bool:
    """Whether a word is a verb of saying, also with an inverted pronoun glued to it. Where
    nouns are capitalised, a capitalised word is a noun ("nach Angaben", "die Versicherten"),
    never the verb written the same in lower case."""
    if lang.capitalised_nouns and word.text[:1].isupper():
        return False
    if lang.is_cue(word.text) or word.start in lang.cue_starts:
        return True
    if "-" in word.text:
        return lang.is_cue(word.text.split("-")[0])
    return False


def plausible_subject(phrase: list[Word], lang: QuoteLanguage) -> bool:
    """Whether words can name whoever speaks: a pronoun, a name, a described person."""
    if not phrase or len(phrase) > MAX_PHRASE_WORDS:
        return False
    first = phrase[0]
    if first.lower in lang.source_prepositions and len(phrase) > 1:
        named = phrase[2] if phrase[1].lower in lang.determiners and len(phrase) > 2 else phrase[1]
        return named.text[:1].isupper()  # "Aus Militärkreisen", "von der Umwelthilfe"
    if first.lower in lang.not_subject or first.lower in lang.complementisers:
        return False
    if len(phrase) == 1 and first.lower in lang.pronouns:
        return True
    if first.lower in lang.determiners:
        return len(phrase) > 1
    if lang.elided(first.text):
        return True  # "l'économiste", "l'ONU"
    if lang.capitalised_nouns and len(phrase) > 1 and first.lower.endswith(_ADJECTIVE_ENDINGS):
        return phrase[1].text[:1].isupper()  # "vermelden chinesische Medien"
    return first.text[:1].isupper() or lang.is_title(first.text)


#: Endings of German adjectives before a noun, which may open a subject without an article.
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es")

#: Conjunctions that may open a clause before its subject ("Und Merz sagte", "Mais il a dit").
CONJUNCTIONS = frozenset("und aber doch denn sondern et mais y pero e ma и но а".split())
#: Words opening a subordinate clause, whose subject follows them ("wie der Minister sagte",
#: "comme l'a dit le ministre", "как заявил министр").
SUBORDINATORS = frozenset("wie als nachdem während weil da indem wobei comme como come как".split())


def subject_before(words: list[Word], lang: QuoteLanguage) -> tuple[int, int] | None:
    """The subject standing before a cue (``words`` run from a clause boundary to the cue).

    What precedes the verb must be the subject as a whole: "Der Sprecher der Polizei sagte".
    When it is an adverbial ("Am Montag sagte der Minister") the subject follows the verb,
    and None sends the caller there. A long subject keeps its first words, where its head
    stands ("Patrick Kamanda von der Umweltbehörde …").
    """
    while words and (
        words[-1].lower in lang.auxiliaries or words[-1].lower in lang.inverted_markers
    ):
        words = words[:-1]
    while words and (words[0].lower in CONJUNCTIONS or words[0].lower in SUBORDINATORS):
        words = words[1:]
    if lang.capitalised_nouns and words and words[0].lower in lang.pronouns:
        words = words[:1]  # "sie den Aufsichtsrat …": the subject is the pronoun
    if not words or not plausible_subject(words[:MAX_PHRASE_WORDS], lang):
        return None
    if words[0].lower in lang.oblique_determiners:
        return None  # "Den Währungsfonds forderte er auf": an object, the subject follows
    if len(words) == 1 and _adverbial(words[0], lang):
        return None  # "Ähnlich äußerte sich der Präsident": the subject follows the verb
    phrase = words[:MAX_PHRASE_WORDS]
    if lang.capitalised_nouns:
        phrase = _noun_phrase(phrase, lang)
    return phrase[0].start, phrase[-1].end


#: Endings of adverbs and adverbial adjectives in German ("ähnlich", "offiziell",
#: "möglicherweise", "erstmals"), which may open a clause but never name a speaker.
_ADVERB_ENDINGS = ("lich", "weise", "falls", "mals", "isch", "iell")


def _adverbial(word: Word, lang: QuoteLanguage) -> bool:
    return lang.capitalised_nouns and word.lower.endswith(_ADVERB_ENDINGS)


def _noun_phrase(phrase: list[Word], lang: QuoteLanguage) -> list[Word]:
    """The noun phrase a subject opens, where nouns are capitalised: it ends before the
    first lower-case word that neither follows a determiner nor is one ("Rice hatte bei
    ihrem Aufenthalt" is "Rice"; "Die spanische Regierung hat" is "Die spanische Regierung";
    "Der Sprecher des Weißen Hauses" stays whole)."""
    kept = phrase[:1]
    if kept[0].lower in lang.pronouns:
        return kept  # "indem sie den Aufsichtsrat aufforderte": the pronoun alone
    for index, word in enumerate(phrase[1:], start=1):
        lower_case = word.text[:1].islower()
        if lower_case and _joins_coordinate(phrase, index, lang):
            kept.append(word)  # "Kongress- und Verteidigungskreise"
            continue
        if lower_case and kept[-1].lower not in lang.determiners:
            if word.lower not in lang.determiners and not _joins_name(kept, word):
                break
        kept.append(word)
    return kept


def phrase_after(text: str, start: int, limit: int, lang: QuoteLanguage) -> tuple[int, int] | None:
    """The noun phrase starting at ``start``: an inverted speaker ("sagte der Minister",
    "dijo el presidente") or the source after "laut", "selon", "по словам"."""
    taken: list[Word] = []
    found = words_in(text, start, limit)
    for index, word in enumerate(found):
        if not taken and word.lower in lang.object_pronouns:
            start = word.end  # "charakterisierte ihn der Gewerkschafter": past the object
            continue
        gap = text[taken[-1].end if taken else start : word.start]
        if any(ch in gap for ch in ',;:.!?()\u00ab\u00bb\u201e\u201c\u201d"\u2014\u2013'):
            if taken or gap.strip(" \u00a0,"):
                break
        if taken and _joins_coordinate(found, index, lang):
            taken.append(word)  # "so Kongress- und Verteidigungskreise"
            continue
        if taken and (word.lower in lang.not_subject or word.lower in lang.complementisers):
            if not _name_particle(found, index, text, lang):
                break
        if taken and cue_base(word, lang):
            break
        if taken and word.text[:1].islower() and taken[-1].lower not in lang.determiners:
            after_article = lang.elided(taken[-1].text) and lang.is_title(word.text)
            # Where nouns are capitalised, a role's complement goes on only after an article
            # ("der Sprecher des Ministeriums"): "Polizei wurden" ends at the verb.
            role_goes_on = _title_open(taken, lang) and (
                not lang.capitalised_nouns or word.lower in lang.determiners
            )
            if not _joins_name(taken, word) and not role_goes_on and not after_article:
                break  # "l'ancien ministre" goes on, "l'économiste devant la presse" ends
        taken.append(word)
        if len(taken) >= MAX_PHRASE_WORDS:
            break
    if not taken or not plausible_subject(taken, lang):
        return None
    return taken[0].start, taken[-1].end


def _title_open(taken: list[Word], lang: QuoteLanguage) -> bool:
    """Whether a role in the phrase still waits for its words: lower-case words may follow
    it and its complement ("le ministre délégué", "la ministre des Affaires étrangères",
    "министр иностранных дел") until a name does: a capitalised word right after the role
    or after a name's first word ("la ministre Amélie de Montchalin" ends before "devant la
    presse"), not one after "de" or "des", which names the office."""
    titles = [k for k, word in enumerate(taken) if lang.is_title(word.text)]
    if not titles:
        return False
    role = titles[-1]
    named = False
    for k in range(role + 1, len(taken)):
        named = named or (taken[k].text[:1].isupper() and (k == role + 1 or named))
    return not named


def _name_particle(words: list[Word], index: int, text: str, lang: QuoteLanguage) -> bool:
    """A particle between two capitalised words of one name ("Amélie de Montchalin",
    "Luiz Inácio da Silva"), which elsewhere ends a phrase ("de", "di" open a complement).
    Not where every noun is capitalised: "Merz von der CDU" names a party after the man."""
    if lang.capitalised_nouns or not 0 < index < len(words) - 1:
        return False
    if not words[index - 1].text[:1].isupper() or words[index].lower not in NAME_PARTICLES:
        return False
    following = words[index + 1]
    if following.lower in NAME_PARTICLES and index + 2 < len(words):
        following = words[index + 2]  # "van der Berg"
    gap = text[words[index - 1].end : following.start]
    return following.text[:1].isupper() and not any(ch in gap for ch in ",;:.!?()")


#: Particles inside names, where nouns are not capitalised ("Luiz Inácio da Silva").
NAME_PARTICLES = frozenset("de du des da das di del della dos van der den".split())


def _joins_coordinate(words: list[Word], index: int, lang: QuoteLanguage) -> bool:
    """Where nouns are capitalised, "und" before a capitalised word joins two sources
    ("Merz und Scholz"); before a verb it ends the phrase ("so Merz und fügte hinzu")."""
    if not lang.capitalised_nouns or words[index].lower != "und" or index + 1 >= len(words):
        return False
    following = words[index + 1]
    return following.text[:1].isupper() and not cue_base(following, lang)


def inverted_subject(text: str, cue: Word, lang: QuoteLanguage) -> tuple[int, int] | None:
    """A subject pronoun right after the verb ("…, bezeichnete er als „…“"): in a verb-second
    language the subject, whatever stands before the verb."""
    following = words_in(text, cue.end, min(len(text), cue.end + 12))
    if not following or text[cue.end : following[0].start].strip():
        return None
    word = following[0]
    return (word.start, word.end) if word.lower in lang.inverted_subjects else None


def _joins_name(taken: list[Word], word: Word) -> bool:
    """Lower-case words inside a name or a title: "von", "de", "di", "del", "ministre de"."""
    return word.lower in ("von", "van", "de", "di", "da", "del", "della", "du", "la", "le", "des")


#: A short complement of a role, up to its comma: "de Kestrelia", "der Vereinten Nationen".
_COMPLEMENT = re.compile(
    r"[ \u00a0]+(?:de|du|des|d'|d\u2019|der|von|del|della|di)[ \u00a0']?"
    r"[^\W\d_][\w'\u2019 -]{0,40}?(?=[ \u00a0]*,)"
)


def with_apposition(
    text: str, span: tuple[int, int] | None, limit: int, lang: QuoteLanguage
) -> tuple[int, int] | None:
    """A described speaker followed by their name in apposition, as one phrase: agency copy
    names the person after the role ("a déclaré la ministre des Affaires étrangères, Amara
    Oyelaran, devant …", "a expliqué son porte-parole, Pierre Jourdan"). Other phrases, and
    a description not followed by a name set off by commas, stay as they are."""
    if span is None:
        return None
    phrase = words_in(text, *span)
    if not phrase or not (
        phrase[0].lower in lang.determiners
        or lang.elided(phrase[0].text)
        or any(lang.is_title(w.text) for w in phrase)
    ):
        return span
    end = span[1]
    complement = _COMPLEMENT.match(text, end, limit)
    if complement is not None:  # "la ministre des Affaires étrangères de Kestrelia, …"
        end = complement.end()
    comma = re.match(r"[ \u00a0]*,[ \u00a0]*", text[end:limit])
    if comma is None:
        return span
    name: list[Word] = []
    for word in words_in(text, end + comma.end(), limit):
        gap = text[(name[-1].end if name else end + comma.end()) : word.start]
        if gap.strip(" \u00a0") or not word.text[:1].isupper() or len(name) == 4:
            break
        name.append(word)
    if not name:
        return span
    after = text[name[-1].end : limit].lstrip(" \u00a0")
    if after and after[0] not in ",.;":
        return span  # "…, Paris ne cédera pas": a clause, not a name
    return span[0], name[-1].end


#: What :func:`inserted_verb_speaker` says when the verb's subject is left out.
LEFT_OUT = (-1, -1)


def inserted_verb_speaker(
    text: str, words: list[Word], i: int, limit: int, lang: QuoteLanguage
) -> tuple[int, int] | None:
    """The speaker of a verb of saying ``words[i]`` set between commas inside the clause it
    reports ("Die Lage, sagte Merz, sei ernst", "La situación, dijo el ministro, es grave"):
    the words before its comma, with no comma among them, open what was said, so the
    speaker is the phrase after the verb; in a language that leaves subjects out, a comma
    right after the verb says there is none (``LEFT_OUT``: "Su objetivo, dijo, fue …").
    None when the verb is not so placed: after a relative clause or an apposition, whose
    commas come in pairs ("Frank Sichau, der … fungiert, erklärte, dass …", "Merz, der
    Kanzler, sagte"), the subject is read before the verb as usual."""
    first = i - 1 if i and words[i - 1].lower in lang.auxiliaries else i  # "ha detto"
    if not first or "," not in text[words[first - 1].end : words[first].start]:
        return None
    if "," in text[words[0].start : words[first - 1].end]:
        return None  # a second comma before the verb: an apposition or a relative clause
    after = phrase_after(text, words[i].end, limit, lang)
    if after is not None:
        return after
    if lang.pro_drop and text[words[i].end : words[i].end + 8].lstrip().startswith(","):
        return LEFT_OUT
    return None
