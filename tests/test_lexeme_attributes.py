"""New words get only the attributes a recogniser reads."""

from __future__ import annotations

import spacy
from spacy.attrs import IDS, LIKE_NUM

from wiredesk.entities.lexeme_attributes import (
    keep_read_attributes,
    named_attributes,
    read_attribute_ids,
)


def test_the_attributes_a_configuration_names_at_any_depth() -> None:
    config = {
        "components": {
            "tok2vec": {"model": {"embed": {"attrs": ["NORM", "PREFIX", "lemma"], "width": 96}}},
            "ner": {"factory": "ner", "moves": None},
        }
    }
    assert named_attributes(config) == {"NORM", "PREFIX", "LEMMA"}
    read = read_attribute_ids(config)
    assert IDS["LEMMA"] in read and IDS["IS_SPACE"] in read and IDS["SHAPE"] in read
    assert LIKE_NUM not in read and IDS["IS_STOP"] not in read


def test_a_new_word_keeps_what_is_read_and_no_flag_that_is_not() -> None:
    nlp = spacy.blank("ru")
    assert LIKE_NUM in nlp.vocab.lex_attr_getters  # Russian's slow number test, before
    keep_read_attributes(nlp)
    assert LIKE_NUM not in nlp.vocab.lex_attr_getters
    doc = nlp("Двадцать пять министров  Заявили")
    first = doc[0]
    assert (first.lower_, first.shape_, first.prefix_, first.suffix_) == (
        "двадцать",
        "Xxxxx",
        "Д",
        "ать",
    )
    assert first.norm_ == "двадцать"
    assert not first.like_num  # a flag nothing reads is no longer worked out
    assert [t.is_space for t in doc] == [False, False, False, True, False]


def test_a_loaded_recogniser_works_out_only_what_it_reads() -> None:
    from wiredesk.entities.recognise import load_pipeline

    nlp = load_pipeline()  # the configured English recogniser
    kept = set(nlp.vocab.lex_attr_getters)
    assert kept <= read_attribute_ids(nlp.config)
    assert IDS["NORM"] in kept and IDS["IS_STOP"] not in kept
