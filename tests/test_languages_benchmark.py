"""The per-language speed benchmark: the texts each language is measured on, and its figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import languages
from benchmarks.realpages import Usage


def test_short_stories_are_joined_into_news_in_brief() -> None:
    stories = ["un deux trois", "quatre cinq", "six sept huit neuf", "dix"]
    assert languages.briefs(stories, least=5) == [
        "un deux trois\n\nquatre cinq",
        "six sept huit neuf\n\ndix",
    ]


def test_texts_are_taken_in_turn_until_there_are_enough_words() -> None:
    taken = list(languages.take_words(["a b c", "d e"], 12))
    assert taken == ["a b c", "d e", "a b c", "d e", "a b c"]


def test_each_language_reads_its_own_news_copy() -> None:
    for lang in ("en", "fr", "es", "it"):  # the ones that need no gold set
        texts = languages.briefs(languages.texts_for(lang))
        words = [len(t.split()) for t in texts]
        # every article but the last, which takes the stories left over
        assert texts and min(words[:-1] or words) >= languages.MIN_ARTICLE_WORDS, lang
        assert not [t for t in texts if t.startswith("#") or "](" in t], lang
    english = languages.texts_for("en")
    assert len(english) == 33  # the sample's agency files, the truncated one left out
    assert english[0].startswith("GENEVA, Nov 16 (Northwire) - ")
    french = languages.texts_for("fr")
    assert french[0].startswith("GENÈVE, 16 nov (ALP) - ")
    assert "Bruno Le Maire" in "\n".join(french)  # names unmarked in the entity key's stories


def test_the_steady_state_is_the_whole_run_less_the_one_article_run() -> None:
    whole, one = Usage(10.0, 6.0, 300.0, 0), Usage(4.0, 3.0, 250.0, 0)
    run = languages.Run("fr", 10, 1000, whole, one, 100, 1.0)
    assert run.rates == pytest.approx(
        {"wall": 100.0, "cpu": 1000 / 6, "steady wall": 150.0, "steady cpu": 300.0}
    )


def test_repeated_commands_keep_their_least_times_and_largest_peak(monkeypatch) -> None:
    runs = iter([Usage(5.0, 2.0, 200.0, 0), Usage(4.0, 2.5, 210.0, 0), Usage(6.0, 1.9, 190.0, 0)])
    monkeypatch.setattr(languages, "measure", lambda *a, **kw: next(runs))
    assert languages.fastest(["wiredesk"], Path("in.jsonl"), {}, 3) == Usage(4.0, 1.9, 210.0, 0)
