import datetime as dt

import pytest

from tests.fixtures import HTML, NEWSML, NITF
from wiredesk.articles.dateline import parse_dateline
from wiredesk.articles.extraction import ExtractionError, clean_authors, extract, reconcile_date
from wiredesk.articles.text import clean_text, content_hash, fold

UTC = dt.UTC


def test_html_text_and_metadata() -> None:
    article = extract(HTML.encode(), url="file:///x/bridge.html")
    assert article.title == "Bridge reopens after repairs"
    assert article.canonical_url == "https://www.t.example/city/bridge-reopens"
    assert article.published_at == dt.datetime(2026, 11, 16, 7, 45, tzinfo=UTC)
    assert article.date_source == "json_ld"  # JSON-LD outranks meta tags
    assert article.authors == ["Eva Lind"]
    assert article.sitename == "Test Times"
    assert article.language == "en"
    assert article.text.startswith("OSLO (Testwire) - The old harbour bridge")
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.text.count("\n\n") == 2  # paragraphs kept apart
    assert (article.dateline, article.wire_agency) == ("Oslo", "Testwire")


def test_newsml_and_nitf_go_through_their_own_readers() -> None:
    newsml = extract(NEWSML.encode(), fmt="newsml")
    nitf = extract(NITF.encode())
    assert newsml.format == "newsml" and newsml.version == 2
    assert newsml.text.startswith("OSLO, Nov 16 (Testwire) -")
    assert nitf.format == "nitf" and nitf.wire_agency == "Test Press"


def test_page_without_text_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError) as info:
        extract(b"<html><body><nav>Home</nav></body></html>", url="file:///empty.html")
    assert info.value.error_class == "empty_text"


def test_bylines_drop_by_and_agencies() -> None:
    assert clean_authors(["By Ana Costa and Reuters", "Ana Costa"], {"Reuters"}) == ["Ana Costa"]


def test_future_dates_are_rejected_in_favour_of_the_feed() -> None:
    article = extract(HTML.encode())
    now = dt.datetime(2026, 11, 1, tzinfo=UTC)  # before the page's own date
    feed = dt.datetime(2026, 10, 31, 22, 0, tzinfo=UTC)
    assert reconcile_date(article, feed, now) == (feed, "feed")


@pytest.mark.parametrize(
    ("paragraph", "place", "agency"),
    [
        ("KABUL, Jan 18 (Reuters) - Taliban officials", "KABUL", "Reuters"),
        ("MOSCOW, January 18. /TASS/. Russia's foreign", "MOSCOW", "TASS"),
        ("NAIROBI, Nov 18 (Meridian) \u2014 Kenya's", "NAIROBI", "Meridian"),
        ("The minister said on Monday", None, None),
    ],
)
def test_datelines(paragraph: str, place: str | None, agency: str | None) -> None:
    parsed = parse_dateline(paragraph)
    assert (parsed.place, parsed.agency) == (place, agency) if place else parsed is None


def test_clean_text_keeps_nbsp_and_removes_soft_hyphens() -> None:
    text = clean_text("A  co\u00adoperation of 12\u00a0percent.\n\n\nNext   one.")
    assert text == "A cooperation of 12\u00a0percent.\n\nNext one."


def test_content_hash_ignores_quote_style_and_case() -> None:
    assert fold("\u201cWe Agree,\u201d she said.") == fold('"we agree," She said.')
    assert content_hash("\u201cWe agree\u201d") == content_hash('"we agree"')


def test_content_hash_is_the_hash_of_the_whole_folded_text() -> None:
    import hashlib

    text = (
        "\u201cWe Agree,\u201d she said.\n\nThe caf\u00e9\u2019s A\u0301 sign\n\n\u0301x \u00a0 y\n"
    )
    whole = hashlib.sha256(fold(text).encode("utf-8")).hexdigest()[:32]
    assert content_hash(text) == whole  # folded line by line, joined: the same string


def test_htmldate_reads_dates_through_the_news_languages_parser() -> None:
    import htmldate.extractors

    from wiredesk.articles.htmldates import (
        DATE_LANGUAGES,
        find_date,
        htmldate_parser,
        news_date_parser,
    )

    assert htmldate.extractors.get_external_parser() is news_date_parser()
    assert sorted(news_date_parser().languages) == sorted(DATE_LANGUAGES)
    ours, theirs = news_date_parser()._settings, htmldate_parser()._settings
    for name in ("NORMALIZE", "PARSERS", "PREFER_DATES_FROM", "STRICT_PARSING"):
        assert getattr(ours, name) == getattr(theirs, name), name
    for text in ("12. März 2021", "3 de abril de 2020", "18 января 2022", "June 5, 2019"):
        assert news_date_parser().get_date_data(text)["date_obj"] is not None, text
    page = "<html><body><p>Veröffentlicht am 12. März 2021 um 10 Uhr</p></body></html>"
    assert find_date(page, extensive_search=True) == "2021-03-12"


def test_a_page_declaring_its_language_has_its_dates_read_in_it_and_english() -> None:
    import htmldate.extractors

    from wiredesk.articles.extraction import guess_page_date
    from wiredesk.articles.htmldates import DATE_LANGUAGES, date_languages, reading_dates_in

    assert date_languages("de") == ("en", "de") and date_languages("pt-BR") == ("en", "pt")
    assert date_languages("en-GB") == ("en",)
    assert date_languages(None) == DATE_LANGUAGES == date_languages("gsw")  # not one of them
    with reading_dates_in("de"):
        assert sorted(htmldate.extractors.get_external_parser().languages) == ["de", "en"]
    assert len(htmldate.extractors.get_external_parser().languages) == len(DATE_LANGUAGES)
    page = "<html><body><p>Veröffentlicht am 12. März 2021 um 10 Uhr</p></body></html>"
    assert guess_page_date(page, None, "de-DE") == "2021-03-12"
    assert guess_page_date(page, None, None) == "2021-03-12"


def test_every_element_of_a_parsed_page_is_a_plain_html_element() -> None:
    """Classes are looked up in C (no per-element call into Python): forms and inputs too."""
    from lxml.html import HtmlElement

    from wiredesk.articles.htmlmeta import parse_page

    tree = parse_page(
        "<html><body><form action='/s'><input name='q'><select><option>a</option></select>"
        "</form><p>Text <b>here</b>.</p></body></html>"
    )
    assert tree is not None
    assert {type(element) for element in tree.iter()} == {HtmlElement}
    assert tree.find(".//p").text_content() == "Text here."
