"""Archive-wide linking on hand-built mention tables (no model needed)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from tests.conftest import imported_on_a_thread
from wiredesk.entities.link import link_entities
from wiredesk.entities.mention import Mention, entity_key

ROWS = [
    # article, day, text, type, name, roles
    ("a1", date(2024, 3, 1), "Amara Oyelaran", "PERSON", "Amara Oyelaran", ["Foreign Minister"]),
    ("a1", date(2024, 3, 1), "Oyelaran", "PERSON", "Amara Oyelaran", ["Foreign Minister"]),
    ("a2", date(2024, 3, 3), "Oyelaran", "PERSON", "Oyelaran", ["foreign minister"]),
    ("a7", date(2024, 3, 8), "Oyelaran", "PERSON", "Oyelaran", []),
    ("a2", date(2024, 3, 3), "IEA", "ORG", "IEA", []),
    (
        "a3",
        date(2024, 3, 2),
        "International Energy Agency",
        "ORG",
        "International Energy Agency",
        [],
    ),
    ("a3", date(2024, 3, 2), "IEA", "ORG", "International Energy Agency", []),
    ("a3", date(2024, 3, 2), "Carter", "PERSON", "Carter", []),
    ("a4", date(2024, 3, 5), "Joe Carter", "PERSON", "Joe Carter", ["President"]),
    ("a5", date(2024, 3, 6), "Lina Carter", "PERSON", "Lina Carter", []),
    ("a5", date(2024, 3, 6), "GENEVA", "GPE", "GENEVA", []),
    ("a6", date(2024, 3, 7), "Geneva", "GPE", "Geneva", []),
    ("a6", date(2024, 3, 7), "Geneva", "ORG", "Geneva", []),
]


def frame(rows: list[tuple] = ROWS) -> pd.DataFrame:
    records = [
        {
            "article_id": a,
            "day": d,
            "entity_key": Mention(x, t, 0, len(x), n, tuple(r)).entity_key,
            "text": x,
            "type": t,
            "name": n,
            "roles": r,
        }
        for a, d, x, t, n, r in rows
    ]
    return pd.DataFrame(records)


@pytest.fixture(scope="module")
def linked() -> tuple[pd.DataFrame, pd.DataFrame]:
    return link_entities(frame())


def entity(entities: pd.DataFrame, name: str, type_: str) -> pd.Series:
    rows = entities[(entities["name"] == name) & (entities["type"] == type_)]
    assert len(rows) == 1, entities[["name", "type"]]
    return rows.iloc[0]


def test_surname_joins_full_name_only_with_a_shared_role(linked) -> None:
    entities, _ = linked
    person = entity(entities, "Amara Oyelaran", "PERSON")
    assert person["article_count"] == 2 and person["mention_count"] == 3
    assert person["roles"] == ["Foreign Minister", "foreign minister"]
    assert person["first_seen"] == date(2024, 3, 1) and person["last_seen"] == date(2024, 3, 3)
    assert "Oyelaran" in person["aliases"]


def test_ambiguous_surname_stays_alone(linked) -> None:
    entities, _ = linked
    assert entity(entities, "Carter", "PERSON")["mention_count"] == 1
    # a bare surname with no role is not attached to the one full name it fits
    assert entity(entities, "Oyelaran", "PERSON")["article_count"] == 1
    assert entity(entities, "Joe Carter", "PERSON")["roles"] == ["President"]


def test_acronym_joins_its_expansion(linked) -> None:
    entities, aliases = linked
    org = entity(entities, "International Energy Agency", "ORG")
    assert org["article_count"] == 2 and org["mention_count"] == 3
    assert org["aliases"] == ["IEA", "International Energy Agency"]
    key = entity_key("ORG", "IEA")
    assert aliases.set_index("entity_key").loc[key, "entity_id"] == org["entity_id"]


def test_same_name_merges_only_within_type(linked) -> None:
    entities, _ = linked
    place = entity(entities, "Geneva", "GPE")
    assert place["article_count"] == 2 and place["aliases"] == ["GENEVA", "Geneva"]
    assert entity(entities, "Geneva", "ORG")["mention_count"] == 1


def test_every_key_is_mapped_to_an_existing_entity(linked) -> None:
    entities, aliases = linked
    assert set(aliases["entity_key"]) == set(frame()["entity_key"])
    assert set(aliases["entity_id"]) == set(entities["entity_id"])
    assert entities["entity_id"].is_unique
    assert len(entities) == 8


def test_ids_do_not_depend_on_row_order(linked) -> None:
    entities, aliases = linked
    for seed in range(5):
        shuffled = frame().sample(frac=1.0, random_state=seed).reset_index(drop=True)
        again, again_aliases = link_entities(shuffled)
        pd.testing.assert_frame_equal(again, entities)
        pd.testing.assert_frame_equal(again_aliases, aliases)


def test_id_is_hash_of_type_and_canonical_name(linked) -> None:
    entities, _ = linked
    org = entity(entities, "International Energy Agency", "ORG")
    assert org["entity_id"] == entity_key("ORG", "International Energy Agency")


def test_empty_input() -> None:
    entities, aliases = link_entities(frame([]).reindex(columns=list(frame().columns)))
    assert entities.empty and aliases.empty
    assert "entity_id" in entities.columns and list(aliases.columns) == ["entity_key", "entity_id"]


def test_dotted_undotted_and_expanded_forms_are_one_organisation() -> None:
    rows = [
        ("b1", date(2024, 4, 1), "U.N.", "ORG", "U.N.", []),
        ("b2", date(2024, 4, 1), "UN", "ORG", "UN", []),
        ("b3", date(2024, 4, 2), "United Nations", "ORG", "United Nations", []),
        ("b4", date(2024, 4, 2), "EU", "GPE", "EU", []),  # the recogniser's place reading
        ("b5", date(2024, 4, 3), "European Union", "ORG", "European Union", []),
        ("b5", date(2024, 4, 3), "E.U.", "ORG", "European Union", []),
    ]
    entities, aliases = link_entities(frame(rows))
    assert sorted(entities["name"]) == ["European Union", "United Nations"]
    un = entity(entities, "United Nations", "ORG")
    assert un["aliases"] == ["U.N.", "UN", "United Nations"] and un["article_count"] == 3
    assert entity(entities, "European Union", "ORG")["article_count"] == 2
    assert aliases["entity_id"].nunique() == 2


def test_a_person_never_joins_an_expansion() -> None:
    rows = [
        ("c1", date(2024, 4, 1), "UN", "PERSON", "UN", []),
        ("c2", date(2024, 4, 1), "United Nations", "ORG", "United Nations", []),
    ]
    entities, _ = link_entities(frame(rows))
    assert len(entities) == 2


def test_source_names_are_one_flagged_organisation_whatever_their_reading() -> None:
    rows = [
        ("d1", date(2024, 5, 1), "Northwire", "ORG", "Northwire", []),
        ("d2", date(2024, 5, 1), "Northwire", "PERSON", "Northwire", []),  # a byline
        ("d3", date(2024, 5, 2), "NORTHWIRE", "GPE", "NORTHWIRE", []),  # a dateline
        ("d3", date(2024, 5, 2), "Harbor Times", "ORG", "Harbor Times", []),
        ("d4", date(2024, 5, 2), "Velmora", "GPE", "Velmora", []),
    ]
    entities, aliases = link_entities(frame(rows), source_names=["Northwire", "The Harbor Times"])
    wire = entity(entities, "Northwire", "ORG")
    assert wire["is_source"] and wire["article_count"] == 3
    assert wire["entity_id"] == entity_key("ORG", "Northwire")
    assert entity(entities, "Harbor Times", "ORG")["is_source"]
    assert not entity(entities, "Velmora", "GPE")["is_source"]
    assert len(entities) == 3 and aliases["entity_id"].nunique() == 3
    plain, _ = link_entities(frame(rows))
    assert not plain["is_source"].any() and len(plain) > 3


def test_one_word_name_joins_the_type_that_holds_nine_of_ten_mentions() -> None:
    rows = [(f"e{i}", date(2024, 6, 1), "Korvex", "ORG", "Korvex", []) for i in range(9)]
    rows.append(("e9", date(2024, 6, 2), "Korvex", "GPE", "Korvex", []))
    entities, _ = link_entities(frame(rows))
    assert len(entities) == 1
    assert entity(entities, "Korvex", "ORG")["article_count"] == 10
    # two against three is no evidence: the readings stay apart
    entities, _ = link_entities(
        frame(rows[:3] + [rows[-1], ("e8", date(2024, 6, 2), "Korvex", "GPE", "Korvex", [])])
    )
    assert len(entities) == 2


def test_the_pipeline_definitions_leave_pandas_to_a_thread_of_the_articles_stage() -> None:
    """pandas is linking's alone: the definitions an ingest imports before its first page
    goes out do not import it, and the background import the articles stage starts does."""
    imported_on_a_thread(
        "import pipelines.definitions\nfrom wiredesk.entities import prepare_linking_in_background",
        "prepare_linking_in_background",
        "pandas",
        "pandas-import",
    )
