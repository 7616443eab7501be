"""What the finder needs to know about one language to find quotations in it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class QuoteLanguage:
    """Resources of one language; every word is lower case.

    ``cues`` are the reporting-verb forms (finite forms, participles); ``complementisers``
    open a reported clause (dass, que, che, что); ``according_to`` are the phrases whose
    source follows them (laut, selon, según, по словам); ``inverted_markers`` stand after a
    quotation and before its speaker without being verbs (German "so"). ``titles`` are role
    nouns and ``title_suffixes`` the endings of compound ones (Innenminister); ``pronouns``
    map each subject pronoun to m, f or p. ``subjunctive`` holds forms that mark reported
    speech by themselves (German Konjunktiv I) and ``subjunctive_weak`` those that do so
    only after a verb of saying (Konjunktiv II, "hätten"); ``auxiliaries`` build compound
    tenses with a participle cue ("a déclaré", "ha detto"); ``pro_drop`` says a verb without
    a subject refers to the speaker last named. ``framing`` verbs make a quoted phrase
    someone's words without reporting speech ("bezeichnete den Plan als „…“", "назвал «…»");
    ``zero_sources`` are adverbs pointing back to the last source ("demnach");
    ``separable`` maps the finite forms of separable verbs of saying to the particles that
    complete them ("teilte" … "mit"); ``dialogue_dash`` says a paragraph opening with a dash
    is speech; ``capitalised_nouns`` says every noun starts with a capital (German), so a
    lone capitalised word in quotation marks may be a quoted noun rather than a name;
    ``oblique_determiners`` never open a subject (German "den", "dem": an object stands
    first and the subject follows the verb); ``object_pronouns`` may stand between an
    inverted verb and its subject ("charakterisierte ihn der Gewerkschafter"); a phrase
    opened by one of the ``source_prepositions`` names a source ("aus Militärkreisen
    verlautete", "von der Umwelthilfe bemängelt"); ``inverted_subjects`` are pronouns that,
    right after the verb, are its subject whatever stands first ("Die Pläne bezeichnete er
    als …"). ``document_verbs`` report what a text says when a phrase opened by one of the
    ``document_prepositions`` (or ``source_prepositions``) names it ("In dem Bericht heißt
    es, …"); those in ``document_verbs_with_es`` only beside "es". ``finite_before_subject``
    are finite verbs that, second in a clause opened by an adverbial, have the subject right
    after them and the verb of saying at the end ("Bereits am Montag hatte die Gewerkschaft
    erklärt, …", "Dazu ließ der Minister verbreiten, …"). One of the ``copulas`` with a
    determiner and one of the ``opinion_nouns`` reports an opinion ("ist der Meinung, dass").
    """

    code: str
    cues: frozenset[str]
    complementisers: frozenset[str]
    according_to: tuple[str, ...]
    titles: frozenset[str]
    pronouns: dict[str, str]
    determiners: frozenset[str]
    not_subject: frozenset[str]
    abbreviations: frozenset[str] = frozenset()
    title_suffixes: tuple[str, ...] = ()
    inverted_markers: frozenset[str] = frozenset()
    subjunctive: frozenset[str] = frozenset()
    subjunctive_weak: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    naming: frozenset[str] = frozenset()
    framing: frozenset[str] = frozenset()
    zero_sources: frozenset[str] = frozenset()
    separable: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Set per article by the finder: offsets of separable verbs whose particle closes their
    #: clause there ("teilte … mit"), which are verbs of saying only with it.
    cue_starts: frozenset[int] = frozenset()
    pro_drop: bool = False
    dialogue_dash: bool = False
    capitalised_nouns: bool = False
    oblique_determiners: frozenset[str] = frozenset()
    object_pronouns: frozenset[str] = frozenset()
    source_prepositions: frozenset[str] = frozenset()
    inverted_subjects: frozenset[str] = frozenset()
    ordinal_dates: bool = False
    finite_before_subject: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
    opinion_nouns: frozenset[str] = frozenset()
    document_verbs: frozenset[str] = frozenset()
    document_verbs_with_es: frozenset[str] = frozenset()
    document_prepositions: frozenset[str] = frozenset()
    #: Pronouns that name a source after one of the ``according_to`` phrases, and
    #: possessives inside one, meaning the person last named as a subject pronoun would
    #: ("selon lui", "según él", "по его словам": in his words).
    source_pronouns: frozenset[str] = frozenset()
    #: A declined role's stem, by each of its forms, for finding the role where it was
    #: written in another case ("министра" -> "министр", "председателя" -> "председател").
    title_stems: dict[str, str] = field(default_factory=dict)
    #: Last parts of a hyphenated epithet that stands for the person last named: a party's
    #: or body's member ("der SPD-Politiker", "der CSU-Chef").
    epithet_heads: frozenset[str] = frozenset()
    #: Set per article by the finder: offsets of ``document_verbs`` that report, each with
    #: the span of the source its phrase names ("In dem Bericht heißt es, …").
    document_sources: dict[int, tuple[int, int]] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)

    def is_cue(self, word: str) -> bool:
        return word.lower() in self.cues

    def after_article(self, word: str) -> str | None:
        """The rest of a word that opens with an article elided onto it ("économiste" of
        "l'économiste", "ex" of "l'ex"), else None: one word as the finder reads words, but
        a determiner and a noun."""
        lower = word.lower()
        for article in self.determiners:
            if article.endswith(("'", "\u2019")) and lower.startswith(article):
                return word[len(article) :] or None
        return None

    def elided(self, word: str) -> bool:
        return self.after_article(word) is not None

    def is_title(self, word: str) -> bool:
        lower = word.lower()
        if lower in self.titles:
            return True
        noun = self.after_article(lower)
        if noun is not None:  # "l'envoyée": the noun after the article
            return noun in self.titles
        return (
            len(lower) > 6 and lower.endswith(self.title_suffixes) if self.title_suffixes else False
        )


def words(text: str) -> frozenset[str]:
    """A whitespace-separated list as a set of lower-case words."""
    return frozenset(w.lower() for w in text.split())


def forms(*groups: Iterable[str]) -> frozenset[str]:
    """The union of several groups of forms, lower case."""
    return frozenset(f.lower() for group in groups for f in group)
