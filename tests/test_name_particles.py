"""Persons' names carried over their particles: "Jan ter Horst", not "Jan" and "Horst";
"Van Der Beek", not "Van Der"."""

from __future__ import annotations

import pytest
from entity_helpers import mention, spans

from wiredesk.entities.name_particles import finish_particle_name, join_name_particles


def test_two_halves_of_a_name_around_a_particle_become_one() -> None:
    text = "Trainer Jan ter Horst sagte , Ludovica des Bordes schwieg ."
    found = [mention(text, n) for n in ("Jan", "Horst", "Ludovica", "Bordes")]
    assert spans(join_name_particles(text, found)) == [
        ("Jan ter Horst", "PERSON"),
        ("Ludovica des Bordes", "PERSON"),
    ]


def test_a_name_stopped_at_its_particle_goes_on_to_the_next_word() -> None:
    text = "Gedichte von Joseph Victor von Scheffel ."
    joined = join_name_particles(text, [mention(text, "Joseph Victor")])
    assert spans(joined) == [("Joseph Victor von Scheffel", "PERSON")]
    assert joined[0].name == "Joseph Victor von Scheffel"


def test_common_nouns_bodies_and_other_names_end_no_person() -> None:
    text = "Baumert von der Staatsanwaltschaft , Müller von der SPD , Meier de Haus ."
    found = [mention(text, "Baumert"), mention(text, "Müller"), mention(text, "SPD", "ORG")]
    found.append(mention(text, "Meier"))
    assert spans(join_name_particles(text, found)) == spans(found)
    text = "Josef Ackermann von der Deutschen Bank und Anna Kurz von der ÖDP ."
    found = [mention(text, "Josef Ackermann"), mention(text, "Anna Kurz")]  # the bodies missed
    assert spans(join_name_particles(text, found)) == spans(found)
    place = "Berlin von Kleist"  # only persons' names are carried over
    assert spans(join_name_particles(place, [mention(place, "Berlin", "GPE")])) == [
        ("Berlin", "GPE")
    ]


def test_a_particle_before_a_bodys_name_leaves_the_person_as_found() -> None:
    # "Rheinischen" is unknown to the lexicon: the capitalised word after it says it is no
    # surname but the start of a body's name.
    text = "Der Volkswirt Jonas Albrecht von der Rheinischen Handelsbank sprach ."
    found = [mention(text, "Jonas Albrecht")]
    assert spans(join_name_particles(text, found)) == [("Jonas Albrecht", "PERSON")]
    text = "Ursula von der Leyen sagte , Jan ter Horst Junior nicht ."
    found = [mention(text, "Ursula"), mention(text, "Jan")]
    assert spans(join_name_particles(text, found)) == [
        ("Ursula von der Leyen", "PERSON"),
        ("Jan", "PERSON"),
    ]


@pytest.mark.parametrize(
    ("text", "surface", "whole"),
    [
        ("It came after Kees Van Der Mollen\u2019s note.", "Kees Van Der", "Kees Van Der Mollen"),
        ("Lisa de Vries-Broek said so.", "Lisa de", "Lisa de Vries-Broek"),
        ("Ada Brook van der said so.", "Ada Brook", "Ada Brook"),
        ("Then Kees Van Der spoke.", "Kees Van Der", "Kees Van Der"),
    ],
)
def test_a_name_stopped_at_its_particle_goes_on(text: str, surface: str, whole: str) -> None:
    finished = finish_particle_name(text, mention(text, surface))
    assert (finished.text, finished.name) == (whole, whole)
