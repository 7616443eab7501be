"""Dates in datelines, in the six languages wire copy is read in, and the year they get."""

from __future__ import annotations

import datetime as dt

import pytest

from wiredesk.articles.dateline import parse_dateline
from wiredesk.articles.dates import Stamp
from wiredesk.articles.extraction import dateline_signal, extract, reconcile_date
from wiredesk.articles.months import date_for_dateline, month_number, read_month_day
from wiredesk.articles.pubdate import DateSignal
from wiredesk.sources.wireformats import parse_plain_text

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
REST = "The talks resumed on Monday after a week of delays, officials said."


@pytest.mark.parametrize(
    ("opening", "place", "agency", "month_day"),
    [
        ("MOSCOW, January 18 /TASS/. ", "MOSCOW", "TASS", (1, 18)),
        ("Paris, 4 déc. (AFP) - ", "Paris", "AFP", (12, 4)),
        ("GENEVA, Nov 16 (Reuters) - ", "GENEVA", "Reuters", (11, 16)),
        ("BERLIN, 3. März (dpa) - ", "BERLIN", "dpa", (3, 3)),
        ("Berlin, 3. Mrz. (dpa) - ", "Berlin", "dpa", (3, 3)),
        ("Madrid, 18 de enero (EFE).- ", "Madrid", "EFE", (1, 18)),
        ("BOGOTÁ, 2 sept (EFE) - ", "BOGOTÁ", "EFE", (9, 2)),
        ("ROMA, 18 gennaio (ANSA) - ", "ROMA", "ANSA", (1, 18)),
        ("(ANSA) - ROMA, 7 GIU - ", "ROMA", "ANSA", (6, 7)),
        ("МОСКВА, 18 января. /ТАСС/. ", "МОСКВА", "ТАСС", (1, 18)),
        ("МОСКВА, 5 нояб. (Интерфакс) - ", "МОСКВА", "Интерфакс", (11, 5)),
        ("Lyon, 1er octobre (AFP) - ", "Lyon", "AFP", (10, 1)),
        ("WIEN, 12. Jänner (APA) - ", "WIEN", "APA", (1, 12)),
        ("BRUSSELS, Sept. 9 - ", "BRUSSELS", None, (9, 9)),
    ],
)
def test_dateline_dates_in_six_languages(
    opening: str, place: str, agency: str | None, month_day: tuple[int, int]
) -> None:
    found = parse_dateline(opening + REST)
    assert found is not None and (found.place, found.agency) == (place, agency)
    assert read_month_day(found.date_text)[:2] == month_day


def test_month_names_and_their_limits() -> None:
    assert [month_number(n) for n in ("août", "Okt.", "dic", "авг.", "mag", "JUIL")] == [
        8,
        10,
        12,
        8,
        5,
        7,
    ]
    assert month_number("settle") is None
    assert read_month_day("a settlement of 18 claims") is None  # "set" is not September here
    assert read_month_day("January 18, 2025") == (1, 18, 2025)


def test_the_year_comes_from_the_reference_and_never_runs_ahead() -> None:
    latest = dt.date(2026, 11, 21)  # the run's day plus one
    assert date_for_dateline("Dec 31", dt.date(2027, 1, 2), dt.date(2027, 1, 3)) == dt.date(
        2026, 12, 31
    )
    assert date_for_dateline("Jan 2", dt.date(2026, 12, 31), dt.date(2027, 1, 3)) == dt.date(
        2027, 1, 2
    )
    assert date_for_dateline("Nov 21", dt.date(2026, 11, 20), latest) == dt.date(2026, 11, 21)
    # Two days ahead of the run is never meant: it is last year's.
    assert date_for_dateline("Nov 22", dt.date(2026, 11, 20), latest) == dt.date(2025, 11, 22)
    assert date_for_dateline("Nov 22, 2026", dt.date(2026, 11, 20), latest) is None
    assert date_for_dateline("Feb 30", dt.date(2026, 11, 20), latest) is None


def test_the_feed_s_day_anchors_the_year() -> None:
    feed = DateSignal("feed", Stamp(dt.datetime(2025, 1, 2, 9, 0, tzinfo=UTC), True, True))
    signal = dateline_signal("31 déc.", [feed], NOW)
    assert signal is not None and signal.source == "dateline"
    assert signal.stamp.local.date() == dt.date(2024, 12, 31)
    assert not signal.stamp.has_time
    # Without a firm signal the run's day anchors it.
    assert dateline_signal("Nov 16", [], NOW).stamp.local.date() == dt.date(2026, 11, 16)


def test_agency_copy_with_only_a_dateline_is_dated_by_it() -> None:
    copy = f"Talks resume\n\nPARIS, 4 déc. (AFP) - {REST}\n\nMore talks are planned.\n".encode()
    article = extract(copy, url="file:///drop/talks.txt", fmt="text", now=NOW)
    assert article.date_source == "dateline"
    assert article.published_day == dt.date(2025, 12, 4)  # Dec 4 is ahead of 20 Nov 2026
    assert article.utc_offset_minutes is None
    # The same copy announced by a feed in December 2026: the feed's time wins, and it
    # gives the dateline its year.
    listed = dt.datetime(2026, 12, 4, 9, 30, tzinfo=UTC)
    later = dt.datetime(2026, 12, 5, tzinfo=UTC)
    article = extract(copy, url="file:///drop/talks.txt", fmt="text", now=later)
    assert reconcile_date(article, listed, later) == (listed, "feed")


def test_html_page_with_only_a_dateline_is_dated_by_it() -> None:
    html = (
        "<html><head><title>Talks</title></head><body><article>"
        f"<p>MOSCOW, November 12 /TASS/. {REST}</p><p>More talks are planned this week.</p>"
        "</article></body></html>"
    ).encode()
    article = extract(html, url="https://wire.example/talks", now=NOW)
    assert article.date_source == "dateline"
    assert article.published_day == dt.date(2026, 11, 12)


def test_plain_text_files_read_the_dateline_date_with_the_folder_s_year() -> None:
    copy = f"Talks resume\n\nBERLIN, 3. März (dpa) - {REST}\n".encode()
    doc = parse_plain_text(copy, dt.date(2026, 3, 3))
    assert doc.published_at == dt.datetime(2026, 3, 3, tzinfo=UTC)


def test_a_file_filed_on_new_year_s_day_keeps_last_year_s_dateline() -> None:
    copy = f"Talks resume\n\nGENEVA, Dec 31 (Reuters) - {REST}\n".encode()
    doc = parse_plain_text(copy, dt.date(2027, 1, 1))
    assert doc.published_at == dt.datetime(2026, 12, 31, tzinfo=UTC)
