"""Within-article resolution, on hand-built mentions (no model needed)."""

from __future__ import annotations

from wiredesk.entities.mention import Mention
from wiredesk.entities.resolve import base_name, resolve_mentions


def mentions_in(text: str, spans: list[tuple[str, str]], roles: dict | None = None) -> list:
    """Mentions for each (surface, label), found left to right in ``text``."""
    out, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        pos = start + len(surface)
        found_roles = tuple((roles or {}).get(start, ()))
        out.append(Mention(surface, label, start, pos, surface, found_roles))
    return out


def test_base_name() -> None:
    assert base_name("the Taliban movement's") == "Taliban"
    assert base_name("The Labour Party") == "Labour Party"
    assert base_name("Oyelaran\u2019s") == "Oyelaran"
    assert base_name("International Energy Agency (IEA)") == "International Energy Agency"


def test_surname_and_possessive_resolve_to_full_name_with_roles() -> None:
    text = (
        "Foreign Minister Amara Oyelaran flew in. Oyelaran said talks were on. "
        "Oyelaran's aides agreed."
    )
    spans = [("Amara Oyelaran", "PERSON"), ("Oyelaran", "PERSON"), ("Oyelaran's", "ORG")]
    mentions = mentions_in(text, spans, roles={17: ("Foreign Minister",)})
    out = resolve_mentions(text, mentions)
    assert {m.name for m in out} == {"Amara Oyelaran"}
    assert {m.type for m in out} == {"PERSON"}
    assert all(m.roles == ("Foreign Minister",) for m in out)
    assert len({m.entity_key for m in out}) == 1


def test_ambiguous_surname_takes_nearest_preceding_full_name() -> None:
    text = "Joel Marsh and Ana Marsh met. Ana Marsh spoke first, then Marsh left."
    spans = [("Joel Marsh", "PERSON"), ("Ana Marsh", "PERSON"), ("Ana Marsh", "PERSON")]
    spans.append(("Marsh", "PERSON"))
    out = resolve_mentions(text, mentions_in(text, spans))
    assert out[-1].name == "Ana Marsh"


def test_defined_acronym_takes_expansion() -> None:
    text = "The International Energy Agency (IEA) warned. Later the IEA revised it."
    spans = [("International Energy Agency", "ORG"), ("IEA", "ORG"), ("IEA", "GPE")]
    out = resolve_mentions(text, mentions_in(text, spans))
    assert {m.name for m in out} == {"International Energy Agency"}
    assert {m.type for m in out} == {"ORG"}


def test_spelt_out_acronym_without_definition() -> None:
    text = "The UN Security Council met. The UNSC then adjourned."
    out = resolve_mentions(
        text, mentions_in(text, [("UN Security Council", "ORG"), ("UNSC", "ORG")])
    )
    assert out[1].name == "UN Security Council"
    assert out[0].entity_key == out[1].entity_key


def test_descriptor_noun_is_not_part_of_the_name() -> None:
    text = "the Taliban movement said the Taliban would talk."
    spans = [("the Taliban movement", "ORG"), ("the Taliban", "NORP")]
    out = resolve_mentions(text, mentions_in(text, spans))
    assert {m.name for m in out} == {"Taliban"}
    assert {m.type for m in out} == {"ORG"}


def test_unrelated_names_stay_apart_and_other_labels_untouched() -> None:
    text = "Korvale Bank and Orvia Group met on Monday."
    spans = [("Korvale Bank", "ORG"), ("Orvia Group", "ORG"), ("Monday", "DATE")]
    out = resolve_mentions(text, mentions_in(text, spans))
    assert [m.name for m in out] == ["Korvale Bank", "Orvia Group", "Monday"]
    assert out[2].type == "DATE"
