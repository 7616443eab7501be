"""Role descriptions compared by head noun and modifiers (wiredesk/quotes/roles.py)."""

from __future__ import annotations

import pytest

from wiredesk.quotes.roles import Role, parse_role, role_fits, same_word


def test_parse_takes_the_head_before_a_preposition() -> None:
    assert parse_role("the minister of foreign affairs") == Role(
        "minister", frozenset({"foreign", "affairs"})
    )
    assert parse_role("senior Ukrainian negotiator") == Role(
        "negotiator", frozenset({"senior", "ukrainian"})
    )
    assert parse_role("the") is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("ukrainian", "ukraine", True),
        ("russia", "russian", True),
        ("defence", "defense", True),
        ("russian", "ukrainian", False),
        ("interior", "international", False),
        ("deputy", "department", False),
    ],
)
def test_same_word_tolerates_inflection_only(a: str, b: str, same: bool) -> None:
    assert same_word(a, b) is same


@pytest.mark.parametrize(
    ("query", "known", "fits"),
    [
        ("foreign minister", "minister of foreign affairs", True),
        ("minister of foreign affairs", "foreign minister", True),
        ("minister", "foreign minister", True),
        ("chief negotiator", "negotiator", True),
        ("russian negotiator", "ukrainian negotiator", False),
        ("senior russian negotiator", "senior negotiator", True),
        ("junior trade envoy", "envoy", False),  # two words added
        ("foreign minister", "foreign secretary", False),
    ],
)
def test_role_fits(query: str, known: str, fits: bool) -> None:
    assert role_fits(parse_role(query), parse_role(known)) is fits
