"""The whole job on the embedded sample, through Dagster, into a temporary home."""

import datetime as dt
from pathlib import Path

import duckdb
import pytest
from dagster import DagsterInstance

from pipelines.runner import available_days, ingest_days
from tests.conftest import REPO
from wiredesk.store.warehouse import connect_readonly, warehouse_path

SOURCES = REPO / "sources.yaml"
TABLES = [
    "feed_items",
    "raw_pages",
    "articles",
    "entity_mentions",
    "quotes",
    "entities",
    "entity_aliases",
    "fetch_log",
    "daily_source_volume",
    "daily_entity_mentions",
    "daily_speaker_quotes",
    "daily_entity_pairs",
    "sources",
]


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


@pytest.fixture(scope="module")
def sample_home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dt.date]]:
    home = tmp_path_factory.mktemp("sample-home")
    days = available_days(SOURCES)
    ingest_days(days, home=str(home), sources=str(SOURCES), instance=DagsterInstance.ephemeral())
    return home, days


@pytest.fixture
def con(sample_home) -> duckdb.DuckDBPyConnection:
    connection = connect_readonly(sample_home[0])
    yield connection
    connection.close()


def test_sample_spans_five_days_and_four_agencies(sample_home, con) -> None:
    _, days = sample_home
    assert len(days) >= 5
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 58  # samples/README.md
    agencies = con.execute("SELECT count(DISTINCT wire_agency) FROM articles").fetchone()[0]
    assert agencies >= 4
    formats = {r[0] for r in con.execute("SELECT DISTINCT format FROM articles").fetchall()}
    assert formats == {"newsml", "nitf", "text", "html"}


def test_every_table_has_rows(con) -> None:
    empty = [table for table, n in counts(con).items() if n == 0]
    assert empty == []


def test_broken_files_are_logged_with_a_class_and_the_run_goes_on(con) -> None:
    rows = con.execute(
        "SELECT error_class, url FROM fetch_log WHERE status = 'error' ORDER BY url"
    ).fetchall()
    classes = {error_class for error_class, _ in rows}
    assert {"malformed_xml", "empty_content", "binary_content", "not_found"} <= classes
    assert all(url for _, url in rows)


def test_articles_have_text_dates_and_ids(con) -> None:
    bad = con.execute(
        """SELECT count(*) FROM articles WHERE text IS NULL OR length(text) < 200
           OR published_at IS NULL OR title IS NULL OR day <> CAST(published_at AS DATE)"""
    ).fetchone()[0]
    assert bad == 0
    dupes = con.execute("SELECT count(*) - count(DISTINCT article_id) FROM articles").fetchone()[0]
    assert dupes == 0


def test_the_updated_story_keeps_only_its_latest_version(con) -> None:
    rows = con.execute(
        "SELECT title, version, versions_seen FROM articles WHERE versions_seen > 1"
    ).fetchall()
    assert len(rows) == 1
    title, version, seen = rows[0]
    assert title.startswith("UPDATE 1-") and version == 2 and seen == 2


def test_the_syndicated_pair_shares_a_cluster(con) -> None:
    clusters = con.execute(
        """SELECT cluster_id, list(source_id ORDER BY published_at) AS outlets
           FROM articles GROUP BY cluster_id HAVING count(*) > 1"""
    ).fetchall()
    outlets = [sorted(o) for _, o in clusters]
    assert ["harbor-times", "northwire"] in outlets


def test_quotes_have_offsets_into_their_article(con) -> None:
    rows = con.execute(
        """SELECT q.kind, q.start_char, q.end_char, a.text FROM quotes q
           JOIN articles a USING (article_id) WHERE q.kind <> 'indirect'"""
    ).fetchall()
    assert len(rows) > 50
    for _kind, start, end, text in rows:
        span = text[start:end]
        assert span[0] in "\"\u201c\u201e\u00ab'\u2018" and len(span) > 2


def test_aggregates_sum_to_their_inputs(con) -> None:
    volume = con.execute("SELECT sum(articles) FROM daily_source_volume").fetchone()[0]
    assert volume == con.execute("SELECT count(*) FROM articles").fetchone()[0]
    mentions = con.execute("SELECT sum(mentions) FROM daily_entity_mentions").fetchone()[0]
    assert mentions == con.execute("SELECT count(*) FROM entity_mentions").fetchone()[0]


def test_rerun_changes_no_count_while_an_analyst_reads(sample_home, con) -> None:
    home, days = sample_home
    before = counts(con)
    analyst = duckdb.connect(str(warehouse_path(home)), read_only=True)
    assert analyst.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
    ingest_days(days, home=str(home), sources=str(SOURCES), instance=DagsterInstance.ephemeral())
    assert counts(analyst) == before
    analyst.close()
    fresh = connect_readonly(home)
    assert counts(fresh) == before
    fresh.close()


def test_known_quote_is_attributed_through_a_role(con) -> None:
    # samples/README.md, fact Q2: "the minister said" refers to Amara Oyelaran.
    rows = con.execute(
        """SELECT a.source_id, q.speaker, q.speaker_mention, q.speaker_entity_id
           FROM quotes q JOIN articles a USING (article_id)
           WHERE q.text LIKE 'The text is not perfect, and we have said so.%'
           ORDER BY a.source_id"""
    ).fetchall()
    assert [r[0] for r in rows] == ["harbor-times", "northwire"]
    for _, speaker, mention, entity_id in rows:
        assert speaker == "Amara Oyelaran" and mention == "the minister"
        name = con.execute("SELECT name FROM entities WHERE entity_id = ?", [entity_id]).fetchone()
        assert name == ("Amara Oyelaran",)


def test_known_quotes_resolve_pronouns_and_roles(con) -> None:
    expected = {
        "A weak currency is a tax on every family": "Sofia Renner",  # "the governor"
        "Nobody expects miracles on day one": "Ingrid Halvorsen",  # "she said", interrupted
        "This is a humanitarian agreement": "Ingrid Halvorsen",  # "the envoy"
        "Two weeks ago, people told me": "Lukas Brandt",  # "he said"
    }
    for start, speaker in expected.items():
        found = con.execute(
            "SELECT DISTINCT speaker FROM quotes WHERE text LIKE ? || '%'", [start]
        ).fetchall()
        assert found == [(speaker,)], start


def test_known_entities_carry_their_aliases(con) -> None:
    aliases = dict(
        con.execute(
            """SELECT name, aliases FROM entities
               WHERE (name, type) IN (('International Energy Agency', 'ORG'),
                                      ('Amara Oyelaran', 'PERSON'), ('United Nations', 'ORG'))"""
        ).fetchall()
    )
    assert "IEA" in aliases["International Energy Agency"]
    assert "Oyelaran" in aliases["Amara Oyelaran"]
    assert {"UN", "U.N."} <= set(aliases["United Nations"])
    articles = con.execute(
        """SELECT count(DISTINCT m.article_id) FROM entity_mentions m JOIN entities e
           USING (entity_id) WHERE e.name = 'Amara Oyelaran' AND e.type = 'PERSON'"""
    ).fetchone()[0]
    assert articles >= 10  # one id across articles and days


def test_the_asset_flags_the_configured_agencies(con) -> None:
    flagged = dict(con.execute("SELECT name, type FROM entities WHERE is_source").fetchall())
    assert flagged.keys() >= {"Northwire", "Meridian", "Capital Press Agency"}
    assert set(flagged.values()) == {"ORG"}
    assert not con.execute(
        "SELECT count(*) FROM entities WHERE name = 'U.N.' OR (name = 'UN' AND type <> 'PERSON')"
    ).fetchone()[0]


def test_daily_tables_cover_every_sample_day(sample_home, con) -> None:
    _, days = sample_home
    for table in (
        "daily_source_volume",
        "daily_entity_mentions",
        "daily_speaker_quotes",
        "daily_entity_pairs",
    ):
        covered = {r[0] for r in con.execute(f"SELECT DISTINCT day FROM {table}").fetchall()}
        assert covered == set(days), table
    top = con.execute(
        """SELECT speaker FROM daily_speaker_quotes GROUP BY speaker
           ORDER BY sum(quotes) DESC LIMIT 3"""
    ).fetchall()
    assert ("Amara Oyelaran",) in top or ("Ingrid Halvorsen",) in top


def test_syndication_names_the_wire_original_and_the_outlet_copy(con) -> None:
    rows = con.execute(
        """SELECT s.source_id, s.is_original, s.lag_minutes, s.words_changed > 0,
                  s.cluster_id = a.cluster_id, s.member_day
           FROM syndication s JOIN articles a USING (article_id)
           ORDER BY s.published_at"""
    ).fetchall()
    assert rows == [
        ("northwire", True, 0.0, False, True, dt.date(2026, 11, 17)),
        ("harbor-times", False, 95.0, True, True, dt.date(2026, 11, 17)),
    ]


def test_the_updated_story_keeps_both_versions_linked(con) -> None:
    rows = con.execute(
        """SELECT v.version, v.is_latest, v.previous_version_id IS NOT NULL,
                  v.version_id = a.version_id
           FROM article_versions v JOIN articles a USING (article_id)
           WHERE a.versions_seen > 1 ORDER BY v.version"""
    ).fetchall()
    assert rows == [(1, False, False, False), (2, True, True, True)]


# -- the agency filing in German and French (samples/README.md, "ALP") ---------------------
def test_alp_copy_is_read_in_its_own_language(con) -> None:
    rows = con.execute(
        """SELECT source_id, language, list_sort(analysis), wire_agency, count(*)
           FROM articles WHERE source_id LIKE 'alp-%' GROUP BY ALL ORDER BY 1"""
    ).fetchall()
    every_stage = ["entities", "metadata", "quotes", "search", "syndication", "text"]
    assert rows == [
        ("alp-de", "de", every_stage, "ALP", 4),
        ("alp-fr", "fr", every_stage, "ALP", 4),
    ]
    places = {
        r[0]
        for r in con.execute(
            "SELECT dateline FROM articles WHERE source_id LIKE 'alp-%'"
        ).fetchall()
    }
    assert places == {"Berlin", "Genf", "Frankfurt am Main", "Genève", "Paris"}
    undated = con.execute(
        "SELECT count(*) FROM articles WHERE source_id LIKE 'alp-%' AND published_day <> day"
    ).fetchone()[0]
    assert undated == 0


def test_alp_entities_are_read_by_the_language_s_recogniser(con) -> None:
    found = set(
        con.execute(
            """SELECT a.language, m.type, m.name FROM entity_mentions m
               JOIN articles a USING (article_id) WHERE a.source_id LIKE 'alp-%'"""
        ).fetchall()
    )
    assert {
        ("de", "PERSON", "Katrin Sommerfeld"),
        ("de", "PERSON", "Matthias Korte"),
        ("fr", "ORG", "Comité international de la Croix-Rouge"),
        ("fr", "PERSON", "Pierre Jourdan"),
        ("fr", "PERSON", "Élise Marchand"),
    } <= found
    # What the English recogniser made of French and German copy: articles and pronouns.
    words = {"le", "la", "les", "un", "une", "il", "elle", "der", "die", "das", "er", "sie"}
    assert not [name for _, _, name in found if name.lower() in words]


def test_alp_names_link_to_the_english_copy_s_entities(con) -> None:
    rows = con.execute(
        """SELECT e.name, list(DISTINCT a.language ORDER BY a.language)
           FROM entity_mentions m JOIN entities e USING (entity_id)
           JOIN articles a USING (article_id)
           WHERE e.name IN ('Amara Oyelaran', 'Ingrid Halvorsen', 'Lukas Brandt')
             AND e.type = 'PERSON'
           GROUP BY 1 ORDER BY 1"""
    ).fetchall()
    assert rows == [
        ("Amara Oyelaran", ["de", "en", "fr"]),
        ("Ingrid Halvorsen", ["de", "en", "fr"]),
        ("Lukas Brandt", ["de", "en", "fr"]),
    ]


def test_alp_quotes_have_their_speakers(con) -> None:
    expected = {
        "Wir haben uns auf diesen Winter vorbereitet": ("direct", "Katrin Sommerfeld"),
        "Es gebe keinen Grund zur Panik": ("indirect", "Katrin Sommerfeld"),
        "Eine schwache Währung ist eine Steuer": ("direct", "Sofia Renner"),  # "sagte Renner"
        "Die Notenbank kauft sich Zeit": ("direct", "Jonas Albrecht"),  # "so Albrecht"
        "Heute haben die Diplomaten ihre Arbeit getan": ("direct", "Matthias Korte"),
        "Nous ne sommes pas venus à Genève": ("direct", "Amara Oyelaran"),  # apposition
        "C'est un accord humanitaire": ("direct", "Ingrid Halvorsen"),  # "a-t-elle déclaré"
        "Personne ne quittera un camp": ("direct", "Pierre Jourdan"),  # "a-t-il précisé"
        "Une famille sur cinq": ("direct", "Chantal Morvan"),  # "sa présidente, Chantal Morvan"
        "les deux parties échangeront": ("indirect", "Ingrid Halvorsen"),  # "Selon Mme Halvorsen"
    }
    for start, (kind, speaker) in expected.items():
        found = con.execute(
            """SELECT DISTINCT q.kind, q.speaker FROM quotes q JOIN articles a USING (article_id)
               WHERE a.source_id LIKE 'alp-%' AND q.text LIKE ? || '%'""",
            [start],
        ).fetchall()
        assert found == [(kind, speaker)], start
    names = {r[0] for r in con.execute("SELECT DISTINCT speaker FROM quotes").fetchall()}
    assert not names & {"Hilfskonvois", "Palais des Nations", "des Affaires étrangères"}


def test_alp_shows_in_the_aggregates_search_and_syndication(con) -> None:
    volume = con.execute(
        """SELECT source_id, sum(articles) FROM daily_source_volume
           WHERE source_id LIKE 'alp-%' GROUP BY 1 ORDER BY 1"""
    ).fetchall()
    assert volume == [("alp-de", 4), ("alp-fr", 4)]
    said = con.execute(
        """SELECT day, quotes FROM daily_speaker_quotes WHERE speaker = 'Katrin Sommerfeld'
           ORDER BY day"""
    ).fetchall()
    assert said and said[0][0] == dt.date(2026, 11, 16)
    sources = con.execute(
        """SELECT max(sources) FROM daily_entity_mentions
           WHERE name = 'Amara Oyelaran' AND day = DATE '2026-11-20'"""
    ).fetchone()[0]
    assert sources >= 4  # Northwire, the two outlets' pages and both ALP services
    hits = con.execute(
        "SELECT source_id FROM search_articles('Waffenstillstand Kestrelia') LIMIT 1"
    ).fetchall()
    assert hits == [("alp-de",)]
    own = con.execute(
        """SELECT count(*) FROM articles
           WHERE source_id LIKE 'alp-%' AND cluster_id <> article_id"""
    ).fetchone()[0]
    assert own == 0  # stories of their own, in another language: no one's copies
