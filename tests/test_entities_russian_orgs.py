"""Russian organisations after the model: whole spans and names from the training list."""

from __future__ import annotations

from wiredesk.entities import find_mentions
from wiredesk.entities.conll import Document
from wiredesk.entities.mention import Mention
from wiredesk.entities.russian_orgs import (
    add_known_orgs,
    count_names,
    extend_adjectives,
    extend_hyphenated,
    extend_open_ends,
    extend_over_places,
    extend_over_the,
    extend_to_closing_quote,
    is_adjective,
    known_orgs,
    refine_russian,
)


def mention(text: str, words: str, kind: str = "ORG", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Mention(text=words, type=kind, start_char=start, end_char=start + len(words), name=words)


def spans(text: str, mentions: list[Mention]) -> set[tuple[str, str]]:
    return {(text[m.start_char : m.end_char], m.type) for m in mentions}


def test_hyphenated_name_is_whole() -> None:
    text = "Акции холдинга Нордпром-медиа выросли."
    found = extend_hyphenated(text, [mention(text, "Нордпром")])
    assert spans(text, found) == {("Нордпром-медиа", "ORG")}


def test_name_does_not_end_with_a_preposition() -> None:
    text = "Фонд помощи с бездомными животными открыл приют."
    found = extend_open_ends(text, [mention(text, "Фонд помощи с")])
    assert spans(text, found) == {("Фонд помощи с бездомными", "ORG")}


def test_quoted_name_runs_to_its_closing_mark() -> None:
    text = "Эфир телеканала «Заря 24» прервали. Газета «Север» вышла."
    found = extend_to_closing_quote(
        text, [mention(text, "телеканала «Заря"), mention(text, "Газета «Север")]
    )
    assert spans(text, found) == {("телеканала «Заря 24", "ORG"), ("Газета «Север", "ORG")}


def test_english_name_takes_its_article() -> None:
    text = "Газета The Northern Herald сообщила."
    found = extend_over_the(text, [mention(text, "Northern Herald")])
    assert spans(text, found) == {("The Northern Herald", "ORG")}


def test_place_after_an_organisation_joins_it_and_stays_a_place() -> None:
    text = "Представитель Минтранса Белоруссии заявил об этом."
    found = extend_over_places(
        text, [mention(text, "Минтранса"), mention(text, "Белоруссии", "GPE")]
    )
    assert spans(text, found) == {("Минтранса Белоруссии", "ORG"), ("Белоруссии", "GPE")}


def test_place_after_a_person_is_left_alone() -> None:
    text = "Иванов Москвы не покидал."
    people = [mention(text, "Иванов", "PERSON"), mention(text, "Москвы", "GPE")]
    assert extend_over_places(text, people) == people


def test_relational_adjectives_join_a_lower_case_organisation() -> None:
    text = "Сотрудники круглосуточного федерального телеканала «Заря» бастуют."
    found = extend_adjectives(text, [mention(text, "телеканала «Заря")])
    assert spans(text, found) == {("круглосуточного федерального телеканала «Заря", "ORG")}


def test_adjectives_of_quality_and_pronouns_stay_out() -> None:
    assert is_adjective("российской")
    assert not is_adjective("новый")
    assert not is_adjective("крупнейшего")
    assert not is_adjective("этой")
    text = "Акции этой новой компании «Север» упали."
    found = extend_adjectives(text, [mention(text, "компании «Север")])
    assert spans(text, found) == {("компании «Север", "ORG")}


def test_capitalised_organisation_takes_no_adjective() -> None:
    text = "российской Нордпромбанк"
    bank = [mention(text, "Нордпромбанк")]
    assert extend_adjectives(text, bank) == bank


def test_listed_names_are_added_beside_places_inside_them() -> None:
    assert "Госдумы" in known_orgs()
    text = "Депутаты Госдумы и Москвы."
    found = add_known_orgs(text, [mention(text, "Москвы", "GPE")])
    assert spans(text, found) == {("Госдумы", "ORG"), ("Москвы", "GPE")}


def test_listed_name_replaces_a_person_but_not_a_place() -> None:
    text = "Госдумы"
    assert spans(text, add_known_orgs(text, [mention(text, "Госдумы", "PERSON")])) == {
        ("Госдумы", "ORG")
    }
    place = [mention(text, "Госдумы", "GPE")]
    assert spans(text, add_known_orgs(text, place)) == {("Госдумы", "GPE")}


def test_listed_name_inside_a_word_is_not_found() -> None:
    text = "Слово Госдумыч не имя."
    assert add_known_orgs(text, []) == []


def test_count_names_keeps_names_mostly_marked_as_organisations() -> None:
    text = "Ведомство Альфа. Ведомство Альфа. Альфа. Бета. Бета. Бета. Бета."
    alpha = [(m, m + len("Ведомство Альфа")) for m in (0, 17)]
    first_beta = text.index("Бета")
    beta = [(first_beta, first_beta + 4), (first_beta + 6, first_beta + 10)]
    doc = Document(text=text, spans=[(s, e, "ORG") for s, e in (*alpha, *beta)])
    listed = {name: (marked, written) for name, marked, written in count_names([doc])}
    assert listed == {"Ведомство Альфа": (2, 2)}  # "Бета": marked twice of four


def test_refine_russian_runs_every_layer() -> None:
    text = "Фонд помощи с детьми и Нордпром-медиа"
    found = refine_russian(text, [mention(text, "Фонд помощи с"), mention(text, "Нордпром")])
    assert spans(text, found) == {("Фонд помощи с детьми", "ORG"), ("Нордпром-медиа", "ORG")}


def test_russian_text_gets_whole_organisation_names() -> None:
    text = (
        "МОСКВА, 5 марта - Депутаты Госдумы одобрили закон. Представитель Госдепартамента "
        "США заявил, что Вашингтон изучит документ."
    )
    found = find_mentions([text], language="ru")[0]
    orgs = {m.text for m in found if m.type == "ORG"}
    assert "Госдумы" in orgs
    assert any(m.text == "МОСКВА" for m in found)


def test_russian_organisation_found_once_is_found_again() -> None:
    from wiredesk.entities.recognise import refine_any_language

    text = "Компания Нордпромтех открыла завод. Нордпромтех наймёт 300 человек."
    found = refine_any_language(text, [mention(text, "Нордпромтех")], "ru")
    assert [(m.text, m.start_char) for m in found if m.type == "ORG"] == [
        ("Нордпромтех", 9),
        ("Нордпромтех", text.rindex("Нордпромтех")),
    ]
