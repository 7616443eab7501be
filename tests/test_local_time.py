"""Publication times kept on the outlet's own clock as well as in UTC."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from wiredesk.aggregates.brief import gather
from wiredesk.aggregates.brief.render import local_days_line, utc_offset_label
from wiredesk.analyze import article_fields, published_as_written
from wiredesk.articles.dates import parse_stamp, parse_with_offset, time_in_status_url
from wiredesk.articles.extraction import extract, reconcile_date
from wiredesk.articles.stage import build_articles_day
from wiredesk.sources.feeds import parse_feed
from wiredesk.sources.jsonfeed import read_json_feed
from wiredesk.sources.sitemaps import parse_sitemap
from wiredesk.sources.wireformats import parse_newsml, parse_nitf
from wiredesk.store.lake import Lake
from wiredesk.store.memory import memory_connection
from wiredesk.store.schema import table
from wiredesk.store.warehouse import connect_readonly

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
TOKYO = dt.timezone(dt.timedelta(hours=9))
BRIEF_DAY = dt.date(2026, 11, 19)  # a day of the sample
BODY = (
    "<p>The harbour authority said on Monday that the night ferries would run again from "
    "next week, after repairs to the pier were finished ahead of time.</p>"
    "<p>Crews worked through the weekend to replace the damaged mooring posts.</p>"
)


def page(head: str, body: str = BODY) -> bytes:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>".encode()


def json_ld(**fields: str) -> str:
    pairs = ", ".join(f'"{k}": "{v}"' for k, v in fields.items())
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", {pairs}}}</script>'


def test_a_stamp_keeps_the_offset_it_was_written_in() -> None:
    tokyo = parse_stamp("2026-02-15T07:00:00+09:00")
    assert tokyo.utc == dt.datetime(2026, 2, 14, 22, 0, tzinfo=UTC)
    assert tokyo.local.date() == dt.date(2026, 2, 15) and tokyo.utc_offset_minutes == 540
    assert parse_stamp("Sat, 14 Feb 2026 17:00:00 -0500").utc_offset_minutes == -300
    assert parse_stamp("2026-02-15T07:00:00Z").utc_offset_minutes == 0
    assert parse_stamp("2026-02-15T07:00:00").utc_offset_minutes is None  # no zone given
    assert parse_stamp("2026-02-15").utc_offset_minutes is None  # a date alone
    assert parse_stamp("20261116T083000").utc_offset_minutes is None  # compact, no zone
    assert parse_with_offset("20261116T083000+0100") == (
        dt.datetime(2026, 11, 16, 7, 30, tzinfo=UTC),
        60,
    )


def test_a_page_stamped_in_tokyo_keeps_its_day_and_offset() -> None:
    article = extract(
        page(json_ld(headline="Ferries", datePublished="2026-02-15T07:00:00+09:00")),
        url="https://tokyo.example/news/ferries",
        now=NOW,
    )
    assert article.published_at == dt.datetime(2026, 2, 14, 22, 0, tzinfo=UTC)
    assert article.published_local == dt.datetime(2026, 2, 15, 7, 0, tzinfo=TOKYO)
    assert article.utc_offset_minutes == 540
    assert article.published_day == dt.date(2026, 2, 15)
    assert published_as_written(article) == "2026-02-15T07:00:00+09:00"
    fields = article_fields(article)
    assert fields["published_at"] == "2026-02-14T22:00:00+00:00"
    assert (fields["utc_offset_minutes"], fields["published_day"]) == (540, "2026-02-15")


def test_a_date_without_a_time_is_the_answer_never_shifted() -> None:
    article = extract(
        page('<meta property="article:published_time" content="2026-02-15">'),
        url="https://sydney.example/news/ferries",
        now=NOW,
    )
    assert article.published_day == dt.date(2026, 2, 15)
    assert article.utc_offset_minutes is None
    assert published_as_written(article) == "2026-02-15"


def test_a_utc_meta_tag_takes_the_offset_of_a_signal_naming_the_same_instant() -> None:
    head = '<meta property="article:published_time" content="2026-05-02T02:54:29Z">'
    head += f"<title>x</title>{json_ld(dateCreated='2026-05-01T22:54:29-04:00')}"
    article = extract(page(head), url="https://east.example/ferries", now=NOW)
    assert article.published_at == dt.datetime(2026, 5, 2, 2, 54, 29, tzinfo=UTC)
    assert article.utc_offset_minutes == -240
    assert article.published_day == dt.date(2026, 5, 1)


@pytest.mark.parametrize(
    ("dateline", "day"),
    [
        ("NEW YORK (Testwire) \u2014 ", dt.date(2026, 5, 1)),  # 22:54 the evening before
        ("TOKYO (Testwire) \u2014 ", dt.date(2026, 5, 2)),
        ("SPRINGFIELD, Ill. (Testwire) \u2014 ", dt.date(2026, 5, 1)),
        ("ATLANTIS (Testwire) \u2014 ", dt.date(2026, 5, 2)),  # unknown place: UTC as written
    ],
)
def test_a_time_written_in_utc_is_dated_on_the_dateline_place_s_clock(
    dateline: str, day: dt.date
) -> None:
    body = f"<p>{dateline}{BODY[3:]}"
    head = '<meta property="article:published_time" content="2026-05-02T02:54:29Z">'
    article = extract(page(head, body), url="https://wire.example/ferries", now=NOW)
    assert article.published_day == day
    assert article.utc_offset_minutes == 0  # the time as written is left as written


def test_a_wall_clock_without_zone_is_read_as_written() -> None:
    body = f"<p>NEW YORK (Testwire) \u2014 {BODY[3:]}"
    head = '<meta property="article:published_time" content="2026-05-01T23:30:00">'
    article = extract(page(head, body), url="https://wire.example/ferries", now=NOW)
    assert article.published_day == dt.date(2026, 5, 1)
    assert article.utc_offset_minutes is None


def test_a_status_url_dates_the_post_from_its_id() -> None:
    posted = dt.datetime(2026, 7, 11, 6, 25, 2, tzinfo=UTC)
    millis = int(posted.timestamp() * 1000) - 1288834974657
    url = f"https://x.com/testwire/status/{millis << 22}"
    assert time_in_status_url(url) == posted
    assert time_in_status_url("https://x.com/testwire/status/20") is None  # before ids had time
    assert time_in_status_url("https://example.com/testwire/status/1281836879789404160") is None


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Tokyo ferries</title><link>https://tokyo.example/a</link>
<pubDate>Sun, 15 Feb 2026 07:00:00 +0900</pubDate></item>
<item><title>London ferries</title><link>https://london.example/b</link>
<pubDate>Sun, 15 Feb 2026 07:00:00 GMT</pubDate></item>
</channel></rss>"""


def test_feed_items_keep_the_offset_of_their_dates() -> None:
    items, errors = parse_feed(RSS, "https://feeds.example/rss", "test")
    assert not errors
    tokyo, london = items
    assert tokyo.published_at == dt.datetime(2026, 2, 14, 22, 0, tzinfo=UTC)
    assert (tokyo.utc_offset_minutes, london.utc_offset_minutes) == (540, 0)
    document = (
        b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", '
        b'"url": "https://delhi.example/c", "date_published": "2026-02-15T07:00:00+05:30"}]}'
    )
    (item,) = read_json_feed(document, "https://feeds.example/feed.json", "test", 10).items
    assert item.utc_offset_minutes == 330


NEWSML = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:1" version="1">
 <itemMeta><firstCreated>2026-02-15T07:00:00+01:00</firstCreated>
  <versionCreated>2026-02-15T08:10:00+01:00</versionCreated>
  <provider literal="Testwire"/></itemMeta>
 <contentMeta><headline>Ferries run again</headline></contentMeta>
 <contentSet><inlineXML><html xmlns="http://www.w3.org/1999/xhtml"><body>
  <p>ROME (Testwire) - The harbour authority said the night ferries would run again.</p>
  <p>Crews worked through the weekend to replace the damaged mooring posts.</p>
 </body></html></inlineXML></contentSet>
</newsItem>"""
NITF = """<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><docdata><doc-id id-string="t-2"/>
<date.issue norm="20260215T070000+0530"/></docdata><pubdata name="Test Press"/></head>
<body><body.head><hedline><hl1>Ferries</hl1></hedline></body.head><body.content>
<p>The harbour authority said the night ferries would run again from next week.</p>
<p>Crews worked through the weekend to replace the damaged mooring posts.</p>
</body.content></body></nitf>"""


def test_wire_formats_keep_the_offset_of_their_dates() -> None:
    doc = parse_newsml(NEWSML.encode())
    assert doc.published_at == dt.datetime(2026, 2, 15, 6, 0, tzinfo=UTC)
    assert (doc.published_offset_minutes, doc.updated_offset_minutes) == (60, 60)
    newsml = extract(NEWSML.encode(), fmt="newsml", now=NOW)
    assert published_as_written(newsml) == "2026-02-15T07:00:00+01:00"
    nitf = extract(NITF.encode(), fmt="nitf", now=NOW)
    assert parse_nitf(NITF.encode()).published_offset_minutes == 330
    assert nitf.published_at == dt.datetime(2026, 2, 15, 1, 30, tzinfo=UTC)
    assert (nitf.utc_offset_minutes, nitf.published_day) == (330, dt.date(2026, 2, 15))


def test_the_feed_s_offset_reaches_the_article() -> None:
    article = extract(page("<title>Ferries</title>"), url="https://tokyo.example/a", now=NOW)
    feed_time = dt.datetime(2026, 2, 14, 22, 0, tzinfo=UTC)
    published, source = reconcile_date(article, feed_time, NOW, 540)
    assert (published, source) == (feed_time, "feed")
    assert article.published_local.isoformat() == "2026-02-15T07:00:00+09:00"


def test_articles_rows_keep_instant_wall_clock_offset_and_day(home: Path) -> None:
    content = page(json_ld(headline="Ferries", datePublished="2026-02-15T07:00:00+09:00"))
    pages = [
        {
            "url": "https://tokyo.example/news/ferries",
            "source_id": "tokyo",
            "item_id": "i1",
            "content": content,
            "format": "html",
        }
    ]
    day = build_articles_day(pages, [{"item_id": "i1"}], "test", now=NOW)
    (row,) = day.articles
    assert row["published_at"] == dt.datetime(2026, 2, 14, 22, 0, tzinfo=UTC)
    assert row["published_local"] == dt.datetime(2026, 2, 15, 7, 0)  # wall clock, no zone
    assert (row["utc_offset_minutes"], row["published_day"]) == (540, dt.date(2026, 2, 15))
    # Through the lake and the warehouse view, under a session zone that is neither.
    lake = Lake(home)
    target = lake.file_path("articles", dt.date(2026, 2, 14))
    target.parent.mkdir(parents=True)
    schema = table("articles").arrow_schema
    pq.write_table(pa.Table.from_pylist(day.articles, schema=schema), target)
    con = memory_connection(home)
    con.execute("SET TimeZone = 'America/Los_Angeles'")
    found = con.execute(
        "SELECT day, published_local, utc_offset_minutes, published_day, "
        "typeof(published_local) FROM articles"
    ).fetchone()
    assert found == (
        dt.date(2026, 2, 14),
        dt.datetime(2026, 2, 15, 7, 0),
        540,
        dt.date(2026, 2, 15),
        "TIMESTAMP",
    )


def test_offset_labels() -> None:
    assert utc_offset_label(540) == "UTC+09:00"
    assert utc_offset_label(-300) == "UTC-05:00"
    assert utc_offset_label(330) == "UTC+05:30"


def test_brief_says_the_partition_is_the_utc_day_and_shows_the_local_days(
    sample_warehouse: Path,
) -> None:
    con = connect_readonly(sample_warehouse)
    try:
        data = gather(con, BRIEF_DAY)
    finally:
        con.close()
    line = local_days_line(data)
    assert f"Partition day {BRIEF_DAY.isoformat()} is the UTC day" in line
    counts = [int(n) for n in re.findall(r"\((\d+)\)", line)]
    assert data.local_days and sum(counts) == data.totals["articles"]


def test_a_wiki_revision_view_is_dated_by_that_revision() -> None:
    head = json_ld(
        datePublished="2011-03-01T10:00:00+01:00", dateModified="2026-04-07T12:33:32-07:00"
    )
    revision = extract(
        page(head), url="https://wiki.example/index.php?title=Pier&oldid=42", now=NOW
    )
    assert revision.published_day == dt.date(2026, 4, 7) and revision.utc_offset_minutes == -420
    plain = extract(page(head), url="https://wiki.example/index.php?title=Pier", now=NOW)
    assert plain.published_day == dt.date(2011, 3, 1)


SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://rome.example/a</loc><news:news>
<news:publication_date>2026-02-15T07:00:00+01:00</news:publication_date>
<news:title>Ferries</news:title></news:news></url>
</urlset>"""


def test_news_sitemap_items_keep_the_offset_of_their_dates() -> None:
    items, _errors = parse_sitemap(SITEMAP, "https://rome.example/sitemap.xml", "test")
    (item,) = items
    assert item.published_at == dt.datetime(2026, 2, 15, 6, 0, tzinfo=UTC)
    assert item.utc_offset_minutes == 60


def test_a_zone_name_dateutil_does_not_know_reads_as_no_zone_without_a_warning() -> None:
    import warnings

    from wiredesk.articles import parse_with_offset

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning would fail the test
        utc, offset = parse_with_offset("Mon, 05 Jan 2026 10:00:00 GST")
    assert utc == dt.datetime(2026, 1, 5, 10, tzinfo=dt.UTC) and offset is None
