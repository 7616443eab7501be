import datetime as dt
from pathlib import Path

import pytest

from tests.fixtures import ATOM, NEWSML, NITF, PLAIN, RSS
from wiredesk.sources.config import SourcesError, load_sources
from wiredesk.sources.dropfolder import scan_folder
from wiredesk.sources.feeds import parse_feed
from wiredesk.sources.items import FeedItem, SourceError
from wiredesk.sources.wireformats import (
    FormatError,
    detect_format,
    parse_newsml,
    parse_nitf,
    parse_plain_text,
)

UTC = dt.UTC


def test_newsml_fields() -> None:
    doc = parse_newsml(NEWSML.encode())
    assert doc.guid == "urn:newsml:test.example:1" and doc.version == 2
    assert doc.title == "Harbour pilots end strike after pay deal"
    assert doc.authors == ["Ida Strand", "Tom Vik"]
    assert doc.published_at == dt.datetime(2026, 11, 16, 9, 30, tzinfo=UTC)
    assert doc.updated_at == dt.datetime(2026, 11, 16, 11, 0, tzinfo=UTC)
    assert doc.agency == "Testwire" and doc.dateline == "Oslo"
    assert len(doc.paragraphs) == 2 and doc.paragraphs[1].startswith('"We got')


def test_nitf_fields() -> None:
    doc = parse_nitf(NITF.encode())
    assert (doc.guid, doc.title, doc.agency) == (
        "TST-1",
        "Grain talks resume in Lisbon",
        "Test Press",
    )
    assert doc.published_at == dt.datetime(2026, 11, 17, 8, 30, tzinfo=UTC)
    assert doc.paragraphs[0].startswith("LISBON, Nov 17 (TP) -")


def test_plain_text_takes_year_from_folder_day() -> None:
    doc = parse_plain_text(PLAIN.encode(), dt.date(2026, 11, 18))
    assert doc.title == "Ferry service cut as storm nears"
    assert doc.authors == ["Lea Moss"]
    assert doc.agency == "Testwire" and doc.dateline == "MANILA"
    assert doc.published_at.date() == dt.date(2026, 11, 18)
    assert len(doc.paragraphs) == 2


def test_malformed_xml_is_a_classified_error() -> None:
    with pytest.raises(FormatError) as info:
        parse_newsml(NEWSML[:300].encode())
    assert info.value.error_class == "malformed_xml"


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (NEWSML, "a.xml", "newsml"),
        (NITF, "b.xml", "nitf"),
        (PLAIN, "c.txt", "text"),
        (RSS, "rss.xml", "feed"),
        ("<html><body>x</body></html>", "p", "html"),
        ("\x89PNG\r\n\x1a\n\x00\x00", "x.html", "unknown"),
    ],
)
def test_detect_format(data: str, name: str, expected: str) -> None:
    assert detect_format(data.encode("latin-1"), name) == expected


def test_rss_links_resolve_against_the_feed_and_dates_are_utc() -> None:
    items, errors = parse_feed(RSS.encode(), "file:///feeds/t/rss.xml", "t")
    assert not errors
    assert items[0].url == "file:///feeds/t/pages/one.html"
    assert items[0].published_at == dt.datetime(2026, 11, 16, 9, 0, tzinfo=UTC)
    assert "utm_source" not in items[1].canonical_url


def test_atom_entries() -> None:
    items, _ = parse_feed(ATOM.encode(), "file:///f/atom.xml", "p")
    assert items[0].guid == "tag:p.example,2026:a"
    assert items[0].published_at == dt.datetime(2026, 11, 16, 13, 0, tzinfo=UTC)


def test_not_a_feed_is_one_error() -> None:
    items, errors = parse_feed(b"this is not xml at all", "file:///f/x.xml", "p")
    assert items == [] and errors[0].error_class == "not_a_feed"


def test_drop_folder_scan_reports_items_and_errors(tmp_path: Path) -> None:
    day = tmp_path / "drop" / "2026-11-16"
    day.mkdir(parents=True)
    (day / "a.xml").write_text(NEWSML, encoding="utf-8")
    (day / "b.xml").write_text(NEWSML[:200], encoding="utf-8")
    (day / "c.txt").write_text(PLAIN, encoding="utf-8")
    (day / "d.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (day / ".partial.xml").write_text("ignored", encoding="utf-8")
    items, errors = scan_folder(tmp_path / "drop", "w")
    assert sorted(i.format for i in items) == ["newsml", "text"]
    assert all(isinstance(i, FeedItem) for i in items)
    classes = sorted((e.error_class, e.day) for e in errors)
    assert classes == [
        ("binary_content", dt.date(2026, 11, 16)),
        ("malformed_xml", dt.date(2026, 11, 16)),
    ]
    assert all(isinstance(e, SourceError) and str(day) in e.detail for e in errors)


def test_sources_file_relative_paths_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n  - id: w\n    kind: dropfolder\n    location: drop\n")
    (source,) = load_sources(path)
    assert source.location == str(tmp_path / "drop") and source.enabled
    path.write_text("sources:\n  - id: w\n    kind: carrier-pigeon\n    location: x\n")
    with pytest.raises(SourcesError, match="kind"):
        load_sources(path)
    with pytest.raises(SourcesError, match="not found"):
        load_sources(tmp_path / "missing.yaml")
