"""Revisions: the same story seen again with changed text becomes a new, linked version."""

import datetime as dt

from tests import article_fixtures as F
from wiredesk.articles.revisions import version_id, words_changed
from wiredesk.articles.stage import ArticleHistory, build_articles_day

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 20, tzinfo=UTC)


def wire_page(name: str, content: str) -> dict:
    return {
        "item_id": f"testwire-{name}",
        "source_id": "testwire",
        "url": f"https://testwire.example/{name}.xml",
        "final_url": None,
        "format": "newsml",
        "content": content.encode(),
    }


V1 = wire_page("ferry-v1", F.WIRE_NEWSML)
V2 = wire_page("ferry-v2", F.WIRE_NEWSML_V2)


def test_both_versions_in_one_run_keep_the_latest_linked_to_the_first() -> None:
    day = build_articles_day([V2, V1], [], "t", NOW)
    assert len(day.articles) == 1
    article = day.articles[0]
    v1_id = version_id(article["article_id"], day.versions[0]["content_hash"])
    assert article["version"] == 2 and article["versions_seen"] == 2
    assert article["title"].startswith("UPDATE 1-")
    assert article["previous_version_id"] == v1_id
    assert article["updated_at"] == dt.datetime(2026, 11, 16, 14, 30, tzinfo=UTC)
    assert [(v["version"], v["is_latest"]) for v in day.versions] == [(1, False), (2, True)]
    assert day.versions[1]["previous_version_id"] == v1_id
    assert day.versions[1]["words_changed"] == 29  # the added paragraph, word for word
    assert day.versions[0]["previous_version_id"] is None


def test_a_refetch_with_changed_text_becomes_a_new_version() -> None:
    first = build_articles_day([V1], [], "t", NOW)
    # The same guid fetched again later; the format gives no new version number.
    changed = F.WIRE_NEWSML_V2.replace('version="2"', 'version="1"')
    later = NOW + dt.timedelta(hours=3)
    second = build_articles_day(
        [wire_page("ferry", changed)],
        [],
        "t",
        later,
        ArticleHistory(
            stored_versions=[{**v, "day": dt.date(2026, 11, 16)} for v in first.versions]
        ),
    )
    article = second.articles[0]
    assert article["article_id"] == first.articles[0]["article_id"]
    assert article["version"] == 2
    assert article["previous_version_id"] == first.articles[0]["version_id"]
    assert [v["version"] for v in second.versions] == [1, 2]  # history kept
    assert second.versions[0]["first_seen_at"] == NOW
    assert second.versions[1]["first_seen_at"] == later


def test_a_refetch_with_the_same_text_is_the_same_version() -> None:
    first = build_articles_day([V1], [], "t", NOW)
    again = build_articles_day(
        [V1],
        [],
        "t",
        NOW + dt.timedelta(days=1),
        ArticleHistory(stored_versions=first.versions),
    )
    assert [v["version_id"] for v in again.versions] == [v["version_id"] for v in first.versions]
    assert again.articles[0]["version"] == 1 and again.articles[0]["previous_version_id"] is None
    assert again.versions[0]["first_seen_at"] == NOW


def test_a_revision_on_a_later_day_links_to_the_earlier_days_version() -> None:
    first = build_articles_day([V1], [], "t", NOW)
    second = build_articles_day(
        [V2], [], "t", NOW, ArticleHistory(prior_signatures=first.signatures)
    )
    article = second.articles[0]
    assert article["previous_version_id"] == first.articles[0]["version_id"]
    assert article["cluster_id"] == article["article_id"]  # not a copy of its own past
    # Seeing only the old text again on the later day adds nothing new.
    repeat = build_articles_day(
        [V1], [], "t", NOW, ArticleHistory(prior_signatures=first.signatures)
    )
    assert repeat.articles == [] and repeat.versions == []


def test_words_changed_counts_the_edit() -> None:
    assert words_changed("a b c d", "a b x d") == 1
    assert words_changed("a b c d", "a b c d e f") == 2


def test_build_articles_keeps_its_simple_interface() -> None:
    built = build_articles_day([V1, V2], [], "t", NOW)
    articles, errors = built.articles, built.errors
    assert len(articles) == 1 and errors == []
    assert articles[0]["version"] == 2
