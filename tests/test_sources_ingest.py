"""Feeds, sitemaps, URL lists, sources.yaml checks and the cross-run ledger."""

import datetime as dt
import gzip
import json
import multiprocessing
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fixtures import NEWSML, PLAIN
from wiredesk.fetch import Fetcher
from wiredesk.fetch.loopback import BILLION_LAUGHS, BILLION_LAUGHS_MULTILINE, EXTERNAL_ENTITY, rss
from wiredesk.sources.config import SourcesError, load_sources
from wiredesk.sources.discovery import DiscoverySettings, discover_source
from wiredesk.sources.dropfolder import scan_folder
from wiredesk.sources.feeds import read_feed
from wiredesk.sources.ledger import Ledger
from wiredesk.sources.sitemaps import read_sitemap
from wiredesk.sources.urllists import parse_url_list
from wiredesk.sources.urls import canonical_url
from wiredesk.stages import collect_feed_items

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 17, 12, 0, tzinfo=UTC)
FEED_URL = "https://news.example/feed.xml"


def test_json_feed_items_and_next_page() -> None:
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "J",
        "next_url": "feed-2.json",
        "items": [
            {
                "id": "j-1",
                "url": "/a?utm_medium=x",
                "title": " A ",
                "date_published": "2026-11-16T10:00:00+01:00",
            },
            {"id": "j-2", "external_url": "https://other.example/b"},
            {"id": "j-3", "title": "no link"},
        ],
    }
    page = read_feed(json.dumps(document).encode(), FEED_URL, "s")
    assert [i.guid for i in page.items] == ["j-1", "j-2"]
    assert page.items[0].canonical_url == "https://news.example/a"
    assert page.items[0].title == "A"
    assert page.items[0].published_at == dt.datetime(2026, 11, 16, 9, 0, tzinfo=UTC)
    assert page.next_url == "https://news.example/feed-2.json"
    assert [e.error_class for e in page.errors] == ["missing_link"]


@pytest.mark.parametrize(
    ("data", "error_class"),
    [
        (BILLION_LAUGHS, "unsafe_xml"),
        (BILLION_LAUGHS_MULTILINE, "unsafe_xml"),
        (EXTERNAL_ENTITY, "unsafe_xml"),
        (
            b"<!doctype html><html><head><link rel='alternate' type='application/rss+xml' "
            b"href='/rss'></head><body>x</body></html>",
            "not_a_feed",
        ),
        (b'{"hello": "world"}', "not_a_feed"),
        (b"this is not xml at all", "not_a_feed"),
        (b"   ", "empty_content"),
        (b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'/>", "not_a_feed"),
    ],
)
def test_bad_feeds_are_one_classified_error(data: bytes, error_class: str) -> None:
    page = read_feed(data, FEED_URL, "s")
    assert page.items == []
    assert [e.error_class for e in page.errors] == [error_class]
    assert page.errors[0].detail.startswith(FEED_URL)


def test_html_served_as_feed_names_the_real_feed() -> None:
    html = b"<html><head><link rel='alternate' type='application/rss+xml' href='/rss'></head>"
    (error,) = read_feed(html, FEED_URL, "s").errors
    assert error.error_class == "not_a_feed" and "https://news.example/rss" in error.detail


def test_truncated_feed_keeps_its_complete_entries() -> None:
    whole = rss(10)
    page = read_feed(whole[: len(whole) * 2 // 3], FEED_URL, "s")
    assert [e.error_class for e in page.errors] == ["partial"]
    assert 3 < len(page.items) < 10
    assert all(i.url.startswith("https://news.example/story/") for i in page.items)
    assert page.items[-1].guid == f"story-{len(page.items) - 1}"


def test_huge_feed_is_cut_at_the_item_cap_quickly() -> None:
    started = dt.datetime.now()
    page = read_feed(rss(50_000), FEED_URL, "s", max_items=500)
    assert len(page.items) == 500 and page.items[0].guid == "story-0"
    assert [e.error_class for e in page.errors] == ["too_many_items"]
    assert (dt.datetime.now() - started).total_seconds() < 10


def test_rss1_atom03_and_rss091_are_read() -> None:
    rdf = (
        b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        b' xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://n.example/">'
        b"<title>t</title><link>https://n.example/</link></channel>"
        b'<item rdf:about="https://n.example/1"><title>one</title>'
        b"<link>https://n.example/1</link></item></rdf:RDF>"
    )
    atom03 = (
        b'<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title>'
        b'<entry><title>a</title><link rel="alternate" href="https://n.example/a"/>'
        b"<id>tag:n,2026:a</id><issued>2026-11-16T10:00:00Z</issued></entry></feed>"
    )
    rss091 = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        b' "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>'
        b"<title>t</title><item><title>x</title><link>https://n.example/x</link></item>"
        b"</channel></rss>"
    )
    for data, url in (
        (rdf, "https://n.example/1"),
        (atom03, "https://n.example/a"),
        (rss091, "https://n.example/x"),
    ):
        page = read_feed(data, FEED_URL, "s")
        assert [i.url for i in page.items] == [url], page.errors


def test_remote_feed_may_not_point_at_local_files() -> None:
    data = rss(1).replace(b"https://news.example/story/0", b"file:///etc/passwd")
    page = read_feed(data, FEED_URL, "s")
    assert page.items == [] and page.errors[0].error_class == "scheme_blocked"


def test_atom_pagination_stops_when_pages_bring_nothing_new(tmp_path: Path) -> None:
    for number in (1, 2, 3):
        nxt = f'<link rel="next" href="page{number + 1}.xml"/>' if number < 3 else ""
        (tmp_path / f"page{number}.xml").write_text(
            f'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{nxt}'
            f"<entry><id>e{number}</id><title>e{number}</title>"
            f'<link href="https://n.example/{number}"/>'
            f"<updated>2026-11-16T10:00:00Z</updated></entry></feed>"
        )
    from wiredesk.sources.config import Source

    source = Source("p", "P", "feed", str(tmp_path / "page1.xml"))
    with Fetcher() as fetcher:
        every = discover_source(source, fetcher)
        capped = discover_source(source, fetcher, settings=DiscoverySettings(max_pages=2))
        known = discover_source(source, fetcher, known=lambda item: item.guid == "e1")
    assert [i.guid for i in every.items] == ["e1", "e2", "e3"]
    assert [i.guid for i in capped.items] == ["e1", "e2"]
    assert [i.guid for i in known.items] == ["e1"]


# -- sitemaps --------------------------------------------------------------------------------
NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://news.example/fresh</loc>
    <news:news><news:publication><news:name>N</news:name><news:language>en</news:language>
    </news:publication><news:publication_date>2026-11-17T08:00:00Z</news:publication_date>
    <news:title>Fresh story</news:title></news:news></url>
  <url><loc>https://news.example/old</loc><lastmod>2026-10-01</lastmod></url>
  <url><loc>https://news.example/undated</loc></url>
</urlset>"""


def test_google_news_sitemap_keeps_recent_entries() -> None:
    page = read_sitemap(NEWS_SITEMAP, "https://news.example/sitemap.xml", "s", NOW, 2)
    assert [i.url for i in page.items] == [
        "https://news.example/fresh",
        "https://news.example/undated",
    ]
    assert page.items[0].title == "Fresh story"
    assert page.items[0].published_at == dt.datetime(2026, 11, 17, 8, 0, tzinfo=UTC)
    assert page.skipped_old == 1


def test_sitemap_index_and_gzip_children(tmp_path: Path) -> None:
    (tmp_path / "news.xml.gz").write_bytes(gzip.compress(NEWS_SITEMAP))
    (tmp_path / "index.xml").write_text(
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<sitemap><loc>news.xml.gz</loc><lastmod>2026-11-17</lastmod></sitemap>"
        "<sitemap><loc>archive-2019.xml</loc><lastmod>2019-01-01</lastmod></sitemap>"
        "</sitemapindex>"
    )
    from wiredesk.sources.config import Source

    source = Source("s", "S", "sitemap", str(tmp_path / "index.xml"))
    with Fetcher() as fetcher:
        found = discover_source(source, fetcher, now=NOW)
    assert [i.url for i in found.items] == [
        "https://news.example/fresh",
        "https://news.example/undated",
    ]
    assert len(found.fetches) == 2 and found.errors == []  # the 2019 archive is not fetched


def test_sitemap_bombs_and_garbage() -> None:
    bomb = gzip.compress(bytes(60 * 1024 * 1024))
    assert read_sitemap(bomb, "u", "s").errors[0].error_class == "decompression_cap"
    assert read_sitemap(BILLION_LAUGHS, "u", "s").errors[0].error_class == "unsafe_xml"
    assert read_sitemap(b"<urlset><url>", "u", "s").errors[0].error_class == "parse_error"


def test_url_lists() -> None:
    data = b"# morning list\nhttps://news.example/a#top\n\n/relative\nnot a url at all\nfile:///etc/passwd\n"
    items, errors = parse_url_list(data, "https://news.example/list.txt", "l")
    assert [i.canonical_url for i in items] == [
        "https://news.example/a",
        "https://news.example/relative",
    ]
    assert sorted(e.error_class for e in errors) == ["invalid_url", "scheme_blocked"]
    assert "line 5" in errors[0].detail


def test_canonical_urls() -> None:
    assert canonical_url("HTTP://WWW.News.Example:80/a/b/../c?utm_source=x&b=2&a=1#frag") == (
        "http://www.news.example/a/c?a=1&b=2"
    )
    assert (
        canonical_url("https://news.example:443/x?fbclid=1&id=3") == "https://news.example/x?id=3"
    )


# -- sources.yaml ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            "{id: a, kind: feed, lcation: x}",
            r"sources\[0\] \(a\)\.lcation: unknown field \(did you mean 'location'\?\)",
        ),
        ("{id: a, kind: feeds, location: x}", r"sources\[0\] \(a\)\.kind: 'feeds' is not a kind"),
        ("{id: a, kind: feed}", r"sources\[0\] \(a\)\.location: missing"),
        ("{id: A B, kind: feed, location: x}", r"\.id: 'A B' is not a valid id"),
        (
            "{id: a, kind: feed, location: x, enabled: 'no'}",
            r"\.enabled: got 'no'; expected true or false",
        ),
        ("{id: a, kind: feed, location: x, language: English}", r"\.language: 'English'"),
        ("{id: a, kind: dropfolder, location: 'https://x.example/'}", r"\.location: a drop folder"),
        ("{id: a, kind: feed, location: 'ftp://x.example/f'}", r"\.location: .*unsupported scheme"),
        ("{id: a, kind: sitemap, location: x, recent_days: 0}", r"\.recent_days: got 0"),
        ("{id: a, kind: feed, location: x, max_pages: 2.5}", r"\.max_pages: got 2.5"),
    ],
)
def test_sources_file_errors_name_the_field(tmp_path: Path, entry: str, message: str) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(f"sources:\n  - {entry}\n")
    with pytest.raises(SourcesError, match=message) as info:
        load_sources(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_sources_file_accepts_every_kind(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(
        "sources:\n"
        "  - {id: f, kind: feed, location: 'https://n.example/rss', max_pages: 3}\n"
        "  - {id: s, kind: sitemap, location: 'https://n.example/sitemap.xml', recent_days: 1.5}\n"
        "  - {id: u, kind: urllist, location: urls.txt, language: pt-BR, enabled: false}\n"
    )
    feed, sitemap, urllist = load_sources(path)
    assert feed.max_pages == 3 and sitemap.recent_days == 1.5
    assert urllist.location == str(tmp_path / "urls.txt") and not urllist.enabled


# -- drop folders and the ledger --------------------------------------------------------------
def drop(tmp_path: Path) -> Path:
    day = tmp_path / "drop" / "2026-11-16"
    day.mkdir(parents=True)
    (day / "a.xml").write_text(NEWSML, encoding="utf-8")
    (day / "b.xml").write_text(NEWSML[:200], encoding="utf-8")
    (day / "c.txt").write_text(PLAIN, encoding="utf-8")
    return tmp_path / "drop"


def test_drop_folder_files_are_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = drop(tmp_path)
    from wiredesk.sources.config import Source

    source = Source("w", "W", "dropfolder", str(root))
    with Ledger(tmp_path / "state") as ledger, Fetcher() as fetcher:
        first, log = collect_feed_items(
            [source], fetcher, "r1", NOW, ledger, [dt.date(2026, 11, 16)]
        )
        assert len(first[dt.date(2026, 11, 16)]) == 1  # c.txt's dateline puts it on the 18th
        assert ledger.days() == [dt.date(2026, 11, 16), dt.date(2026, 11, 18)]
        assert [r["error_class"] for r in log[dt.date(2026, 11, 16)]] == ["malformed_xml"]
        reads: list[Path] = []
        original = Path.read_bytes
        monkeypatch.setattr(Path, "read_bytes", lambda p: reads.append(p) or original(p))
        again, log = collect_feed_items(
            [source], fetcher, "r2", NOW, ledger, [dt.date(2026, 11, 16)]
        )
        assert reads == []  # unchanged files are not opened
        assert again == first  # the same rows, discovered_at included
        assert [r["error_class"] for r in log[dt.date(2026, 11, 16)]] == ["malformed_xml"]
        # A file moved to another folder is recognised by its hash and not ingested again.
        archive = root / "2026-11-16" / "archive"
        archive.mkdir()
        shutil.move(root / "2026-11-16" / "a.xml", archive / "a.xml")
        moved, _ = collect_feed_items([source], fetcher, "r3", NOW, ledger, [dt.date(2026, 11, 16)])
        assert moved == first
        # A changed file is read again and its new version is a new item.
        newer = NEWSML.replace('version="2"', 'version="3"')
        (root / "2026-11-16" / "new.xml").write_text(newer, encoding="utf-8")
        os.utime(root / "2026-11-16" / "new.xml", ns=(1, 1))
        grown, _ = collect_feed_items([source], fetcher, "r4", NOW, ledger, [dt.date(2026, 11, 16)])
        assert len(grown[dt.date(2026, 11, 16)]) == 2


def test_items_are_deduplicated_by_canonical_url_across_runs(tmp_path: Path) -> None:
    feed_a = tmp_path / "a.xml"
    feed_b = tmp_path / "b.xml"
    feed_a.write_bytes(rss(2))
    feed_b.write_bytes(
        rss(3).replace(b"story-", b"other-").replace(b"/story/1", b"/story/1?utm_source=b")
    )
    from wiredesk.sources.config import Source

    sources = [Source("a", "A", "feed", str(feed_a)), Source("b", "B", "feed", str(feed_b))]
    day = dt.date(2026, 11, 16)
    with Ledger(tmp_path / "state") as ledger, Fetcher() as fetcher:
        first, _ = collect_feed_items(sources[:1], fetcher, "r1", NOW, ledger, [day])
        both, _ = collect_feed_items(sources, fetcher, "r2", NOW, ledger, [day])
    assert len(first[day]) == 2
    assert sorted(r["canonical_url"] for r in both[day]) == [
        "https://news.example/story/0",
        "https://news.example/story/1",
        "https://news.example/story/2",
    ]
    assert {r["source_id"] for r in both[day] if r["canonical_url"].endswith("/2")} == {"b"}


def _admit_in_another_process(state: Path, rows: list[dict], go, admitted) -> None:
    with Ledger(state) as ledger:
        go.wait(30)
        admitted.put(len(ledger.admit(rows, lambda row: NOW.date())))


def test_two_processes_admitting_the_same_items_admit_each_once(tmp_path: Path) -> None:
    """Two days ingested in parallel both offer every item the feeds carry."""
    rows = [
        {"item_id": f"s:{n}", "source_id": "s", "canonical_url": f"https://n.example/{n}"}
        for n in range(3)
    ]
    spawn = multiprocessing.get_context("spawn")
    go, admitted = spawn.Event(), spawn.Queue()
    other = spawn.Process(
        target=_admit_in_another_process, args=(tmp_path / "state", rows, go, admitted)
    )
    other.start()

    def slowly() -> Iterator[dict]:
        yield rows[0]
        go.set()  # the other process checks and inserts while this admission is under way
        time.sleep(1.0)
        yield from rows[1:]

    with Ledger(tmp_path / "state") as ledger:
        here = len(ledger.admit(slowly(), lambda row: NOW.date()))
        other.join(60)
        assert other.exitcode == 0
        assert here + admitted.get(timeout=5) == len(rows)
        assert [r["item_id"] for r in ledger.items_for_day(NOW.date())] == ["s:0", "s:1", "s:2"]


def test_scan_without_a_ledger_reports_everything(tmp_path: Path) -> None:
    items, errors = scan_folder(drop(tmp_path), "w")
    assert sorted(i.format for i in items) == ["newsml", "text"]
    assert [e.error_class for e in errors] == ["malformed_xml"]
