"""Entities in German, French and Russian: one recogniser per language, chosen per text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from wiredesk.article_work import mention_rows
from wiredesk.entities import (
    UnsupportedLanguage,
    find_mentions,
    link_entities,
    recognised_languages,
)
from wiredesk.entities.dateline import any_dateline_places
from wiredesk.entities.factrueval import factrueval_split, outermost, read_document
from wiredesk.entities.germeval import germeval_split, read_germeval
from wiredesk.entities.languages import language_code
from wiredesk.entities.mention import Mention
from wiredesk.entities.recognise import get_recogniser
from wiredesk.entities.spans import trim_lowercase_lead

GERMAN = (
    "BERLIN (dpa) - Bundeskanzler Friedrich Merz hat am Montag vor einer Spaltung Europas "
    "gewarnt. Es sei eine Frage der Verantwortung, sagte Merz in Berlin."
)
FRENCH = (
    "PARIS, 3 mars - Le président Emmanuel Macron a reçu lundi le chancelier Friedrich Merz. "
    "Il a affirmé que la France soutiendrait l'Ukraine."
)
RUSSIAN = (
    "МОСКВА, 5 марта - Министр иностранных дел России Сергей Лавров встретился с "
    "генеральным секретарём ООН."
)
ENGLISH = "BERLIN, March 3 (Northwire) - Chancellor Friedrich Merz met Emmanuel Macron."


def named(mentions: list[Mention]) -> dict[str, tuple[str, str]]:
    return {m.text: (m.type, m.name) for m in mentions}


def test_the_languages_with_a_recogniser() -> None:
    assert recognised_languages() == frozenset({"en", "de", "fr", "ru"})
    assert language_code("de-DE") == "de" and language_code("FR_fr") == "fr"


@pytest.mark.parametrize("language", ["es", "it", "", None, "xx-YY"])
def test_a_language_without_a_recogniser_is_refused_before_any_model_runs(language) -> None:
    get_recogniser.cache_clear()
    with pytest.raises(UnsupportedLanguage, match="no entity recogniser for language"):
        find_mentions(["El presidente habló en Madrid."], language=language)
    with pytest.raises(UnsupportedLanguage):
        find_mentions([FRENCH, "Il parlait."], language=["fr", language])
    assert get_recogniser.cache_info().currsize == 0


def test_languages_must_match_the_texts() -> None:
    with pytest.raises(ValueError, match="2 texts but 1 languages"):
        find_mentions([GERMAN, FRENCH], language=["de"])


def test_german_copy_gets_names_not_capitalised_nouns() -> None:
    found = named(find_mentions([GERMAN], language="de")[0])
    assert found["Friedrich Merz"] == ("PERSON", "Friedrich Merz")
    assert found["Merz"] == ("PERSON", "Friedrich Merz")
    assert found["BERLIN"] == ("GPE", "Berlin")
    assert not any(t in found for t in ("Spaltung Europas", "Frage der Verantwortung"))
    assert all(m.split()[0] not in {"Bundeskanzler", "Montag"} for m in found)


def test_french_copy_gets_no_articles_or_pronouns() -> None:
    found = named(find_mentions([FRENCH], language="fr")[0])
    assert found["Emmanuel Macron"][0] == "PERSON"
    assert found["France"][0] == "GPE" and found["PARIS"] == ("GPE", "Paris")
    assert not {"Le", "Il", "la France", "un"} & set(found)


def test_russian_copy_keeps_its_names() -> None:
    found = named(find_mentions([RUSSIAN], language="ru")[0])
    assert found["Сергей Лавров"][0] == "PERSON"
    assert found["МОСКВА"] == ("GPE", "Москва")
    assert found["ООН"][0] == "ORG"


def test_one_language_per_text_keeps_the_order_and_the_results() -> None:
    texts = [GERMAN, ENGLISH, FRENCH, RUSSIAN, ""]
    mixed = find_mentions(texts, language=["de", "en", "fr-FR", "ru", "en"])
    alone = [
        find_mentions([GERMAN], language="de")[0],
        find_mentions([ENGLISH])[0],
        find_mentions([FRENCH], language="fr")[0],
        find_mentions([RUSSIAN], language="ru")[0],
        [],
    ]
    assert mixed == alone


def test_merz_in_german_and_english_copy_is_one_entity() -> None:
    rows = []
    for article, text, language, day in (
        ("de1", GERMAN, "de", date(2026, 3, 2)),
        ("en1", ENGLISH, "en", date(2026, 3, 3)),
        ("fr1", FRENCH, "fr", date(2026, 3, 3)),
    ):
        for row in mention_rows(article, find_mentions([text], language=language)[0]):
            rows.append({**row, "day": day})
    entities, _ = link_entities(pd.DataFrame(rows))
    merz = entities[entities["name"] == "Friedrich Merz"]
    assert len(merz) == 1
    assert merz.iloc[0]["article_count"] == 3 and merz.iloc[0]["mention_count"] == 4


def test_datelines_in_any_language() -> None:
    places = [any_dateline_places(t) for t in ("CLERMONT-FERRAND, 1er avril", "МОСКВА, 5 марта")]
    assert [p[0].name for p in places] == ["Clermont-Ferrand", "Москва"]
    assert any_dateline_places("BERLIN (dpa) - x")[0].end_char == 6
    assert any_dateline_places("EU, 3. März") == []
    assert any_dateline_places("Der Minister, so hieß es") == []
    assert any_dateline_places("Text.\nPARIS, 3 mars") == []


@pytest.mark.parametrize(
    ("text", "type_", "kept"),
    [
        ("la France", "GPE", "France"),
        ("fleuve Sénégal", "GPE", "Sénégal"),
        ("musée du Louvre", "ORG", "Louvre"),
        ("l'Élysée", "ORG", "Élysée"),
        ("von der Leyen", "PERSON", "von der Leyen"),
        ("Ursula von der Leyen", "PERSON", "Ursula von der Leyen"),
        ("de Gaulle", "PERSON", "de Gaulle"),
        ("ministre", "ORG", None),
        ("dpa", "ORG", "dpa"),
        ("chez eBay", "ORG", "eBay"),
    ],
)
def test_lower_case_words_before_a_name_are_dropped(text, type_, kept) -> None:
    sentence = f"Selon {text}, rien."
    start = sentence.index(text)
    mention = Mention(text, type_, start, start + len(text), text)
    trimmed = trim_lowercase_lead(sentence, mention)
    assert (trimmed.text if trimmed else None) == kept
    if trimmed:
        assert sentence[trimmed.start_char : trimmed.end_char] == kept


def _write_germeval(folder: Path, sentences: int) -> None:
    """A GermEval-shaped pair of files of our own sentences."""
    lines = []
    for i in range(sentences):
        lines += [f"#\thttp://example.org/{i}\t[2026-01-01]", "1\tAnna\tB-PER\tO"]
        lines += ["2\tMüller\tI-PER\tO", "3\tbesucht\tO\tO", "4\tBonn\tB-LOC\tO"]
        lines += ["5\tund\tO\tO", "6\tdeutsche\tB-LOCderiv\tO", "7\tTatort\tB-OTH\tO", ""]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "NER-de-dev.tsv").write_text("\n".join(lines[: 9 * 4]) + "\n", encoding="utf-8")
    (folder / "NER-de-test.tsv").write_text("\n".join(lines[9 * 4 :]) + "\n", encoding="utf-8")


def test_germeval_spans_labels_and_held_back_sentences(tmp_path: Path) -> None:
    _write_germeval(tmp_path, 25)
    docs = read_germeval(tmp_path)
    assert len(docs) == 25
    doc = docs[0]
    assert doc.text == "Anna Müller besucht Bonn und deutsche Tatort"
    assert [(doc.text[s:e], t) for s, e, t in doc.spans] == [
        ("Anna Müller", "PER"),
        ("Bonn", "LOC"),
        ("Tatort", "MISC"),
    ]
    parts = germeval_split(tmp_path)
    assert [len(parts[p]) for p in ("train", "checkpoint", "held_back")] == [20, 2, 3]


def _write_factrueval(folder: Path, name: str) -> None:
    text = "Мэрия Москвы и Иван Петров."
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.spans").write_text(
        "1 org_descr 0 5 10 1  # 10 Мэрия\n2 loc_name 6 6 11 1  # 11 Москвы\n"
        "3 name 15 4 12 1  # 12 Иван\n4 surname 20 6 13 1  # 13 Петров\n",
        encoding="utf-8",
    )
    (folder / f"{name}.objects").write_text(
        "1 Org 2 1 # Москвы Мэрия\n2 LocOrg 2 # Москвы\n3 Person 3 4 # Иван Петров\n",
        encoding="utf-8",
    )


def test_factrueval_objects_nesting_and_held_back_documents(tmp_path: Path) -> None:
    for folder in ("devset", "testset"):
        (tmp_path / folder).mkdir()
        for i in range(5):
            _write_factrueval(tmp_path / folder, f"book_{i}")
    (tmp_path / "testset" / "list.txt").write_text("not a document", encoding="utf-8")
    doc = read_document(tmp_path / "devset" / "book_0")
    spans = [(doc.text[s:e], t) for s, e, t in doc.spans]
    assert spans == [("Мэрия Москвы", "ORG"), ("Москвы", "LOC"), ("Иван Петров", "PER")]
    assert [doc.text[s:e] for s, e, _ in outermost(doc.spans)] == ["Мэрия Москвы", "Иван Петров"]
    parts = factrueval_split(tmp_path)
    assert [len(parts[p]) for p in ("train", "checkpoint", "held_back")] == [7, 1, 2]


def test_the_french_key_marks_names_in_at_least_thirty_stories() -> None:
    from benchmarks.entities_languages import FRENCH_KEY, read_marked

    stories = read_marked(FRENCH_KEY)
    assert len(stories) >= 30
    for story in stories:
        assert "[" not in story.text and "](" not in story.text
        assert story.spans and all(
            story.text[s:e].strip() == story.text[s:e] for s, e, _ in story.spans
        )
    first = stories[0]
    assert [(first.text[s:e], t) for s, e, t in first.spans][:2] == [
        ("PARIS", "LOC"),
        ("Bruno Le Maire", "PER"),
    ]


def test_german_genitive_names_are_the_name_written_plain_elsewhere() -> None:
    from wiredesk.entities.resolve import resolve_mentions

    text = "Die Spaltung Europas. Europa zerfällt. Andreas sagte es."
    spans = [("Europas", "LOC", 13), ("Europa", "LOC", 22), ("Andreas", "PERSON", 39)]
    mentions = [Mention(w, kind, at, at + len(w), w) for w, kind, at in spans]
    assert [text[m.start_char : m.end_char] for m in mentions] == [w for w, _, _ in spans]
    names = [m.name for m in resolve_mentions(text, mentions, language="de")]
    assert names == ["Europa", "Europa", "Andreas"]  # no "Andrea" written: Andreas stays
    english = [m.name for m in resolve_mentions(text, mentions, language="en")]
    assert english[0] == "Europas"  # only where the language writes genitives so


def test_a_first_name_and_a_surname_are_a_person_the_model_missed() -> None:
    from wiredesk.entities.given_names import given_name_people

    text = (
        "Berlin - Bundeswirtschaftsministerin Katrin Sommerfeld sprach im Mai Berlin zu. "
        "Die Sondergesandte Ingrid Halvorsen kam mit Frank-Walter Steinmeier. Sommerfeld ging."
    )
    model_read = [
        Mention("Ingrid Halvorsen", "ORG", 99, 115, "Ingrid Halvorsen"),
        Mention("Frank-Walter Steinmeier", "PERSON", 124, 147, "Frank-Walter Steinmeier"),
    ]
    assert text[99:115] == "Ingrid Halvorsen" and text[124:147] == "Frank-Walter Steinmeier"
    found = {(m.text, m.type) for m in given_name_people(text, model_read)}
    assert found == {
        ("Katrin Sommerfeld", "PERSON"),
        ("Ingrid Halvorsen", "PERSON"),
        ("Frank-Walter Steinmeier", "PERSON"),
    }  # "Mai Berlin" is a month and a city; the lone "Sommerfeld" is left to propagation
    end_to_end = named(find_mentions([text], language="de")[0])
    assert end_to_end["Sommerfeld"] == ("PERSON", "Katrin Sommerfeld")


def test_a_first_name_german_reads_as_a_noun_makes_no_person() -> None:
    from wiredesk.entities.given_names import given_name_people
    from wiredesk.entities.training.german_words import is_common_noun

    text = "Spätes Leben und Tod In den letzten Jahren kam Katrin Sommerfeld."
    assert is_common_noun("Tod") and not is_common_noun("Katrin")
    found = {m.text for m in given_name_people(text, [], is_common_noun)}
    assert found == {"Katrin Sommerfeld"}
    assert "Tod In" in {m.text for m in given_name_people(text, [])}


def test_a_person_s_name_ends_in_a_capitalised_word() -> None:
    from wiredesk.entities.spans import trim_lowercase_tail

    text = "Der Volkswirt Jonas Albrecht von der Rheinischen Handelsbank sprach."
    start = text.index("Jonas")
    read = Mention("Jonas Albrecht von", "PERSON", start, start + 18, "Jonas Albrecht von")
    assert trim_lowercase_tail(text, read).text == "Jonas Albrecht"
    place = Mention("Rue de l'Écu d'or", "GPE", 0, 17, "Rue de l'Écu d'or")
    assert trim_lowercase_tail("Rue de l'Écu d'or", place) == place  # persons only


def test_a_bracketed_acronym_after_a_name_is_an_organisation() -> None:
    from wiredesk.entities.bracketed_acronyms import bracketed_acronyms

    text = "Der Verband Rheinischer Mühlen ( VRM ) lud Carla Brenner (SPD) und Lena Hoff (AUT) ein."

    def at(word: str, type_: str) -> Mention:
        start = text.index(word)
        return Mention(word, type_, start, start + len(word), word)

    read = [
        at("Verband Rheinischer Mühlen", "ORG"),
        at("Carla Brenner", "PERSON"),
        at("SPD", "PERSON"),
        at("Lena Hoff", "PERSON"),
        at("AUT", "GPE"),
    ]
    found = {(m.text, m.type) for m in bracketed_acronyms(text, read)}
    assert {("VRM", "ORG"), ("SPD", "ORG"), ("AUT", "GPE")} <= found
    assert ("SPD", "PERSON") not in found
    alone = "Im Jahr ( VRM ) kamen alle."
    assert bracketed_acronyms(alone, []) == []  # no name before the brackets
