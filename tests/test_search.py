"""Full-text search: BM25 over the index the pipeline writes, from SQL and the CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import main
from wiredesk.aggregates.search_index import search
from wiredesk.store.warehouse import connect_readonly


@pytest.fixture
def con(sample_warehouse: Path) -> duckdb.DuckDBPyConnection:
    connection = connect_readonly(sample_warehouse)
    yield connection
    connection.close()


def test_terms_are_normalised_the_same_for_documents_and_queries(con) -> None:
    terms = con.execute(
        "SELECT wd_terms('The Ceasefires in GENÈVE, Kestrelia''s talks')"
    ).fetchone()
    assert terms[0] == ["ceasefire", "geneve", "kestrelia", "talk"]


def test_every_article_and_quote_is_indexed(con) -> None:
    counts = dict(con.execute("SELECT kind, count(*) FROM search_docs GROUP BY kind").fetchall())
    assert counts["article"] == con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert counts["quote"] == con.execute("SELECT count(*) FROM quotes").fetchone()[0]


def test_cholera_articles_rank_first(con) -> None:
    hits = search(con, "cholera vaccine Kisumu", limit=5)
    assert len(hits) == 5
    assert all("cholera" in h.title.lower() or "vaccin" in h.title.lower() for h in hits[:4])
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert {h.source_id for h in hits} <= {"meridian", "lakeside-post"}


def test_quote_search_finds_the_speaker_s_words(con) -> None:
    hits = search(con, "fixing the price of gas", kind="quote", limit=3)
    assert hits[0].snippet.startswith("We are not fixing the price of gas")
    assert hits[0].speaker == "Lukas Brandt"


def test_date_range_limits_hits_but_not_scores(con) -> None:
    everything = search(con, "ceasefire signed", limit=50)
    friday = search(con, "ceasefire signed", date_from=dt.date(2026, 11, 20), limit=50)
    assert friday and all(h.day == dt.date(2026, 11, 20) for h in friday)
    assert len(friday) < len(everything)
    scores = {h.doc_id: h.score for h in everything}
    assert all(scores[h.doc_id] == pytest.approx(h.score) for h in friday)


def test_unknown_words_find_nothing(con) -> None:
    assert search(con, "zyzzyva quux") == []
    assert search(con, "the of and") == []


def test_sql_macros_are_there_for_analysts(con) -> None:
    rows = con.execute("SELECT title FROM search_articles('Lisbon port strike') LIMIT 3").fetchall()
    assert rows and all("lisbon" in t.lower() or "port" in t.lower() for (t,) in rows)


def test_cli_prints_ranked_hits(sample_warehouse: Path, capsys) -> None:
    code = main(["search", "Northern Star", "--home", str(sample_warehouse), "--limit", "3"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[0].startswith(" 1.") and out[2].startswith(" 2.")


def test_cli_quotes_within_days(sample_warehouse: Path, capsys) -> None:
    args = ["search", "corridor", "--quotes", "--from", "2026-11-17", "--to", "2026-11-17"]
    assert main([*args, "--home", str(sample_warehouse)]) == 0
    out = capsys.readouterr().out
    assert "2026-11-17" in out and "2026-11-18" not in out


def test_cli_rejects_bad_ranges(sample_warehouse: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(
            [
                "search",
                "x",
                "--from",
                "2026-11-20",
                "--to",
                "2026-11-16",
                "--home",
                str(sample_warehouse),
            ]
        )
    assert exit_info.value.code == 2
    assert "before" in capsys.readouterr().err
