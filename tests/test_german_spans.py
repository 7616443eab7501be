"""German spans the lexicon shows are no names: capitalised adverbs opening a sentence,
adjectives made from a town's name, compounds of common nouns."""

from __future__ import annotations

from entity_helpers import mention

from wiredesk.entities.german_compounds import is_noun_compound
from wiredesk.entities.german_spans import (
    capitalised_adverb,
    common_compound,
    drop_german_non_names,
    opens_sentence,
    place_adjective,
)


def test_a_sentence_opens_at_the_start_and_after_its_end() -> None:
    text = "Er kam . Regelmäßig fuhr er nach Ulm ."
    assert opens_sentence(text, 0)
    assert opens_sentence(text, text.index("Regelmäßig"))
    assert not opens_sentence(text, text.index("Ulm"))


def test_an_adverb_opening_a_sentence_is_no_name_a_name_there_is() -> None:
    text = "Regelmäßig fanden Vorstellungen statt . Berlin lag still ."
    assert capitalised_adverb(text, mention(text, "Regelmäßig", "GPE"))
    assert not capitalised_adverb(text, mention(text, "Berlin", "GPE"))
    inside = "Sie fanden Regelmäßig statt ."  # not opening a sentence: left to the model
    assert not capitalised_adverb(inside, mention(inside, "Regelmäßig", "GPE"))


def test_an_adjective_from_a_town_is_no_place() -> None:
    text = "Die New Yorker Börse und die Hamburger in Hamburg ."
    assert place_adjective(mention(text, "New Yorker", "GPE"))
    assert place_adjective(mention(text, "Hamburger", "LOC"))
    assert not place_adjective(mention(text, "Hamburg", "GPE"))
    assert not place_adjective(mention(text, "Hamburger", "ORG"))  # "Hamburger SV" may be
    kept = drop_german_non_names(text, [mention(text, n, "GPE") for n in ("New Yorker", "Hamburg")])
    assert [m.text for m in kept] == ["Hamburg"]


def test_compounds_of_common_nouns_are_told_from_names() -> None:
    for word in ("Rapgeschäft", "Waschkessel", "Kundengeld", "Freiheitsbäume", "S-Bahn-Tunnel"):
        assert is_noun_compound(word), word
    for word in (
        "Schulstraße",  # a street: the ending names places as often as things
        "Steinberg",  # a place's or family's ending
        "Twistringen",  # a town's ending
        "Russland",  # a listed place
        "ProSieben",  # a capital inside: a brand
        "Merkel",  # no compound
        "rapgeschäft",  # not capitalised
    ):
        assert not is_noun_compound(word), word


def test_a_compound_of_common_nouns_is_no_name_a_body_made_of_one_is() -> None:
    text = "Das Rapgeschäft , das Umweltbundesamt und Berlin ."
    found = [mention(text, n, t) for n, t in (("Rapgeschäft", "GPE"), ("Umweltbundesamt", "ORG"))]
    assert common_compound(found[0]) and not common_compound(found[1])
    found.append(mention(text, "Berlin", "GPE"))
    kept = drop_german_non_names(text, found)
    assert [m.text for m in kept] == ["Umweltbundesamt", "Berlin"]
