"""Near-duplicates across sources and days: one cluster, the earliest copy as original."""

import datetime as dt
import random

from tests import article_fixtures as F
from tests.conftest import imported_on_a_thread
from wiredesk.articles.stage import ArticleHistory, build_articles_day
from wiredesk.articles.text import content_hash
from wiredesk.store import Lake
from wiredesk.syndication.dedup import assign_clusters, fingerprint, text_signature
from wiredesk.syndication.table import (
    STATE_FILE,
    build_syndication,
    load_state,
    save_state,
    update_syndication,
)

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 20, tzinfo=UTC)


WIRE = F.raw_page("testwire", "ferry", F.WIRE_NEWSML, "newsml")
EDITED = F.raw_page("gazette", "ferry", F.COPY_EDITED, "html")
REORDERED = F.raw_page("courier", "ferry", F.COPY_REORDERED, "html")
RELATED = F.raw_page("courier", "pay-vote", F.RELATED_STORY, "html")


def by_source(rows: list[dict]) -> dict[str, dict]:
    return {(r["source_id"], r["title"][:12]): r for r in rows}


def test_the_trio_shares_one_cluster_named_after_the_wire_original() -> None:
    day = build_articles_day([REORDERED, RELATED, EDITED, WIRE], [], "t", NOW)
    rows = {r["source_id"] + ":" + r["url"].rsplit("/", 1)[-1]: r for r in day.articles}
    original = rows["testwire:ferry"]
    assert original["cluster_id"] == original["article_id"]
    assert rows["gazette:ferry"]["cluster_id"] == original["article_id"]
    assert rows["courier:ferry"]["cluster_id"] == original["article_id"]
    assert rows["courier:pay-vote"]["cluster_id"] == rows["courier:pay-vote"]["article_id"]


def test_clusters_do_not_depend_on_arrival_order() -> None:
    pages = [WIRE, EDITED, REORDERED, RELATED]
    expected = {
        r["article_id"]: r["cluster_id"] for r in build_articles_day(pages, [], "t", NOW).articles
    }
    for seed in range(3):
        shuffled = pages[:]
        random.Random(seed).shuffle(shuffled)
        got = build_articles_day(shuffled, [], "t", NOW).articles
        assert {r["article_id"]: r["cluster_id"] for r in got} == expected


def test_a_copy_on_a_later_day_joins_the_earlier_days_cluster() -> None:
    first = build_articles_day([WIRE, EDITED], [], "t", NOW)
    second = build_articles_day(
        [REORDERED, RELATED], [], "t", NOW, ArticleHistory(prior_signatures=first.signatures)
    )
    wire_id = next(r["article_id"] for r in first.articles if r["source_id"] == "testwire")
    clusters = {r["title"]: r["cluster_id"] for r in second.articles}
    assert clusters["Islands get a shared ferry timetable and a reserve ship"] == wire_id
    assert clusters["Ferry workers vote on winter pay offer"] != wire_id
    # Re-running the later day gives the same ids.
    again = build_articles_day(
        [RELATED, REORDERED], [], "t", NOW, ArticleHistory(prior_signatures=first.signatures)
    )
    assert {r["title"]: r["cluster_id"] for r in again.articles} == clusters


def test_syndication_table_over_all_days() -> None:
    first = build_articles_day([EDITED, WIRE], [], "t", NOW)
    second = build_articles_day(
        [REORDERED, RELATED], [], "t", NOW, ArticleHistory(prior_signatures=first.signatures)
    )
    day1, day2 = dt.date(2026, 11, 16), dt.date(2026, 11, 17)
    articles = [{**a, "day": day1} for a in first.articles] + [
        {**a, "day": day2} for a in second.articles
    ]
    rows, disagreements, _ = build_syndication(first.signatures + second.signatures, articles)
    assert disagreements == {}
    table = {r["source_id"]: r for r in rows}
    assert set(table) == {"testwire", "gazette", "courier"}
    assert [r["source_id"] for r in rows] == ["testwire", "gazette", "courier"]  # by time
    wire, gazette, courier = table["testwire"], table["gazette"], table["courier"]
    assert wire["is_original"] and not gazette["is_original"] and not courier["is_original"]
    assert {r["cluster_id"] for r in rows} == {wire["article_id"]}
    assert (wire["lag_minutes"], gazette["lag_minutes"], courier["lag_minutes"]) == (
        0.0,
        90.0,
        (23 * 60 + 15) * 1.0,
    )
    assert gazette["outlet"] == "Harbour Gazette" and courier["outlet"] == "Island Courier"
    assert gazette["members"] == 3 and courier["member_day"] == day2
    # Two words edited and the credit line dropped vs three paragraphs cut and a reorder.
    assert 0 < gazette["words_changed"] < courier["words_changed"]
    assert gazette["similarity"] > courier["similarity"]
    assert wire["words_changed"] == 0 and wire["similarity"] == 1.0


def test_out_of_order_days_are_reported_as_disagreements() -> None:
    # The later day is built before the earlier one exists: its copy starts its own cluster.
    second = build_articles_day([REORDERED], [], "t", NOW)
    first = build_articles_day([WIRE], [], "t", NOW)
    articles = [{**a, "day": dt.date(2026, 11, 17)} for a in second.articles] + [
        {**a, "day": dt.date(2026, 11, 16)} for a in first.articles
    ]
    rows, disagreements, _ = build_syndication(first.signatures + second.signatures, articles)
    copy_id = second.articles[0]["article_id"]
    wire_id = first.articles[0]["article_id"]
    assert disagreements == {copy_id: (copy_id, wire_id)}
    assert {r["cluster_id"] for r in rows} == {wire_id}  # the table itself is right


def test_exact_duplicates_match_by_hash() -> None:
    text = " ".join(["word"] * 3 + ["ferry timetable agreed on monday"])
    stamp = dt.datetime(2026, 11, 16, tzinfo=UTC)
    a = fingerprint("a", text, stamp, content_hash(text))
    b = fingerprint("b", text.upper(), stamp + dt.timedelta(hours=1), content_hash(text.upper()))
    matches = assign_clusters([b, a])
    assert matches["b"].cluster_id == "a" and matches["b"].similarity == 1.0


def test_a_later_day_from_the_saved_state_equals_a_whole_recount(tmp_path) -> None:
    first = build_articles_day([EDITED, REORDERED, RELATED], [], "t", NOW)
    second = build_articles_day(
        [WIRE], [], "t", NOW, ArticleHistory(prior_signatures=first.signatures)
    )
    day1, day2 = dt.date(2026, 11, 16), dt.date(2026, 11, 17)
    old = [{**a, "day": day1} for a in first.articles]
    every = old + [{**a, "day": day2} for a in second.articles]
    signatures = first.signatures + second.signatures
    before = build_syndication(first.signatures, old)
    assert len(before.rows) == 2  # the two outlets' copies, without their original yet
    state_file = tmp_path / "state" / STATE_FILE
    save_state(state_file, before.state)

    later = build_syndication(signatures, every, previous=load_state(state_file))
    whole = build_syndication(signatures, every)
    assert later == whole
    # The wire original arrived on the later day but was published first: it is the original.
    wire_id = next(r["article_id"] for r in second.articles if r["source_id"] == "testwire")
    assert {r["cluster_id"] for r in later.rows} == {wire_id}
    assert [r["words_changed"] > 0 for r in later.rows] == [False, True, True]

    # Again with nothing new: every measure is kept and no text is read to diff.
    asked: list[str] = []

    def texts(ids):
        asked.extend(ids)
        return {a["article_id"]: a["text"] for a in every if a["article_id"] in ids}

    bare = [{k: v for k, v in a.items() if k != "text"} for a in every]
    again = build_syndication(signatures, bare, texts, previous=later.state)
    assert again.rows == whole.rows and asked == []
    # Without the state, the same texts are read to measure the copies.
    assert build_syndication(signatures, bare, texts).rows == whole.rows and len(asked) == 3


def test_a_state_from_other_settings_or_unreadable_is_not_used(tmp_path) -> None:
    day = build_articles_day([WIRE, EDITED], [], "t", NOW)
    articles = [{**a, "day": dt.date(2026, 11, 16)} for a in day.articles]
    state = build_syndication(day.signatures, articles).state
    path = tmp_path / STATE_FILE
    save_state(path, state.replace_schema_metadata({"wiredesk.rule": "perm=64"}))
    assert load_state(path) is None
    path.write_bytes(b"not parquet")
    assert load_state(path) is None
    assert load_state(tmp_path / "missing.parquet") is None
    save_state(path, state)
    assert load_state(path).equals(state)


def test_an_archive_whose_days_hold_no_articles_gives_an_empty_table(tmp_path) -> None:
    # A day whose every input was bad leaves empty partitions; the step must still run.
    lake = Lake(tmp_path / "home")
    day = dt.date(2026, 11, 17)
    lake.write("articles", [], day=day)
    lake.write("article_signatures", [], day=day)
    state_dir = tmp_path / "state"
    state_dir.mkdir()
    for _ in range(2):  # the second run starts from the state the first saved
        result, days_to_rerun = update_syndication(lake, state_dir)
        assert result.rows == [] and days_to_rerun == []
        assert load_state(state_dir / STATE_FILE).num_rows == 0
    assert lake.read("syndication").num_rows == 0


def test_the_signature_library_is_prepared_on_a_thread_with_the_same_signatures() -> None:
    printed = imported_on_a_thread(
        "from wiredesk.syndication.dedup import fingerprint, prepare_in_background",
        "prepare_in_background",
        "datasketch",
        "minhash-import",
        then="print(fingerprint('a', 'one two three four five six seven', None, 'h').minhash[:4])",
    )
    text = "one two three four five six seven"
    assert printed.strip() == str(fingerprint("a", text, None, "h").minhash[:4])


def test_a_signature_made_ahead_is_used_only_for_the_text_it_was_made_from() -> None:
    text = "The ferry timetable was agreed on Monday.\nBoth sides signed the deal at noon."
    other = "A different story about a bridge that opened on Tuesday in the north."
    signed = text_signature(text)
    plain = fingerprint("a", text, None, "h")
    assert signed.signs(text) and not signed.signs(other)
    assert (signed.minhash, signed.shingle_count) == (plain.minhash, plain.shingle_count)
    assert fingerprint("a", text, None, "h", signed) == plain
    # A signature of another text is not taken for this one: it is signed afresh.
    assert fingerprint("b", other, None, "h", signed) == fingerprint("b", other, None, "h")
    assert fingerprint("b", other, None, "h", signed).minhash != signed.minhash
