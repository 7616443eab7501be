"""wiredesk feed: JSON lines for good feeds, one stderr line per bad one, never a traceback."""

import argparse
import json
from pathlib import Path

import pytest

from pipelines.commands import feed as feed_command
from tests.conftest import REPO
from wiredesk.fetch.loopback import BILLION_LAUGHS, LoopbackServer, rss


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="wiredesk")
    feed_command.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["feed", *argv])
    return args.func(args)


def test_sample_feeds_print_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    rss_path = REPO / "samples/web/harbor-times/rss.xml"
    atom_path = REPO / "samples/web/lakeside-post/atom.xml"
    assert run([str(rss_path), str(atom_path)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 12 + 9  # every item of both feeds, broken pages included
    assert set(lines[0]) == {"feed", "url", "guid", "title", "published"}
    live = next(r for r in lines if r["title"] == "Live: Lisbon port strike, day two")
    assert live["published"] == "2026-11-19T09:20:00+00:00" and live["feed"] == str(rss_path)


def test_bad_feeds_are_one_line_each_and_the_others_still_print(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.xml"
    good.write_bytes(rss(3))
    bomb = tmp_path / "bomb.xml"
    bomb.write_bytes(BILLION_LAUGHS)
    page = tmp_path / "page.html"
    page.write_text("<!doctype html><html><body><p>not a feed</p></body></html>")
    status = run([str(tmp_path / "missing.xml"), str(bomb), str(good), str(page)])
    out, err = capsys.readouterr()
    assert status == 1
    assert len(out.splitlines()) == 3
    errors = err.splitlines()
    assert len(errors) == 3 and "Traceback" not in err
    assert "missing.xml: not_found" in errors[0]
    assert "bomb.xml: unsafe_xml" in errors[1]
    assert "page.html: not_a_feed" in errors[2]


def test_sitemaps_and_remote_feeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://news.example/old</loc><lastmod>2001-01-01</lastmod></url></urlset>"
    )
    assert run(["--all", str(sitemap)]) == 0
    assert json.loads(capsys.readouterr().out)["url"] == "https://news.example/old"
    with LoopbackServer() as site:
        url = site.add("/rss.xml", rss(2), "application/rss+xml")
        assert run([url]) == 1  # loopback is refused without --allow
        assert "ssrf_blocked" in capsys.readouterr().err
        assert run(["--allow", f"127.0.0.1:{site.port}", url]) == 0
        assert len(capsys.readouterr().out.splitlines()) == 2
