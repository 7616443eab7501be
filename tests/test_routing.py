"""Each stage looks at the article's language."""

from __future__ import annotations

from wiredesk.quotes import find_quotes
from wiredesk.routing import analysis_for, declared_language, language_report
from wiredesk.stages import build_mentions, build_quotes

GERMAN = (
    "„Wir dürfen nicht zulassen, dass Europa zerfällt“, sagte Merz am Montag. "
    "Die Lage sei ernst, sagte er."
)
KOREAN = '서울 - "우리는 준비되어 있다," said Kim.'


def test_analysis_by_language() -> None:
    everything = ["text", "metadata", "syndication", "search", "entities", "quotes"]
    assert analysis_for("en") == everything
    assert analysis_for(None) == analysis_for("en")  # too short to tell: read as English
    assert analysis_for("de") == analysis_for("de-AT") == analysis_for("DE") == everything
    assert analysis_for("es") == ["text", "metadata", "syndication", "search", "quotes"]
    assert analysis_for("ko") == ["text", "metadata", "syndication", "search"]


def test_entities_by_the_recogniser_of_the_language() -> None:
    rows = build_mentions(
        [
            {"article_id": "a", "text": "Friedrich Merz spoke in Berlin.", "language": "en"},
            {"article_id": "b", "text": GERMAN, "language": "de-DE"},
            {"article_id": "c", "text": KOREAN, "language": "ko"},
        ]
    )
    by_article: dict[str, set[str]] = {}
    for row in rows:
        by_article.setdefault(row["article_id"], set()).add(row["text"])
    assert set(by_article) <= {"a", "b"} and "Merz" in by_article["b"]
    # The German recogniser: no capitalised noun of the quote ("Europa" is a place, not a person).
    assert not by_article["b"] & {"Wir", "Die Lage", "Lage"}
    assert {"Friedrich Merz", "Berlin"} <= by_article["a"]


def test_quotes_by_the_rules_of_the_language() -> None:
    rows = build_quotes(
        [
            {"article_id": "b", "text": GERMAN, "language": "de"},
            {"article_id": "c", "text": KOREAN, "language": "ko"},
        ],
        [],
    )
    assert {r["article_id"] for r in rows} == {"b"}
    assert sorted(r["kind"] for r in rows) == ["direct", "indirect"]
    assert len(find_quotes(KOREAN, [], "en")) == 1  # English rules would have read it


def test_language_report() -> None:
    rows = [
        {"language": "en", "analysis": analysis_for("en")},
        {"language": "en", "analysis": analysis_for("en")},
        {"language": "es", "analysis": analysis_for("es")},
        {"language": "ko", "analysis": analysis_for("ko")},
    ]
    report = language_report(rows)
    assert report["share_by_language"] == {"en": 0.5, "es": 0.25, "ko": 0.25}
    assert report["without_entities"] == 2
    assert report["without_quotes"] == 1


def test_the_articles_stage_stores_which_stages_read_each_article() -> None:
    import datetime as dt

    from wiredesk.articles.stage import build_articles_day

    german = (
        "Berlin (dpa) - " + GERMAN + " Die Regierung will am Mittwoch über den Haushalt "
        "beraten. Der Bundestag soll im Dezember abstimmen, hieß es in Berlin."
    ) * 3
    korean = "서울 - 정부는 월요일 새로운 예산안을 발표했다. 국회는 다음 달 표결할 예정이다. " * 6
    pages = [
        {
            "item_id": name,
            "source_id": "w",
            "url": f"https://w.example/{name}.txt",
            "format": "text",
            "content": text.encode(),
        }
        for name, text in (("de", german), ("ko", korean))
    ]
    day = build_articles_day(pages, [], "t", dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    by_language = {a["language"]: a["analysis"] for a in day.articles}
    assert by_language == {"de": analysis_for("de"), "ko": analysis_for("ko")}


def test_the_language_a_page_declares_before_it_is_extracted() -> None:
    assert declared_language(b'<!doctype html>\n<html class="x" lang="de-AT"><head>') == "de"
    assert declared_language(b"<html lang='es_VE'>") == "es"
    assert declared_language('<HTML LANG="FR">') == "fr"
    assert declared_language(b'<newsItem xmlns="x" xml:lang="ru" guid="1">') == "ru"
    assert declared_language(b"<html><head><title>No word of it</title>") is None
    assert declared_language(b'<html lang="english">') is None  # not a code
    assert declared_language(b" " * 9000 + b'<html lang="de">') is None  # too far in
    assert declared_language(None) is None and declared_language(b"") is None
