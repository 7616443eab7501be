"""What analysts see across days: a story's latest version only, and one cluster id.

A revision that arrives on a later day is a new articles row on that day while the earlier
day's row (and the quotes and mentions found in it) stays in the lake; the warehouse views
leave the earlier row out. A day ingested before an earlier one keeps a stale cluster id in
its articles rows; the views take the cluster from the syndication table, which clusters
all days at once.
"""

import datetime as dt
from pathlib import Path

from tests import article_fixtures as F
from wiredesk.articles.revisions import superseded_rows
from wiredesk.articles.stage import run_articles_day
from wiredesk.store.lake import Lake
from wiredesk.store.memory import memory_connection
from wiredesk.syndication.table import build_syndication

UTC = dt.UTC
DAY1, DAY2 = dt.date(2026, 11, 16), dt.date(2026, 11, 17)
NOW = dt.datetime(2026, 11, 20, tzinfo=UTC)


def ingest(lake: Lake, day: dt.date, pages: list[dict]) -> list[dict]:
    lake.write("raw_pages", pages, day)
    return run_articles_day(lake, day, "t", NOW).articles


def quote_row(article_id: str, text: str) -> dict:
    return {"quote_id": f"q-{text}", "article_id": article_id, "kind": "direct", "text": text}


def mention_row(article_id: str, key: str) -> dict:
    return {"article_id": article_id, "entity_key": key, "text": key, "type": "ORG", "roles": []}


def test_a_revision_on_a_later_day_hides_the_earlier_row_and_its_quotes(home: Path) -> None:
    lake = Lake(home)
    (first,) = ingest(lake, DAY1, [F.raw_page("testwire", "ferry", F.WIRE_NEWSML, "newsml")])
    (second,) = ingest(lake, DAY2, [F.raw_page("testwire", "ferry", F.WIRE_NEWSML_V2, "newsml")])
    story = first["article_id"]
    assert second["article_id"] == story and second["previous_version_id"] == first["version_id"]
    assert len(lake.read("articles").to_pylist()) == 2  # the lake keeps both days' rows
    lake.write("quotes", [quote_row(story, "old")], DAY1)
    lake.write("quotes", [quote_row(story, "new")], DAY2)
    lake.write("entity_mentions", [mention_row(story, "old-org")], DAY1)
    lake.write("entity_mentions", [mention_row(story, "new-org")], DAY2)
    # The cross-day pass lists the replaced row (the syndication asset writes it).
    replaced = superseded_rows(lake.read("articles").to_pylist())
    lake.write("superseded_articles", replaced)

    con = memory_connection(home)
    rows = con.execute("SELECT article_id, day, version, version_id FROM articles").fetchall()
    assert rows == [(story, DAY2, 2, second["version_id"])]
    assert con.execute("SELECT text FROM quotes").fetchall() == [("new",)]
    assert con.execute("SELECT entity_id FROM entity_mentions").fetchall() == [("new-org",)]
    superseded = con.execute(
        "SELECT day, version_id, latest_version_id, latest_day FROM superseded_articles"
    ).fetchall()
    assert superseded == [(DAY1, first["version_id"], second["version_id"], DAY2)]


def test_views_take_the_cluster_from_syndication_when_days_ran_out_of_order(home: Path) -> None:
    lake = Lake(home)
    # The outlet's copy (published a day later) is ingested before the wire original.
    (copy,) = ingest(lake, DAY2, [F.raw_page("gazette", "ferry", F.COPY_EDITED, "html")])
    (original,) = ingest(lake, DAY1, [F.raw_page("testwire", "ferry", F.WIRE_NEWSML, "newsml")])
    assert copy["cluster_id"] == copy["article_id"]  # stale: it saw no earlier day
    rows, disagreements, _ = build_syndication(
        lake.read("article_signatures").to_pylist(), lake.read("articles").to_pylist()
    )
    assert disagreements == {copy["article_id"]: (copy["article_id"], original["article_id"])}
    lake.write("syndication", rows)

    con = memory_connection(home)
    clusters = dict(con.execute("SELECT article_id, cluster_id FROM articles").fetchall())
    assert clusters == {
        copy["article_id"]: original["article_id"],
        original["article_id"]: original["article_id"],
    }
    copies = con.execute("SELECT article_id, is_first FROM article_copies ORDER BY day").fetchall()
    assert copies == [(original["article_id"], True), (copy["article_id"], False)]
