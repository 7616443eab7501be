"""Drop-folder files extracted while the run that stores them is being set up."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from pipelines.cli import main
from tests.article_fixtures import COPY_EDITED, JSON_LD_PAGE, PAYWALL_PAGE, WIRE_TEXT
from tests.conftest import REPO
from tests.fixtures import HTML, PLAIN
from tests.test_stage_workers import _tables
from wiredesk import early_pages
from wiredesk.articles import PageInputs, fetched_page, page_inputs
from wiredesk.articles.stage import build_articles_day
from wiredesk.early_pages import (
    articles_clock,
    early_result,
    pages_extracted_early,
    sent_early,
)
from wiredesk.sources import FeedItem, item_row
from wiredesk.sources.dropfolder import scan_folder
from wiredesk.stages import build_mentions
from wiredesk.workers import stage_workers

NORTHWIRE = REPO / "samples" / "drop" / "northwire"


@pytest.fixture
def taken(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each page the articles stage asked for was taken from the early results."""
    asked: list[bool] = []

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        found = early_result(*args, **kwargs)
        asked.append(found is not None)
        return found

    monkeypatch.setattr(early_pages, "early_result", counted)
    return asked


def _drop_folder(root: Path) -> list[FeedItem]:
    """A drop folder's files (pages that extract, a blank one that fails) as new items."""
    day = root / "2026-03-02"
    day.mkdir(parents=True)
    bodies = [HTML, COPY_EDITED, JSON_LD_PAGE, PAYWALL_PAGE, "<html> </html>", HTML]
    for number, body in enumerate(bodies):
        (day / f"story{number}.html").write_text(body.replace("</p>", f" ({number})</p>", 1))
    (day / "plain.txt").write_text(PLAIN, encoding="utf-8")
    (day / "wire.txt").write_text(WIRE_TEXT, encoding="utf-8")
    items, _ = scan_folder(root, "desk")
    return items


def _pages_as_stored(items: list[FeedItem], now: dt.datetime) -> tuple[list[dict], list[dict]]:
    """What the feed and page steps store for the items: their rows and their pages."""
    rows = [item_row(item, now) for item in items]
    pages = []
    for row in rows:
        content = Path(unquote(urlsplit(row["url"]).path)).read_bytes()
        pages.append(fetched_page(row, content, row["url"], fetched_at=now))
    return rows, pages


def test_the_articles_stage_takes_the_files_extracted_early_and_writes_the_same_rows(
    tmp_path: Path, taken: list[bool]
) -> None:
    items = _drop_folder(tmp_path / "drop")
    with stage_workers(2), pages_extracted_early(items) as sent:
        assert sent == len(items)
        now = articles_clock()
        rows, pages = _pages_as_stored(items, now)
        # One file was written again after the workers read it: its page is worked out anew.
        pages[1] = {**pages[1], "content": pages[1]["content"].replace(b"</p>", b" Now.</p>", 1)}
        early = build_articles_day(pages, rows, "t")  # at the block's clock
        assert not any(sent_early(page) for page in pages)  # each taken once
        early_mentions = build_mentions(early.articles)
    assert taken.count(True) == len(items) - 1 and taken.count(False) == 1
    assert articles_clock() > now  # outside the block, the clock is now again
    with stage_workers(1):
        plain = build_articles_day(pages, rows, "t", now)
        plain_mentions = build_mentions(plain.articles)
    assert early.articles == plain.articles and len(plain.articles) >= 6
    assert early.signatures == plain.signatures
    assert plain.errors and early.errors == plain.errors  # the blank page, in both
    assert early_mentions == plain_mentions and plain_mentions


def test_a_page_not_as_the_worker_read_it_is_not_taken(tmp_path: Path) -> None:
    items = _drop_folder(tmp_path / "drop")
    with stage_workers(2), pages_extracted_early(items):
        now = articles_clock()
        rows, pages = _pages_as_stored(items, now)
        later = now + dt.timedelta(seconds=1)
        assert early_result(pages[0], rows[0], later) is None  # another clock
        retitled = {**rows[2], "title": "Another title"}
        assert early_result(pages[2], retitled, now) is None  # another item
        found = early_result(pages[3], rows[3], now)
        assert found is not None and found[0]["text"]
        assert early_result(pages[3], rows[3], now) is None  # taken already
        assert not sent_early({"item_id": "never-sent"})


def test_nothing_is_sent_early_without_a_pool_of_workers_or_files(tmp_path: Path) -> None:
    items = _drop_folder(tmp_path / "drop")
    with stage_workers(1), pages_extracted_early(items) as sent:
        assert sent == 0
        first = articles_clock()
        assert articles_clock() >= first  # no block's clock: now
    web = [dataclasses.replace(item, url="https://example.org/a") for item in items]
    with stage_workers(2), pages_extracted_early(web) as sent:
        assert sent == 0


def test_the_key_of_a_page_covers_every_input() -> None:
    inputs = PageInputs(
        content=b"<p>Text</p>",
        url="file:///drop/2026-03-02/a.html",
        final_url="file:///drop/2026-03-02/a.html",
        format="html",
        source_id="desk",
        item_id="item-1",
        listed=None,
        offset=None,
        canonical_url="file:///drop/2026-03-02/a.html",
        guid="g",
        version=1,
        title="A",
        now=dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC),
    )
    other = {
        "content": b"<p>Text.</p>",
        "url": "file:///drop/2026-03-02/b.html",
        "final_url": None,
        "format": "text",
        "source_id": "wire",
        "item_id": "item-2",
        "listed": dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
        "offset": 60,
        "canonical_url": "https://example.org/a",
        "guid": "h",
        "version": 2,
        "title": "B",
        "now": dt.datetime(2026, 3, 2, 12, 0, 1, tzinfo=dt.UTC),
    }
    assert set(other) == {f.name for f in dataclasses.fields(PageInputs)}
    assert inputs.key() == dataclasses.replace(inputs).key()
    for name, value in other.items():
        assert dataclasses.replace(inputs, **{name: value}).key() != inputs.key(), name
    # A web page's listed time is an input; a drop-folder file's is not (dated from the file).
    page = {"url": "https://example.org/a", "content": b"", "source_id": "s", "item_id": "i"}
    item = {"published_at": other["listed"], "utc_offset_minutes": 60}
    assert page_inputs(page, item, inputs.now).listed == other["listed"]
    assert page_inputs({**page, "url": inputs.url}, item, inputs.now).listed is None


def test_an_ingest_of_a_drop_folder_takes_its_files_early_and_writes_the_same_tables(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
    taken: list[bool],
) -> None:
    drop = tmp_path / "drop"
    for day in ("2026-11-16", "2026-11-17"):
        shutil.copytree(NORTHWIRE / day, drop / day)
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        f"sources:\n  - id: northwire\n    name: Northwire\n    kind: dropfolder\n"
        f"    location: {drop}\n",
        encoding="utf-8",
    )
    tables = {}
    for workers in (1, 2):
        monkeypatch.setenv("WIREDESK_WORKERS", str(workers))
        home = tmp_path / f"home{workers}"
        assert main(["ingest", "--home", str(home), "--sources", str(sources)]) == 0
        tables[workers] = _tables(home)
    capsys.readouterr()
    assert taken and all(taken)  # every file, with two workers; none asked with one
    assert tables[1] == tables[2] and tables[1]["articles"]
