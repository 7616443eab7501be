"""Entities across articles, end to end: recognition, resolution, linking, the alias file."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from wiredesk.entities.curated import EntitiesFileError, entities_file, load_curated
from wiredesk.entities.link import link_entities
from wiredesk.entities.recognise import find_mentions

ARTICLES = {
    "a-lavrov": (
        "MOSCOW, Nov 16 (Testwire) - Russian Foreign Minister Sergey Lavrov met envoys on "
        "Monday. Lavrov said the talks were useful.\n"
        "Korvale Bank chairman Ivo Dren said former President Olek Varn had resigned."
    ),
    "a-marsh": (
        "Joel Marsh and his sister Ana Marsh run the Korvale Institute. Joel Marsh spoke "
        "first. The Korvale Institute did not comment."
    ),
    "a-un": (
        "The UN Security Council met on Tuesday. The UNSC said the International Energy "
        "Agency (IEA) would report. The IEA declined to comment."
    ),
    "a-governor-full": "Governor Sofia Renner of the Bank of Orvia raised rates on Thursday.",
    "a-governor-surname": "Governor Renner said on Friday that inflation would slow.",
    "a-striker": "Renner scored twice for Korvale City on Saturday.",
    "a-headline": "KORVALE BANK CUTS RATES AS ORVIA CENTRAL BANK HOLDS\nLavrov was not asked.",
}
DAYS = {key: dt.date(2026, 11, 16 + i) for i, key in enumerate(ARTICLES)}


def mention_frame(order: list[str]) -> pd.DataFrame:
    found = find_mentions([ARTICLES[k] for k in order])
    rows = []
    for key, mentions in zip(order, found, strict=True):
        for m in mentions:
            rows.append(
                {
                    "article_id": key,
                    "day": DAYS[key],
                    "entity_key": m.entity_key,
                    "text": m.text,
                    "type": m.type,
                    "name": m.name,
                    "roles": list(m.roles),
                    "start_char": m.start_char,
                }
            )
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def linked() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    rows = mention_frame(list(ARTICLES))
    entities, aliases = link_entities(rows)
    return rows, entities, aliases


def entity_of(linked, article: str, text: str) -> pd.Series:
    rows, entities, aliases = linked
    keys = rows[(rows["article_id"] == article) & (rows["text"] == text)]["entity_key"]
    assert len(keys) >= 1, rows[rows["article_id"] == article][["text", "type"]]
    ids = set(aliases.set_index("entity_key").loc[list(keys), "entity_id"])
    assert len(ids) == 1
    return entities.set_index("entity_id").loc[ids.pop()]


def test_surname_after_full_name_is_one_person_with_role(linked) -> None:
    person = entity_of(linked, "a-lavrov", "Lavrov")
    assert person["name"] == "Sergey Lavrov" and person["type"] == "PERSON"
    assert "Russian Foreign Minister" in person["roles"]
    varn = entity_of(linked, "a-lavrov", "Olek Varn")
    assert "former President" in varn["roles"]


def test_two_people_with_one_surname_stay_apart(linked) -> None:
    joel = entity_of(linked, "a-marsh", "Joel Marsh")
    ana = entity_of(linked, "a-marsh", "Ana Marsh")
    assert joel.name != ana.name and joel["name"] == "Joel Marsh" and ana["name"] == "Ana Marsh"


def test_acronym_and_expansion_are_one_entity(linked) -> None:
    assert entity_of(linked, "a-un", "UNSC")["name"] == "UN Security Council"
    iea = entity_of(linked, "a-un", "IEA")
    assert iea["name"] == "International Energy Agency" and iea["type"] == "ORG"


def test_all_caps_headline_names_are_found_and_named_in_usual_case(linked) -> None:
    bank = entity_of(linked, "a-headline", "KORVALE BANK")
    assert (bank["type"], bank["name"]) == ("ORG", "Korvale Bank")
    lavrov = entity_of(linked, "a-headline", "Lavrov")
    # A surname alone in another story joins the full name only with a shared role.
    assert (lavrov["type"], lavrov["name"]) == ("PERSON", "Lavrov")


def test_surname_alone_joins_full_name_only_with_a_shared_role(linked) -> None:
    governor = entity_of(linked, "a-governor-surname", "Renner")
    assert governor["name"] == "Sofia Renner"
    assert governor["article_count"] == 2
    striker = entity_of(linked, "a-striker", "Renner")
    assert striker.name != governor.name and striker["name"] == "Renner"


def test_another_order_gives_the_same_ids(linked) -> None:
    _, entities, aliases = linked
    order = sorted(ARTICLES, reverse=True)
    again, again_aliases = link_entities(mention_frame(order))
    pd.testing.assert_frame_equal(again, entities)
    pd.testing.assert_frame_equal(again_aliases, aliases)


# -- the alias file -----------------------------------------------------------------------
GOOD = """\
entities:
  - name: Bank of Orvia
    type: ORG
    aliases: [Orvia Central Bank, the BoO]
    wikidata: Q12345
"""


def test_alias_file_is_applied(linked, tmp_path) -> None:
    path = tmp_path / "entities.yaml"
    path.write_text(GOOD, encoding="utf-8")
    rows, _, _ = linked
    extra = rows.iloc[:1].assign(
        article_id="a-extra", text="ORVIA CENTRAL BANK", type="ORG", name="Orvia Central Bank"
    )
    extra["entity_key"] = "k-orvia"
    entities, aliases = link_entities(pd.concat([rows, extra]), curated=load_curated(path))
    bank = entities[entities["name"] == "Bank of Orvia"]
    assert len(bank) == 1 and bank.iloc[0]["wikidata_id"] == "Q12345"
    assert bank.iloc[0]["type"] == "ORG" and bank.iloc[0]["article_count"] >= 2
    assert aliases.set_index("entity_key").loc["k-orvia", "entity_id"] == bank.iloc[0]["entity_id"]


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("entities:\n  - {name: X, type: THING}\n", "entities[0].type"),
        ("entities:\n  - {type: ORG}\n", "entities[0].name"),
        ("entities:\n  - {name: X, type: ORG, wikidata: 42}\n", "entities[0].wikidata"),
        ("entities:\n  - {name: X, type: ORG, alias: [Y]}\n", "entities[0].alias"),
        ("entities: [\n", "not valid YAML"),
        ("entities:\n  - {name: X, type: ORG}\n  - {name: Y, type: ORG, aliases: [x]}\n", "[1]"),
    ],
)
def test_bad_alias_file_is_one_line_naming_file_and_field(tmp_path, content, field) -> None:
    path = tmp_path / "entities.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EntitiesFileError) as caught:
        load_curated(path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message and field in message


def test_alias_file_location_and_missing_file(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("WIREDESK_ENTITIES", raising=False)
    assert entities_file(tmp_path / "sources.yaml") == (tmp_path / "entities.yaml").resolve()
    assert load_curated(tmp_path / "entities.yaml") == []
    monkeypatch.setenv("WIREDESK_ENTITIES", str(tmp_path / "mine.yaml"))
    assert entities_file(tmp_path / "sources.yaml") == (tmp_path / "mine.yaml").resolve()
