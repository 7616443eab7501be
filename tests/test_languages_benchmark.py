"""The per-language speed benchmark's inputs: the texts each language is measured on."""

from __future__ import annotations

from benchmarks import languages


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
