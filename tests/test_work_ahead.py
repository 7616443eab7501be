"""Mentions and quotes the stage workers find as they extract, taken by the later stages."""

from __future__ import annotations

import os

from tests.test_stage_workers import NOW, _pages, pids
from wiredesk import work_ahead
from wiredesk.articles.stage import build_articles_day
from wiredesk.stages import build_mentions, build_quotes
from wiredesk.workers import MIN_POOL_ITEMS, home_worker, stage_map, stage_workers


def test_the_stages_take_what_the_workers_read_ahead_and_give_the_same_rows() -> None:
    with stage_workers(2):
        articles = build_articles_day(_pages() * 2, [], "t", NOW).articles
        ahead = [work_ahead.mentions_for(article) for article in articles]
        mentions = build_mentions(articles)
        quotes = build_quotes(articles, mentions)
        taken = [work_ahead.mentions_for(article) for article in articles]
    assert all(t is None for t, a in zip(taken, ahead, strict=True) if a is not None)  # taken
    assert any(found is not None for found in ahead)  # read ahead by a worker...
    assert any(found for found in ahead)  # ...with mentions in it
    assert all(work_ahead.mentions_for(article) is None for article in articles)  # let go
    assert mentions == build_mentions(articles)  # worked out afresh, here
    assert quotes == build_quotes(articles, mentions)
    assert quotes


def test_an_article_changed_since_or_read_with_other_mentions_is_worked_out_again() -> None:
    with stage_workers(2):
        articles = build_articles_day(_pages() * 2, [], "t", NOW).articles
        read = next(a for a in articles if work_ahead.mentions_for(a))
        changed = {**read, "text": read["text"] + " More."}
        assert work_ahead.mentions_for(changed) is None
        assert work_ahead.quotes_for(read, []) is None  # not the mentions it was read with
        assert work_ahead.mentions_for(read) is not None  # still kept for the right ones


def test_nothing_is_read_ahead_without_a_pool_of_workers() -> None:
    with stage_workers(1):
        articles = build_articles_day(_pages(), [], "t", NOW).articles
        assert all(work_ahead.mentions_for(article) is None for article in articles)


def test_a_small_group_has_one_home_whatever_the_run() -> None:
    assert {home_worker("de", 2) for _ in range(3)} == {home_worker("de", 2)}
    assert {home_worker(code, 2) for code in ("de", "fr", "ru")} == {0, 1}
    assert all(0 <= home_worker(code, 3) < 3 for code in ("de", "fr", "ru", "es"))


def test_once_the_workers_run_even_a_few_items_go_to_them() -> None:
    here = os.getpid()
    few = list(range(MIN_POOL_ITEMS - 1))
    with stage_workers(2):
        stage_map(pids, list(range(40)))  # starts them
        assert here not in {pid for _, pid in stage_map(pids, few)}


GERMAN = (
    "BERLIN (dpa) - Bundeskanzler Friedrich Merz hat am Montag in Berlin die Pläne der "
    "Regierung für den Haushalt verteidigt. Die Lage sei ernst, sagte Merz vor Journalisten. "
    "„Wir werden sparen müssen“, sagte er. Die Opposition warf der Regierung vor, die Länder "
    "allein zu lassen. Der Bundestag soll im Dezember über den Haushalt abstimmen."
)


def _german_pages(count: int) -> list[dict]:
    return [
        {
            "item_id": f"de{number}",
            "source_id": "dpa",
            "url": f"https://www.dpa{number}.example/meldung",
            "content": GERMAN.replace("Montag", f"Montag ({number})").encode("utf-8"),
            "format": "text",
        }
        for number in range(count)
    ]


def test_articles_no_worker_read_as_it_extracted_them_go_to_their_home_worker() -> None:
    with stage_workers(2):
        articles = build_articles_day(_german_pages(12) + _pages(), [], "t", NOW).articles
        assert {a["language"] for a in articles} >= {"de", "en"}
        ahead = [work_ahead.mentions_for(article) for article in articles]
        assert all(found is not None for found in ahead)  # every one, whoever extracted it
        mentions = build_mentions(articles)
    assert mentions == build_mentions(articles)
    german = [rows for a, rows in zip(articles, ahead, strict=True) if a["language"] == "de"]
    assert all(german) and any(m["name"] == "Friedrich Merz" for rows in german for m in rows)


def _heavy_modules_loaded(code: str, heavy: set[str]) -> list[str]:
    """Which of ``heavy`` a fresh interpreter has imported after running ``code`` in the
    repository."""
    import subprocess
    import sys
    from pathlib import Path

    script = f"import sys\n{code}print(sorted(set({sorted(heavy)!r}) & set(sys.modules)))\n"
    repo = Path(__file__).resolve().parent.parent
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=repo)
    assert run.returncode == 0, run.stderr
    return eval(run.stdout.strip())  # noqa: S307 - a list of names printed by our own script


def test_the_run_process_leaves_extraction_and_the_models_to_the_workers() -> None:
    code = (
        "from tests.test_stage_workers import NOW, _pages\n"
        "from wiredesk.articles.stage import build_articles_day\n"
        "from wiredesk.stages import build_mentions, build_quotes\n"
        "from wiredesk.workers import stage_workers\n"
        "with stage_workers(2):\n"
        "    articles = build_articles_day(_pages() * 2, [], 't', NOW).articles\n"
        "    assert articles and build_quotes(articles, build_mentions(articles))\n"
    )
    heavy = {"trafilatura", "htmldate", "spacy", "thinc", "wiredesk.quotes.finder"}
    assert _heavy_modules_loaded(code, heavy) == []


def test_the_workers_per_article_modules_leave_storage_and_fetching_out() -> None:
    """What a stage worker imports for its batches (it imports the module of each function
    it is sent) brings in no storage, fetching or Dagster code: each worker would pay for it
    at its first batch."""
    code = "import wiredesk.work_ahead, wiredesk.article_work, wiredesk.articles.pages\n"
    heavy = {"duckdb", "pyarrow", "httpx", "dagster", "wiredesk.fetch"}
    assert _heavy_modules_loaded(code, heavy) == []


def test_a_page_declaring_a_language_with_a_recogniser_goes_to_its_home_worker() -> None:
    def work(content: str) -> tuple[dict, dict, object]:
        return {"content": content.encode("utf-8")}, {}, NOW

    assert work_ahead._declared_group(work('<html lang="de-DE"><p>Text</p>')) == "de"
    assert work_ahead._declared_group(work('<html lang="ru">')) == "ru"
    # English, a language without a recogniser, or none said: any worker takes it.
    assert work_ahead._declared_group(work('<html lang="en-GB">')) == ""
    assert work_ahead._declared_group(work('<html lang="ko">')) == ""
    assert work_ahead._declared_group(work("<html><p>Text</p>")) == ""


def test_the_workers_sign_each_text_they_extract_for_clustering() -> None:
    from wiredesk.syndication import SIGNATURE

    with stage_workers(2):
        rows = work_ahead.extract_all([(page, {}, NOW) for page in _pages() * 2])
    extracted = [row for row in rows if isinstance(row, dict)]
    assert extracted and all(row[SIGNATURE].signs(row["text"]) for row in extracted)
    with stage_workers(1):  # no workers: the articles stage signs them itself
        assert all(SIGNATURE not in row for row in work_ahead.extract_all([(_pages()[0], {}, NOW)]))
