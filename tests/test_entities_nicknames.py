"""A person's name with a quoted nickname is one person: William "Bill" Smith."""

from __future__ import annotations

from entity_helpers import mention, spans

from wiredesk.entities.mention import Mention
from wiredesk.entities.nicknames import join_nicknames
from wiredesk.entities.resolve import base_name, resolve_mentions


def test_given_name_nickname_and_surname_become_one_person() -> None:
    text = 'said William "Bill" Smith, and state Del. Marcia \u201cCia\u201d Price shouted.'
    found = [mention(text, n) for n in ("William", "Bill", "Smith", "Marcia", "Cia")]
    assert spans(join_nicknames(text, found)) == [
        ('William "Bill" Smith', "PERSON"),
        ("Marcia \u201cCia\u201d Price", "PERSON"),
    ]


def test_the_name_leaves_the_nickname_out() -> None:
    text = 'William "Bill" Smith spoke. Later Smith left.'
    joined = join_nicknames(text, [mention(text, "William"), mention(text, "Bill")])
    later = text.rindex("Smith")
    resolved = resolve_mentions(
        text, [*joined, Mention("Smith", "PERSON", later, later + 5, "Smith")]
    )
    assert {m.name for m in resolved} == {"William Smith"}
    assert base_name("Robert \u2018Bob\u2019 O'Neill") == "Robert O'Neill"


def test_no_join_without_a_given_name_matched_marks_or_a_surname() -> None:
    text = 'He called it "Bill" Clinton style. Acme "Best" Deals. Maria "Cia" price.'
    found = [mention(text, "Acme", "ORG"), mention(text, "Maria")]
    found.append(mention(text, "Clinton"))
    assert join_nicknames(text, found) == sorted(found, key=lambda m: m.start_char)
    odd = 'Anna "Bee\u201d Jones'  # marks that do not pair
    assert join_nicknames(odd, [mention(odd, "Anna")]) == [mention(odd, "Anna")]


def test_a_name_running_on_past_the_surname_is_left_alone() -> None:
    text = 'John "Jack" Kennedy Center staff said.'
    found = [mention(text, "John"), mention(text, "Kennedy Center", "ORG")]
    assert join_nicknames(text, found) == found
