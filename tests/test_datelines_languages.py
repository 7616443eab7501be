"""Datelines of agencies that file in German, French, Spanish, Italian and Russian."""

from __future__ import annotations

import pytest

from wiredesk.articles import parse_dateline


@pytest.mark.parametrize(
    ("line", "place", "agency", "date"),
    [
        ("Frankfurt/Main (dpa) - Die Börse", "Frankfurt/Main", "dpa", None),
        ("München (dpa/lby) - Der Landtag", "München", "dpa/lby", None),
        ("Berlin, 3. März (dpa) - Die Regierung", "Berlin", "dpa", "3. März"),
        ("Paris, 4 déc. (AFP) - Le gouvernement", "Paris", "AFP", "4 déc."),
        ("Madrid, 18 ene (EFE).- El Gobierno", "Madrid", "EFE", "18 ene"),
        ("(ANSA) - ROMA, 18 GEN - Il governo", "ROMA", "ANSA", "18 GEN"),
        ("МОСКВА, 18 янв – РИА Новости. Министр", "МОСКВА", "РИА Новости", "18 янв"),
        ("МОСКВА, 18 января. /ТАСС/. Министр", "МОСКВА", "ТАСС", "18 января."),
    ],
)
def test_agency_datelines(line: str, place: str, agency: str, date: str | None) -> None:
    dateline = parse_dateline(line)
    assert dateline is not None
    assert (dateline.place, dateline.agency, dateline.date_text) == (place, agency, date)
    assert line[dateline.end :][:1].isupper()  # the story starts right after it


def test_a_sentence_after_a_dated_dash_is_not_an_agency() -> None:
    dateline = parse_dateline("BRUSSELS, Nov 16 - The EU said on Monday it would act.")
    assert dateline is not None and dateline.agency is None
    assert "The EU said" in "BRUSSELS, Nov 16 - The EU said on Monday it would act."[dateline.end :]
