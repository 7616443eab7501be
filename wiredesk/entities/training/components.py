"""Pipeline components the German and Russian recognisers carry, registered for ``spacy.load``.

A saved pipeline names its components by factory; importing this module registers ours, so
training and loading both see them. ``wiredesk_name_morph`` gives the Russian model what a
few thousand training documents cannot teach: whether a dictionary knows a capitalised word
as a first name, surname, patronymic, place or organisation, and its dictionary form
("Москвы" -> "москва"), so inflected names share features. ``wiredesk_german_words`` gives
the German model the same kind of prior from installed word lists (see ``german_words``).
``wiredesk_core_labels`` drops the labels a model learns only to tell names from their
derivatives (GermEval's ``LOCderiv`` "deutsche", ``LOCpart`` "EU-weit"), which are not names
to report.
``wiredesk_inner_places`` finds the places named inside an organisation's name ("Конгресса
США", "мэрии Москвы"), which a recogniser of non-overlapping spans cannot give. The
architecture ``wiredesk.QuantisedHashEmbed.v1`` is the encoder's embedding with pretrained
word vectors rebuilt from a product-quantised table (see ``quantised_embed``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from wiredesk.entities.training.quantised_embed import QuantisedHashEmbed

#: pymorphy3 grammemes that mark a proper name, and the feature each becomes.
NAME_GRAMMEMES = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init")
#: Labels a recogniser reports; any other label it predicts is left out.
CORE_LABELS = frozenset({"PER", "ORG", "LOC", "MISC"})


#: Hashed features, word vectors and, with ``clusters``, each word's Brown cluster and its
#: path's prefixes, mixed to ``width`` (see ``quantised_embed``).
registry.architectures("wiredesk.QuantisedHashEmbed.v1")(QuantisedHashEmbed)


class NameMorph:
    """Writes a dictionary form into ``token.lemma_`` and name grammemes into ``token.morph``.

    Only capitalised words are looked up (names are capitalised in Russian, and the lookup
    is the component's whole cost); each distinct word form is looked up once per process.
    Other words get their first five letters as a rough stem, so "мэрии" and "мэрия" share
    one, at no lookup cost.
    """

    def __init__(self) -> None:
        import pymorphy3

        self._analyser = pymorphy3.MorphAnalyzer(lang="ru")
        self._seen: dict[str, tuple[str, str]] = {}

    def features(self, word: str) -> tuple[str, str]:
        """(dictionary form, ``Name=Yes|...`` features) for one capitalised word."""
        found = self._seen.get(word)
        if found is None:
            parses = self._analyser.parse(word)
            grammemes = {g for p in parses for g in NAME_GRAMMEMES if g in p.tag}
            feats = [f"{g}=Yes" for g in sorted(grammemes)]
            if not parses[0].is_known:
                feats.append("Known=No")
            found = (parses[0].normal_form, "|".join(feats))
            if len(self._seen) < 200_000:
                self._seen[word] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            text = token.text
            if text[:1].isupper():
                lemma, feats = self.features(text)
                token.lemma_ = lemma
                if feats:
                    token.set_morph(feats)
            elif len(text) > 5 and text[:1].isalpha():
                token.lemma_ = token.lower_[:5]
        return doc


@Language.factory("wiredesk_name_morph")
def make_name_morph(nlp: Language, name: str) -> NameMorph:
    """The Russian name features (needs pymorphy3 and its Russian dictionaries)."""
    return NameMorph()


class GermanWords:
    """Writes what HanTa's lexicon and wordfreq know of each word into ``token.tag_`` and
    ``token.morph`` (see ``german_words``), for the German encoder to read, and a longer
    ending than the encoder's three letters into ``token.lemma_``: German names its bodies
    with compounds ("Umweltbundesamt", "Bundesärztekammer") whose last word tells the kind."""

    def __call__(self, doc: Doc) -> Doc:
        from wiredesk.entities.training.german_words import word_features

        for token in doc:
            text = token.text
            tags, feats = word_features(text)
            if tags:
                token.tag_ = tags
            if feats:
                token.set_morph(feats)
            if len(text) > 5 and text[:1].isalpha():
                token.lemma_ = token.lower_[-5:]
        return doc


@Language.factory("wiredesk_german_words")
def make_german_words(nlp: Language, name: str) -> GermanWords:
    """The German word features (needs HanTa and wordfreq)."""
    return GermanWords()


@Language.component("wiredesk_core_labels")
def core_labels(doc: Doc) -> Doc:
    """Keep only PER, ORG, LOC and MISC spans."""
    doc.ents = [ent for ent in doc.ents if ent.label_ in CORE_LABELS]
    return doc


#: The span group holding names found inside other names; the recogniser reports them too.
INNER = "inner"


def _place_word(token) -> bool:  # noqa: ANN001 - spaCy's Token
    return token.text[:1].isupper() and "Geox=Yes" in str(token.morph)


def inner_places(span: Span) -> list[Span]:
    """Runs of dictionary place names inside an organisation's name, not at its start."""
    doc, found, i = span.doc, [], span.start + 1
    while i < span.end:
        end = _place_end(doc, i, span.end)
        if end > i:
            found.append(Span(doc, i, end, "LOC"))
        i = max(end, i + 1)
    return found


def _place_end(doc: Doc, i: int, limit: int) -> int:
    """Where a place name starting at token ``i`` ends (``i`` when none starts there);
    "Санкт-Петербургу" is one: a capitalised word joined by a hyphen to a place."""
    end = i
    while end < limit:
        hyphen = end + 2 < limit and doc[end + 1].text == "-" and _place_word(doc[end + 2])
        if _place_word(doc[end]):
            end += 1
        elif doc[end].text[:1].isupper() and hyphen:
            end += 3
        elif end > i and doc[end].text == "-" and end + 1 < limit and _place_word(doc[end + 1]):
            end += 2
        else:
            break
    return end


@Language.component("wiredesk_inner_places")
def inner_place_names(doc: Doc) -> Doc:
    """Places named inside organisations' names, into ``doc.spans["inner"]``."""
    doc.spans[INNER] = [
        place for ent in doc.ents if ent.label_ == "ORG" for place in inner_places(ent)
    ]
    return doc
