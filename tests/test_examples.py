"""Every example in sql/examples runs against the sample warehouse and answers correctly.

Expected answers are facts of the sample (samples/README.md) that stay true as quote and
entity extraction improve: who is among the most quoted, which outlet ran the copy first,
never exact counts that better extraction would change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest

from wiredesk.store.warehouse import connect_readonly, sql_dir

Rows = list[dict[str, Any]]


def run_example(con: duckdb.DuckDBPyConnection, name: str) -> Rows:
    cursor = con.execute((sql_dir() / "examples" / f"{name}.sql").read_text(encoding="utf-8"))
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def check_top_speakers_this_week(rows: Rows) -> None:
    top3 = [r["speaker"] for r in rows[:3]]
    assert "Amara Oyelaran" in top3
    assert {"Lukas Brandt", "Ingrid Halvorsen"} & set(top3)
    oyelaran = next(r for r in rows if r["speaker"] == "Amara Oyelaran")
    assert oyelaran["outlets"] >= 2 and oyelaran["about"]
    assert [r["quotes"] for r in rows] == sorted((r["quotes"] for r in rows), reverse=True)


def check_risers_by_day(rows: Rows) -> None:
    assert {str(r["day"]) for r in rows} >= {"2026-11-17", "2026-11-19", "2026-11-20"}
    assert all(r["articles"] >= 2 and r["sources"] >= 2 for r in rows)
    assert all(r["rank"] <= 3 for r in rows)
    thursday = {r["name"] for r in rows if str(r["day"]) == "2026-11-19"}
    # Thursday's news: the shelling of Sarnic, and the National Bank of Kestrelia's rate rise.
    assert thursday & {"Sarnic", "National Bank of Kestrelia", "Sofia Renner"}


def check_what_x_said_about_topic(rows: Rows) -> None:
    assert rows, "Brandt spoke about the price of gas"
    assert any(r["quote"].startswith("We are not fixing the price of gas") for r in rows)
    assert rows[0]["score"] >= rows[-1]["score"]


def check_what_x_said_about_entity(rows: Rows) -> None:
    quotes = [r["quote"] for r in rows]
    assert any(q.startswith("Today nobody has won") for q in quotes)
    assert all("geneva" in q.lower() for q in quotes)


def check_agency_republish_speed(rows: Rows) -> None:
    row = next(r for r in rows if r["outlet"] == "harbor-times" and r["agency"] == "northwire")
    # nw-004 at 11:30Z, The Harbor Times' copy at 13:05 UTC.
    assert row["fastest_minutes"] == pytest.approx(95.0)


def check_quotes_about_entity_by_outlet(rows: Rows) -> None:
    outlets = {r["outlet"] for r in rows}
    assert {"meridian", "lakeside-post"} <= outlets
    assert all(r["quotes"] >= 1 for r in rows)


def check_most_carried_quotes(rows: Rows) -> None:
    q2 = next(r for r in rows if r["quote"].startswith("The text is not perfect"))
    assert set(q2["carried_by"]) == {"northwire", "harbor-times"}
    assert q2["first_outlet"] == "northwire"
    assert q2["speaker"] == "Amara Oyelaran"
    assert len(rows[0]["carried_by"]) >= 2


def check_who_appears_with(rows: Rows) -> None:
    partners = [r["partner"] for r in rows[:5]]
    assert {"Radek Solvig", "Ingrid Halvorsen"} & set(partners)
    assert "Amara Oyelaran" not in partners


def check_volume_by_source(rows: Rows) -> None:
    articles = {r["source_id"]: r["articles"] for r in rows}
    # 13 Northwire files, one story in two versions; the rest one article per file.
    assert articles == {
        "northwire": 12,
        "capital-press": 10,
        "meridian": 10,
        "harbor-times": 9,
        "lakeside-post": 9,
        "alp-de": 4,
        "alp-fr": 4,
    }
    agencies = {r["source_id"]: r["agency"] for r in rows}
    assert agencies["northwire"] == "Northwire" and agencies["harbor-times"] is None
    assert next(r for r in rows if r["source_id"] == "harbor-times")["agency_copy"] >= 1


def check_failures_by_source(rows: Rows) -> None:
    classes = {(r["source_id"], r["error_class"]) for r in rows}
    assert {
        ("harbor-times", "empty_content"),
        ("harbor-times", "binary_content"),
        ("harbor-times", "not_found"),
        ("northwire", "malformed_xml"),
    } <= classes


def check_speakers_on_topic(rows: Rows) -> None:
    speakers = {r["speaker"] for r in rows}
    assert {"Wanjiru Kamau", "Peter Odhiambo"} <= speakers
    assert all(r["quotes"] >= 1 and r["outlets"] for r in rows)


def check_first_to_report(rows: Rows) -> None:
    first = rows[0]
    # The Harbor Times' Tuesday piece on the mark names the NBK two days before the rate rise.
    assert first["source_id"] == "harbor-times" and str(first["published_at"])[:10] == "2026-11-17"
    assert "northwire" in {r["source_id"] for r in rows}
    assert [r["order"] for r in rows] == list(range(1, len(rows) + 1))


CHECKS: dict[str, Callable[[Rows], None]] = {
    name[len("check_") :]: function
    for name, function in globals().items()
    if name.startswith("check_")
}


def example_names() -> list[str]:
    return sorted(p.stem for p in (sql_dir() / "examples").glob("*.sql"))


def test_there_are_at_least_ten_examples_and_each_has_a_check() -> None:
    assert len(example_names()) >= 10
    assert set(example_names()) == set(CHECKS)


@pytest.mark.parametrize("name", example_names())
def test_example_answers_its_question(sample_warehouse: Path, name: str) -> None:
    con = connect_readonly(sample_warehouse)
    try:
        rows = run_example(con, name)
    finally:
        con.close()
    assert rows, f"sql/examples/{name}.sql returned nothing"
    CHECKS[name](rows)


@pytest.mark.parametrize("name", example_names())
def test_example_starts_with_its_question(name: str) -> None:
    first = (sql_dir() / "examples" / f"{name}.sql").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("-- ") and first.rstrip().endswith("?")


def test_the_shared_warehouse_has_every_table_users_have(sample_warehouse: Path) -> None:
    """Built through the assets, so the examples read syndication and history too."""
    from wiredesk.store.schema import TABLES

    con = connect_readonly(sample_warehouse)
    empty = [
        name
        for name in TABLES
        # A sample run does not fail, and no story of it is revised on a later day.
        if name not in {"run_failures", "superseded_articles"}
        and con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == 0
    ]
    con.close()
    assert empty == []
