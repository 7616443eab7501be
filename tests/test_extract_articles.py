"""Article extraction: body choice, metadata, dates, datelines, normalisation, partial copy."""

import datetime as dt

import pytest

from tests import article_fixtures as F
from wiredesk.articles.boilerplate import is_boilerplate
from wiredesk.articles.dateline import display_place, parse_dateline
from wiredesk.articles.dates import date_in_url, parse_stamp
from wiredesk.articles.extraction import clean_authors, extract, reconcile_date
from wiredesk.articles.pubdate import DateSignal, reconcile
from wiredesk.articles.text import clean_text, content_hash, fold, repair_text

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 20, tzinfo=UTC)


def test_json_ld_body_replaces_a_teaser_page() -> None:
    article = extract(F.JSON_LD_PAGE.encode(), url="https://np.example/2026/11/16/p", now=NOW)
    assert article.body_method == "json-ld"
    assert article.text == clean_text(F.JSON_LD_BODY)
    assert article.title == "Ferry deal ends winter dispute"
    assert article.authors == ["Mari Saar"]  # no "By", no ", Staff Writer"
    assert article.sitename == "North Post"
    assert article.canonical_url == "https://np.example/world/2026/11/16/ferry-deal"
    assert article.description == "Four operators will share one timetable."
    assert article.language == "en"
    assert article.published_at == dt.datetime(2026, 11, 16, 9, 0, tzinfo=UTC)  # +02:00 -> UTC
    assert article.date_source == "json_ld"
    assert article.updated_at == dt.datetime(2026, 11, 16, 12, 0, tzinfo=UTC)
    assert article.is_partial is False


def test_outlet_page_drops_furniture_and_keeps_paragraphs() -> None:
    article = extract(F.COPY_EDITED.encode(), url="https://gazette.example/x", now=NOW)
    assert article.text.split("\n\n")[0].startswith("TALLINN, Nov 16 (Testwire) - Ferry")
    assert article.text.count("\n\n") == 7  # eight story paragraphs
    for leak in ("newsletter", "Read more", "Photo:", "Most read", "Copyright", "Lena Kivi"):
        assert leak not in article.text
    assert article.authors == ["Lena Kivi"]  # the agency credited as an Organization is not
    assert (article.dateline, article.wire_agency) == ("Tallinn", "Testwire")
    assert article.title == "Ferry firms agree one winter timetable for the islands"


def test_newsml_fields() -> None:
    article = extract(F.WIRE_NEWSML_V2.encode(), now=NOW)
    assert article.format == "newsml"
    assert (article.guid, article.version) == ("urn:newsml:test.example:20261116:ferry", 2)
    assert article.title == "UPDATE 1-Baltic ferry operators agree shared winter timetable"
    assert article.authors == ["Ida Strand"]
    assert article.published_at == dt.datetime(2026, 11, 16, 9, 0, tzinfo=UTC)
    assert article.date_source == "newsml"
    assert article.updated_at == dt.datetime(2026, 11, 16, 14, 30, tzinfo=UTC)
    assert (article.dateline, article.wire_agency, article.sitename) == (
        "Tallinn",
        "Testwire",
        "Testwire",
    )
    assert article.description == "Baltic ferry firms agree one winter timetable."
    assert article.text.count("\n\n") == 9


def test_nitf_fields() -> None:
    article = extract(F.NITF_STAFF.encode(), now=NOW)
    assert article.format == "nitf"
    assert (article.guid, article.version) == ("TP-20261116-7", 3)
    assert article.authors == ["Jaan Tamm"]  # role and agency dropped
    assert article.published_at == dt.datetime(2026, 11, 16, 10, 15, tzinfo=UTC)
    assert article.date_source == "nitf"
    assert (article.dateline, article.wire_agency) == ("Tallinn", "Test Press")
    assert article.description == "Four operators, one timetable."
    assert article.language == "en"


@pytest.mark.parametrize(
    ("page", "reason", "last_words"),
    [
        (F.PAYWALL_PAGE, "paywall prompt", "Rohuküla harbour"),
        (F.PROMPT_ONLY_PAGE, "paywall prompt", "two years ago."),
        (F.SHORT_OF_WORDCOUNT_PAGE, "shorter than page word count", 'promises."'),
    ],
)
def test_partial_copy(page: str, reason: str, last_words: str) -> None:
    article = extract(page.encode(), url="https://ledger.example/x", now=NOW)
    assert article.is_partial is True
    assert article.partial_reason == reason
    assert "subscri" not in article.text.lower()  # the prompt is not stored as copy
    assert last_words in article.text.split("\n\n")[-1]


def test_full_copy_is_not_partial() -> None:
    assert (
        extract(F.COPY_REORDERED.encode(), url="https://c.example/x", now=NOW).is_partial is False
    )


def test_page_date_beats_feed_and_modified_time_is_kept_apart() -> None:
    article = extract(F.DATE_CONFLICT_PAGE.encode(), url="https://g.example/x", now=NOW)
    feed = dt.datetime(2026, 11, 16, 10, 0, tzinfo=UTC)
    assert reconcile_date(article, feed, NOW) == (
        dt.datetime(2026, 11, 16, 7, 45, tzinfo=UTC),
        "json_ld",
    )
    assert article.updated_at == dt.datetime(2026, 11, 16, 9, 10, tzinfo=UTC)


def test_future_page_date_is_rejected_for_the_feed() -> None:
    article = extract(F.FUTURE_DATE_PAGE.encode(), url="https://g.example/x", now=NOW)
    feed = dt.datetime(2026, 11, 16, 8, 5, tzinfo=UTC)
    assert reconcile_date(article, feed, NOW) == (feed, "feed")
    assert article.rejected_dates == ["json_ld: in the future"]


def test_a_bare_page_date_takes_the_feeds_time_on_the_same_day() -> None:
    article = extract(F.DATE_ONLY_PAGE.encode(), url="https://g.example/x", now=NOW)
    assert (article.published_at, article.date_source) == (
        dt.datetime(2026, 11, 16, tzinfo=UTC),
        "json_ld",
    )
    feed = dt.datetime(2026, 11, 16, 6, 30, tzinfo=UTC)
    assert reconcile_date(article, feed, NOW) == (feed, "feed")


def test_dates_before_the_web_are_rejected_and_url_day_wins_a_wide_conflict() -> None:
    stamp = parse_stamp
    result = reconcile(
        [
            DateSignal("json_ld", stamp("1970-01-01T00:00:00Z")),
            DateSignal("html_meta", stamp("2026-11-19T23:00:00Z")),  # template render time
            DateSignal("url", stamp("2026-11-12")),
            DateSignal("htmldate", stamp("2026-11-12")),
        ],
        [],
        NOW,
    )
    assert result.rejected == ["json_ld: before 1995-01-01"]
    assert (result.published_at, result.date_source) == (
        dt.datetime(2026, 11, 12, tzinfo=UTC),
        "url",
    )


def test_publisher_day_follows_the_url_when_the_instant_allows_it() -> None:
    result = reconcile(
        [
            DateSignal("json_ld", parse_stamp("2020-04-14T00:38:07Z")),
            DateSignal("url", parse_stamp("2020-04-13")),
        ],
        [],
        NOW,
    )
    assert result.published_at == dt.datetime(2020, 4, 14, 0, 38, 7, tzinfo=UTC)
    assert result.published_day == dt.date(2020, 4, 13)
    assert date_in_url("https://x.example/news/20200413/story") == dt.date(2020, 4, 13)


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "date_text"),
    [
        ("KABUL, Jan 18 (Reuters) - Taliban officials", "KABUL", "Reuters", "Jan 18"),
        ("MOSCOW, January 18. /TASS/. Russia's foreign", "MOSCOW", "TASS", "January 18"),
        ("WASHINGTON (AP) \u2014 The Senate voted", "WASHINGTON", "AP", None),
        ("BEIJING, Jan. 18 (Xinhua) -- China said", "BEIJING", "Xinhua", "Jan. 18"),
        ("Paris (AFP) - France said", "Paris", "AFP", None),
        ("Berlin (dpa) - Germany said", "Berlin", "dpa", None),
        ("MOSCOW. Jan 18 (Interfax) - Russia said", "MOSCOW", "Interfax", "Jan 18"),
        ("(ANSA) - ROME, JAN 18 - Italy said", "ROME", "ANSA", "JAN 18"),
        ("LONDON, 18 January (Reuters) - Britain", "LONDON", "Reuters", "18 January"),
        ("SPRINGFIELD, Ill. (AP) \u2014 A man", "SPRINGFIELD, Ill.", "AP", None),
        ("BRUSSELS, Nov 16 - The EU said", "BRUSSELS", None, "Nov 16"),
        ("US - China talks resumed", None, None, None),
        ("Kestrelia (the state) - said", None, None, None),
    ],
)
def test_dateline_styles(
    paragraph: str, place: str | None, agency: str | None, date_text: str | None
) -> None:
    parsed = parse_dateline(paragraph)
    if place is None:
        assert parsed is None
    else:
        assert (parsed.place, parsed.agency, parsed.date_text) == (place, agency, date_text)


def test_display_place() -> None:
    assert display_place("NEW YORK") == "New York"
    assert display_place("SPRINGFIELD, Ill.") == "Springfield, Ill."
    assert display_place("GUINEA-BISSAU") == "Guinea-Bissau"


def test_mojibake_is_repaired_in_the_stored_text() -> None:
    article = extract(F.MOJIBAKE_TEXT.encode(), fmt="text", folder_day=dt.date(2026, 11, 16))
    first = article.text.split("\n\n")[0]
    assert first == (
        "TALLINN, Nov 16 (Testwire) - The islands\u2019 councils said the deal was "
        "\u201coverdue\u201d and that the reserve ship in Rohuk\u00fcla would change winter "
        "life on Hiiuma\u00e4."
    )
    assert article.title == "Ferry deal" and article.authors == ["Lea Moss"]
    assert (article.published_at, article.date_source) == (
        dt.datetime(2026, 11, 16, tzinfo=UTC),
        "dateline",
    )


def test_stored_text_and_matching_form_are_separate() -> None:
    stored = clean_text("Mr.\u00a0Brandt  said co\u00adoperation was \u201cvital\u201d.")
    assert stored == "Mr.\u00a0Brandt said cooperation was \u201cvital\u201d."  # nbsp, quotes kept
    assert fold(stored) == "mr brandt said cooperation was vital"
    assert content_hash(stored) == content_hash('Mr. Brandt said cooperation was "vital".')
    assert repair_text("caf\u00c3\u00a9") == "caf\u00e9"
    assert repair_text("e\u0301") == "\u00e9"  # NFC


def test_bylines() -> None:
    assert clean_authors(["By Ana Costa and Reuters"], set()) == ["Ana Costa"]
    assert clean_authors(["Anna Kowalczyk | Northwire"], {"Northwire"}) == ["Anna Kowalczyk"]
    assert clean_authors(["By JANE DOE, Associated Press"], set()) == ["JANE DOE"]
    assert clean_authors(["Tom Vik (tom@x.example)", "Staff"], set()) == ["Tom Vik"]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Read more: Island towns count the cost", True),
        ("Sign up for our free newsletter, delivered to your inbox.", True),
        ("Photo: Testwire/Jaan Tamm", True),
        ("Comments are closed on this article.", True),
        ("CLICK HERE TO GET THE APP", True),
        ("The union said it would sign up new members by email next week.", False),
        ("He said the photo showed the harbour before the storm.", False),
    ],
)
def test_boilerplate(paragraph: str, expected: bool) -> None:
    assert is_boilerplate(paragraph) is expected


def test_analyze_output_carries_the_article_fields() -> None:
    from wiredesk.analyze import article_fields

    article = extract(F.PAYWALL_PAGE.encode(), url="https://ledger.example/x", now=NOW)
    fields = article_fields(article)
    assert fields["date_source"] == "json_ld"
    assert fields["authors"] == ["Lena Kivi"]
    assert fields["sitename"] == "Baltic Ledger"
    assert fields["canonical_url"] == "https://ledger.example/2026/11/16/ferry-talks"
    assert (fields["is_partial"], fields["partial_reason"]) == (True, "paywall prompt")
    assert fields["word_count"] == article.word_count and fields["format"] == "html"


def test_one_parse_serves_metadata_and_both_body_passes() -> None:
    from lxml import etree

    from wiredesk.articles.bodytext import extract_body
    from wiredesk.articles.htmlmeta import parse_page, read_page_meta

    tree = parse_page(F.COPY_EDITED.encode())
    before = etree.tostring(tree)
    meta = read_page_meta(tree)
    body = extract_body(tree, "https://gazette.example/x", meta.article_body, meta.title)
    assert etree.tostring(tree) == before  # each pass works on its own copy
    assert meta.published == read_page_meta(F.COPY_EDITED).published
    from_text = extract_body(F.COPY_EDITED, "https://gazette.example/x", None, meta.title)
    assert body.paragraphs == from_text.paragraphs and len(body.paragraphs) == 8
    assert parse_page(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") is None
    assert extract_body(None, None, None).paragraphs == []


def test_precision_text_far_shorter_than_the_default_modes_gets_a_second_opinion(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from wiredesk.articles import bodytext

    story = [
        f"Paragraph {n} of the story, long enough to be prose and not furniture." for n in "12345"
    ]
    calls: list[tuple[bool, bool]] = []

    def fake_extract(page: str, *, favor_precision: bool = False, fast: bool = False, **_: object):
        calls.append((favor_precision, fast))
        if favor_precision and fast:
            return "Most read\nHarbour bridge closes" if "sidebar" in page else "\n".join(story)
        return "\n".join(story)

    monkeypatch.setattr(bodytext.trafilatura, "extract", fake_extract)
    assert bodytext.extract_body("<p>page</p>", None, None).paragraphs == story
    assert calls == [(True, True), (False, True)]  # agreeing passes: no third one
    calls.clear()
    assert bodytext.extract_body("<p>sidebar</p>", None, None).paragraphs == story
    assert calls == [(True, True), (False, True), (True, False)]


def test_inert_elements_go_but_json_ld_and_following_text_stay() -> None:
    from wiredesk.articles.bodytext import drop_inert_elements
    from wiredesk.articles.htmlmeta import parse_page

    tree = parse_page(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle"}</script>'
        "<script>var x = 1;</script><style>p {}</style></head><body><nav><a>Home</a>"
        "<button>Menu</button></nav><p>Before "
        '<svg><path d="M0"/></svg>after.</p><script src="a.js"></script><footer>About us'
        "</footer>Tail text.<aside>Related</aside></body></html>"
    )
    drop_inert_elements(tree)
    assert [s.get("type") for s in tree.iter("script")] == ["application/ld+json"]
    assert next(tree.iter("style", "svg", "nav", "button", "footer"), None) is None
    assert tree.find(".//aside") is not None  # can hold a stub page's only text
    assert tree.find(".//p").text_content() == "Before after."
    assert tree.find(".//body").text_content() == "Before after.Tail text.Related"
