"""Quotations in German, French, Spanish, Italian and Russian, on copy written for these
tests; speakers resolved against mentions fed directly."""

from __future__ import annotations

import pytest

from tests.quote_helpers import mentions_for
from wiredesk.entities import Mention
from wiredesk.quotes import find_quotes, quote_languages
from wiredesk.quotes.languages import resources_for
from wiredesk.quotes.speaker_phrases import PhraseResolver

DPA = (
    "BERLIN (dpa) - Bundeskanzler Friedrich Merz hat vor einer Spaltung Europas gewarnt. "
    "„Wir dürfen nicht zulassen, dass Europa zerfällt“, sagte der Kanzler am Montag.\n\n"
    "Merz sagte, die Lage sei ernst. Es gehe um die Frage der Verantwortung.\n\n"
    "»Das ist ein guter Tag für Europa«, so Merz. Die Ministerin erklärte: "
    "„Wir werden handeln, und zwar schnell.“"
)


def _by_text(quotes):
    return {q.text: q for q in quotes}


def _people(*names: str) -> list[tuple[str, str, str]]:
    """Persons as ``mentions_for`` places them: each written as its full name."""
    return [(name, "PERSON", name) for name in names]


def test_german_marks_inversion_and_so() -> None:
    found = _by_text(find_quotes(DPA, [], "de"))
    first = found["Wir dürfen nicht zulassen, dass Europa zerfällt"]
    assert first.kind == "direct" and first.cue == "sagte"
    assert first.speaker == "Friedrich Merz" and first.speaker_mention == "der Kanzler"
    assert found["Das ist ein guter Tag für Europa"].speaker == "Friedrich Merz"
    led = found["Wir werden handeln, und zwar schnell."]
    assert led.cue == "erklärte" and led.speaker_mention == "Die Ministerin"


def test_german_reported_speech_in_the_subjunctive() -> None:
    found = _by_text(find_quotes(DPA, [], "de"))
    assert found["die Lage sei ernst"].kind == "indirect"
    assert found["die Lage sei ernst"].speaker == "Friedrich Merz"
    # no verb of saying: the Konjunktiv I alone marks the words as Merz's
    free = found["Es gehe um die Frage der Verantwortung"]
    assert free.kind == "indirect" and free.cue is None and free.speaker == "Friedrich Merz"


def test_german_separable_verb_and_source_phrases() -> None:
    text = (
        "Drei Menschen wurden verletzt, teilte die Polizei mit. "
        "Laut Feuerwehr brach das Feuer im Keller aus. "
        "Wie der Sprecher der Stadt mitteilte, bleibt die Straße gesperrt."
    )
    found = find_quotes(text, [], "de")
    assert [(q.kind, q.text, q.speaker_mention) for q in found] == [
        ("indirect", "Drei Menschen wurden verletzt", "die Polizei"),
        ("indirect", "brach das Feuer im Keller aus", "Feuerwehr"),
        ("indirect", "bleibt die Straße gesperrt", "der Sprecher der Stadt"),
    ]


def test_german_speaker_resolved_against_mentions() -> None:
    text = "Berlin - „Wir stehen zusammen“, sagte Merz am Abend."
    start = text.index("Merz")
    merz = Mention("Merz", "PERSON", start, start + 4, "Friedrich Merz")
    (quote,) = find_quotes(text, [merz], "de")
    assert quote.speaker == "Friedrich Merz"
    assert quote.speaker_entity_key == merz.entity_key


def test_french_guillemets_and_inverted_pronoun() -> None:
    text = (
        "Paris (AFP) - « Nous ne céderons pas », a déclaré le ministre Gérald Darmanin. "
        "« La France est prête », a-t-il ajouté.\n\n"
        "Selon le ministre, la situation reste tendue. "
        "Emmanuel Macron a affirmé que le pays tiendrait ses engagements."
    )
    found = _by_text(find_quotes(text, [], "fr"))
    assert found["Nous ne céderons pas"].cue == "a déclaré"
    assert found["Nous ne céderons pas"].speaker == "Gérald Darmanin"
    added = found["La France est prête"]
    assert added.cue == "a-t-il ajouté" and added.speaker_mention == "il"
    assert added.speaker == "Gérald Darmanin"
    assert found["la situation reste tendue"].kind == "indirect"
    assert found["que le pays tiendrait ses engagements"].speaker == "Emmanuel Macron"


def test_spanish_subject_left_out() -> None:
    text = (
        "Madrid, 18 ene (EFE).- «Vamos a cumplir», dijo el presidente Pedro Sánchez. "
        "«No hay otra opción», añadió."
    )
    found = _by_text(find_quotes(text, [], "es"))
    assert found["Vamos a cumplir"].speaker == "Pedro Sánchez"
    assert found["No hay otra opción"].speaker == "Pedro Sánchez"
    assert found["No hay otra opción"].cue == "añadió"


def test_italian_compound_tense() -> None:
    text = 'ROMA, 18 gennaio (ANSA) - "Siamo pronti a tutto", ha detto il premier Giorgia Meloni.'
    (quote,) = find_quotes(text, [], "it")
    assert quote.cue == "ha detto" and quote.speaker == "Giorgia Meloni"


def test_russian_guillemets_and_dialogue_dash() -> None:
    text = (
        "МОСКВА, 18 января. /ТАСС/. «Мы готовы к переговорам», — заявил министр "
        "иностранных дел Сергей Лавров.\n\n— Это важный шаг, — сказал он."
    )
    found = _by_text(find_quotes(text, [], "ru"))
    assert found["Мы готовы к переговорам"].speaker == "Сергей Лавров"
    turn = found["Это важный шаг"]
    assert turn.kind == "direct" and turn.cue == "сказал" and turn.speaker == "Сергей Лавров"


def test_french_titles_in_quotes_are_not_speech() -> None:
    text = "Le film « La Grande Vadrouille » repasse ce soir à la télévision."
    assert find_quotes(text, [], "fr") == []


def test_quoted_names_are_not_quotes_even_beside_a_verb_of_saying() -> None:
    text = (
        "Der Fernsehsender „Silverbird“ berichtete über die Bergung. Laut „news.example.org“ "
        "sagte der Minister, das sei ein „schwerer Schlag“ für die „Neue Zeitung“. "
        "Вчера «Газпром» заявил, что цены «останутся прежними»."
    )
    papers = (
        "Er wies die Berichte der Wochenzeitung „Le Canard enchaîné“ zurück. Das berichtete "
        "die „Automobilwoche“. Der Minister wies alle Vorwürfe als „haltlos“ zurück."
    )
    assert [q.text for q in find_quotes(papers, [], "de") if q.kind != "indirect"] == ["haltlos"]
    motto = "Der Firma (Motto: „Entsorgung ist Vertrauenssache“) wird Betrug vorgeworfen."
    assert [q for q in find_quotes(motto, [], "de") if q.kind != "indirect"] == []
    found = find_quotes(text[: text.index("Вчера")], [], "de")
    assert [q.text for q in found if q.kind != "indirect"] == ["schwerer Schlag"]
    russian = find_quotes(text[text.index("Вчера") :], [], "ru")
    assert [q.text for q in russian if q.kind != "indirect"] == ["останутся прежними"]


def test_german_subject_after_an_adverb_an_object_or_a_relative_clause() -> None:
    text = (
        "Insgesamt spricht die Polizei von einer „ruhigen Nacht“. "
        "Frank Sichau, der als Sprecher der Fraktion fungiert, erklärte, dass die Lage "
        "ernst sei. Den Währungsfonds forderte er auf, die Zahlungen auszusetzen."
    )
    mentions = {q.text: q.speaker_mention for q in find_quotes(text, [], "de")}
    assert mentions["ruhigen Nacht"] == "die Polizei"
    assert mentions["dass die Lage ernst sei"] == "Frank Sichau"
    assert mentions["die Zahlungen auszusetzen"] == "er"


def test_german_sources_named_inside_a_clause() -> None:
    text = (
        "Der Fall wird nach Angaben der Staatsanwaltschaft „ganz besonders sorgfältig“ "
        "geprüft. Dabei sind nach Angaben von AFP vier Menschen verletzt worden. "
        "An Bord waren Berichten zufolge etwa 75 Schulkinder. "
        "Demnach hat der Sohn die Tat allein begangen. "
        "Die Angaben der Versicherten wurden nicht geprüft."
    )
    found = {q.text: q for q in find_quotes(text, [], "de")}
    assert found["ganz besonders sorgfältig"].speaker_mention == "der Staatsanwaltschaft"
    reported = [q for q in found.values() if q.kind == "indirect"]
    mentions = {q.speaker_mention for q in reported}
    assert {"AFP", "Berichten", "Demnach"} <= mentions
    # "Angaben" and "Versicherten" are nouns here, not the verbs angaben, versicherten
    assert not any("Versicherten" in q.text for q in reported)


def test_german_speakers_past_objects_appositions_and_prepositions() -> None:
    text = (
        "„Er ist die eiserne Hand in einem eisernen Handschuh“, so charakterisierte ihn der "
        "Gewerkschafter Bernard Aubin. Der Nachfolger des Chefs, Louis Gallois, hat "
        "angekündigt, die Sanierung werde Arbeitsplätze kosten. Aus Militärkreisen "
        "verlautete, dass 15 Zivilisten starben."
    )
    mentions = {q.text: q.speaker_mention for q in find_quotes(text, [], "de")}
    assert mentions["Er ist die eiserne Hand in einem eisernen Handschuh"] == (
        "der Gewerkschafter Bernard Aubin"
    )
    assert mentions["die Sanierung werde Arbeitsplätze kosten"] == "Louis Gallois"
    assert mentions["dass 15 Zivilisten starben"] == "Aus Militärkreisen"


def test_german_speakers_named_before_their_office() -> None:
    text = (
        "Andres Granier, der Gouverneur von Tabasco, sagte, die Lage sei dramatisch. "
        "Die Bestrebungen der Regierung bezeichnete er als „Verbrechen“. "
        "Kongress- und Verteidigungskreise sagten, es seien 24 Menschen gestorben."
    )
    start = text.index("Tabasco")
    tabasco = Mention("Tabasco", "GPE", start, start + 7, "Tabasco")
    found = {q.text: q for q in find_quotes(text, [tabasco], "de")}
    assert found["die Lage sei dramatisch"].speaker == "Andres Granier"
    assert found["Verbrechen"].speaker_mention == "er"
    assert found["es seien 24 Menschen gestorben"].speaker_mention == (
        "Kongress- und Verteidigungskreise"
    )


def test_german_reported_mood_after_a_verb_of_saying_that_reports_nothing() -> None:
    text = (
        "Gewerkschaftschef Konrad Freiberg begründete dies mit fehlenden Kapazitäten. "
        "Außerdem sei der Schutz der Stadien keine militärische Aufgabe."
    )
    (found,) = find_quotes(text, [], "de")
    assert found.kind == "indirect" and found.speaker == "Konrad Freiberg"
    (own,) = find_quotes(text.replace("Außerdem sei", "Er sei außerdem"), [], "de")
    assert own.speaker == "Konrad Freiberg" and own.speaker_mention == "Er"


def test_german_subject_of_the_subordinate_clause_that_ends_in_the_verb() -> None:
    text = (
        "Die Schutzvereinigung schlug in die gleiche Kerbe, indem sie den Aufsichtsrat zum "
        "Handeln aufforderte: „Einen solchen Chef kann sich die Bank nicht leisten.“"
    )
    (found,) = find_quotes(text, [], "de")
    assert found.cue == "aufforderte" and found.speaker_mention == "sie"


def test_german_quotation_without_a_verb_of_saying_from_the_sentence_subject() -> None:
    text = (
        "Der Bundesgerichtshof widersprach allerdings der Ansicht des Gerichts. "
        "„Hier werden zwar Menschen auf unflätigste Weise angegriffen“, allerdings sei das "
        "keine Aufforderung zu Straftaten."
    )
    direct = [q for q in find_quotes(text, [], "de") if q.kind == "direct"]
    assert [q.speaker_mention for q in direct] == ["Der Bundesgerichtshof"]


def test_a_language_without_rules_gets_no_quotes() -> None:
    text = '서울 (연합뉴스) - "우리는 준비되어 있다," said the minister.'
    assert find_quotes(text, [], "ko") == []
    assert find_quotes(text, [], "en")  # the same copy read as English has a quote


@pytest.mark.parametrize("code", ["en", "de", "fr", "es", "it", "ru"])
def test_quote_languages(code: str) -> None:
    assert code in quote_languages()


AFP = (
    "GENÈVE, 16 nov (AFP) - « Nous ne sommes pas venus pour échanger des communiqués », a "
    "déclaré la ministre des Affaires étrangères de Kestrelia, Amara Oyelaran, devant le "
    "Palais des Nations.\n\n"
    "L'envoyée spéciale de l'ONU, Ingrid Halvorsen, a qualifié la séance de « sérieuse ».\n\n"
    "Le porte-parole du CICR, Pierre Jourdan, a indiqué que les délégués verraient les "
    "détenus. « Personne ne quittera un camp sans que nous l'ayons vu », a-t-il précisé.\n\n"
    "« Une famille sur cinq a déjà baissé son chauffage », a affirmé sa présidente, Chantal "
    "Morvan.\n\n"
    "Son homologue, le vice-Premier ministre Radek Solvig, a affirmé que son pays "
    "respecterait l'accord. Les délégations examineront le plan dit du « corridor bleu », "
    "destiné à protéger les convois."
)


def test_french_agency_copy_names_the_speaker_in_apposition() -> None:
    found = _by_text(find_quotes(AFP, [], "fr"))
    first = found["Nous ne sommes pas venus pour échanger des communiqués"]
    assert first.kind == "direct" and first.speaker == "Amara Oyelaran"
    assert found["Une famille sur cinq a déjà baissé son chauffage"].speaker == "Chantal Morvan"
    # no reported clause after a verb that attributes the quotation before it
    assert not [t for t in found if t.startswith(("Amara Oyelaran", "destiné"))]
    # the subject set off by commas before "a affirmé que"
    assert found["que son pays respecterait l'accord"].speaker == "Radek Solvig"
    assert "corridor bleu" not in found  # a name brought in by "dit"


def test_a_pronoun_means_the_person_named_in_its_paragraph() -> None:
    people = ("Amara Oyelaran", "Ingrid Halvorsen", "Pierre Jourdan", "Chantal Morvan")
    mentions = []
    for name in people:
        start = AFP.index(name)
        mentions.append(Mention(name, "PERSON", start, start + len(name), name))
    found = _by_text(find_quotes(AFP, mentions, "fr"))
    camp = found["Personne ne quittera un camp sans que nous l'ayons vu"]
    assert camp.speaker == "Pierre Jourdan" and camp.speaker_mention == "il"


def test_a_surname_or_honorific_becomes_the_full_name_written_before() -> None:
    text = (
        "Frankfurt/Main (dpa) - Notenbankchefin Sofia Renner hob den Leitzins an. "
        "„Eine schwache Währung ist eine Steuer“, sagte Renner."
    )
    start = text.index("Renner", text.index("sagte"))
    surname = Mention("Renner", "PERSON", start, start + 6, "Renner")
    found = _by_text(find_quotes(text, [surname], "de"))
    assert found["Eine schwache Währung ist eine Steuer"].speaker == "Sofia Renner"
    text = "PARIS (AFP) - La ministre Élise Marchand arrive. Selon Mme Marchand, tout va bien."
    full, short = text.index("Élise Marchand"), text.index("Mme Marchand")
    mentions = [
        Mention("Élise Marchand", "PERSON", full, full + 14, "Élise Marchand"),
        Mention("Mme Marchand", "PERSON", short, short + 12, "Mme Marchand"),
    ]
    (reported,) = find_quotes(text, mentions, "fr")
    assert reported.speaker == "Élise Marchand" and reported.speaker_mention == "Mme Marchand"
    assert reported.speaker_entity_key == mentions[0].entity_key  # linked to her, not "Mme M."


def test_german_documents_and_circles_that_speak() -> None:
    text = (
        "In einer Erklärung des Ministeriums heißt es, die Lage sei unter Kontrolle. "
        "So heißt es in dem Schreiben wörtlich: „Wir kommen am Montag.“ "
        "Aus Regierungskreisen hieß es, man werde den Plan prüfen. "
        "In dem Bericht steht ebenfalls, dass die Kosten steigen würden. "
        "Im Mittelpunkt steht der Architekt, der die Pläne gezeichnet hat. "
        "Das Projekt heißt Nordlicht, es soll im Mai beginnen."
    )
    found = {q.text: (q.kind, q.speaker_mention) for q in find_quotes(text, [], "de")}
    assert found["die Lage sei unter Kontrolle"] == (
        "indirect",
        "einer Erklärung des Ministeriums",
    )
    assert found["Wir kommen am Montag."] == ("direct", "dem Schreiben")
    assert found["man werde den Plan prüfen"] == ("indirect", "Aus Regierungskreisen")
    assert found["dass die Kosten steigen würden"] == ("indirect", "dem Bericht")
    assert not any("Architekt" in t or "Nordlicht" in t or "Mai" in t for t in found)


def test_doubled_apostrophes_are_no_quotation_marks_beside_typographic_ones() -> None:
    text = "„Behandelt wird die Sicherstellung der Kinder''(sic!)''.“ Die Mutter ging zum Forum."
    found = find_quotes(text, [], "de")
    assert [q.text for q in found] == ["Behandelt wird die Sicherstellung der Kinder''(sic!)''."]


def test_german_subjects_after_a_finite_verb_an_adverbial_or_an_als_phrase() -> None:
    text = (
        "Außerdem ließ der Pressedienst des Außenministeriums verlauten, dass beraten werde. "
        "Bereits vor zwei Wochen hatte die Gewerkschaft erklärt, dass die Zeit erreicht sei. "
        "Nun vermelden chinesische Medien, dass die Betriebe Aufträge erwarten. "
        "Als Grund für die Kündigung gab die Sprachschule an, die Partei habe gelogen. "
        "Brian Baptie von der Erdbebenwarte, die die Stärke mit 5,1 angegeben hatte, sagte, "
        "dass mit Beben zu rechnen sei. "
        "General Anupong Paochinda, Oberbefehlshaber der Armee, hat bereits angekündigt, er "
        "werde keine Soldaten einsetzen. "
        "Der Angriff sei eine Strafe für alle, so der Sprecher der Bewegung, Ehsan Ullah."
    )
    found = {q.text: (q.speaker, q.speaker_mention) for q in find_quotes(text, [], "de")}
    assert found["dass beraten werde"][1] == "der Pressedienst des Außenministeriums"
    assert found["dass die Zeit erreicht sei"][1] == "die Gewerkschaft"
    assert found["dass die Betriebe Aufträge erwarten"][1] == "chinesische Medien"
    assert found["die Partei habe gelogen"][1] == "die Sprachschule"
    assert found["dass mit Beben zu rechnen sei"][1] == "Brian Baptie von der Erdbebenwarte"
    assert found["er werde keine Soldaten einsetzen"][0].endswith("Anupong Paochinda")
    assert found["Der Angriff sei eine Strafe für alle"][0] == "Ehsan Ullah"


def test_german_opinions_and_quoted_names_inside_a_subject() -> None:
    text = (
        "Pressesprecher Steven McNamara spielte die Idee herunter und ist der Meinung, dass "
        "es nicht umgesetzt werde. Der Fernsehsender „Channel 10“ berichtete, das Kabinett "
        "habe zugestimmt. Seine Kollegin, Claudia Mo, urteilte, dass die Stadt verliere."
    )
    found = {q.text: (q.kind, q.speaker_mention) for q in find_quotes(text, [], "de")}
    assert found["dass es nicht umgesetzt werde"] == ("indirect", "Pressesprecher Steven McNamara")
    assert found["das Kabinett habe zugestimmt"][1].startswith("Der Fernsehsender")
    assert found["dass die Stadt verliere"] == ("indirect", "Claudia Mo")


def test_german_konjunktiv_two_continues_the_quoted_words_of_the_sentence_before() -> None:
    text = (
        "Die Ministerin sprach am Montag. Arbeitslose seien „so gut wie jeder andere "
        "geeignet.“ Die Ämter würden ihnen „beherzt ein Angebot machen.“\n\n"
        "Die Preise würden „stark steigen“."
    )
    found = {q.text: q.kind for q in find_quotes(text, [], "de")}
    assert found["beherzt ein Angebot machen."] == "partial"
    assert "stark steigen" not in found  # Konjunktiv II alone, in a new paragraph


def test_a_verb_of_saying_set_between_commas_inside_what_it_reports() -> None:
    # The words before its comma open what was said: the speaker follows the verb ...
    spanish = "La situación, dijo el ministro Juan Pérez, es «muy grave» para todos."
    found = {q.kind: q.speaker_mention for q in find_quotes(spanish, [], "es")}
    assert found == {"indirect": "el ministro Juan Pérez", "partial": "el ministro Juan Pérez"}
    german = "Die Lage, sagte Merz am Montag, sei „sehr ernst“ für alle."
    assert {q.speaker_mention for q in find_quotes(german, [], "de")} == {"Merz"}
    # ... or, where subjects may be left out, is left out: never the words before it.
    italian = "Il nostro obiettivo, ha detto, è «chiaro» per tutti."
    assert {q.speaker_mention for q in find_quotes(italian, [], "it")} == {None}
    spanish = "Su objetivo, dijo, fue «explorar» la «pequeña luz de esperanza» de un acuerdo."
    assert {q.speaker_mention for q in find_quotes(spanish, [], "es")} == {None}
    # After an apposition or a relative clause the commas come in pairs: read as before.
    german = "Merz, der Bundeskanzler, sagte: „Wir werden das schaffen.“"
    assert [q.speaker_mention for q in find_quotes(german, [], "de")] == ["Merz, der Bundeskanzler"]


def test_a_naming_word_after_a_comma_is_a_verb_of_saying() -> None:
    said = "Notre objectif, a-t-il dit, est « très clair » pour tous."
    assert [(q.kind, q.cue) for q in find_quotes(said, [], "fr")] == [
        ("indirect", "dit"),
        ("partial", "a-t-il dit"),
    ]
    named = "Le plan dit du « corridor bleu » prévoit un retrait."  # a name, not speech
    assert find_quotes(named, [], "fr") == []


def test_a_spanish_feminine_participle_describes_a_noun_and_reports_nothing() -> None:
    # Compound tenses keep the participle masculine ("ha criticado"): "criticada" describes
    # the mission, and the clause after it is no one's words.
    text = (
        "El político acudió para explicar la misión, criticada especialmente por el grupo "
        "del partido, que la tildó de clandestina. El grupo ha criticado que la misión "
        "fuera secreta."
    )
    found = [(q.kind, q.cue) for q in find_quotes(text, [], "es")]
    assert ("indirect", "criticada") not in found
    assert ("indirect", "ha criticado") in found or ("indirect", "criticado") in found


def test_the_office_after_a_title_is_not_its_holder() -> None:
    text = "Valencia, 3 mar (EFE).- La portavoz del Ayuntamiento aseguró: «No habrá retrasos»."
    (quote,) = find_quotes(text, [], "es")
    assert quote.speaker is None and quote.speaker_mention == "La portavoz del Ayuntamiento"


def test_a_common_word_opening_a_sentence_is_no_name_when_a_recogniser_read_the_text() -> None:
    text = "Аналитик Ольга Белова изучила рынок.\n\nМногие считают, что «цены вырастут к осени»."
    start = text.index("Ольга Белова")
    belova = Mention("Ольга Белова", "PERSON", start, start + 12, "Ольга Белова")
    (quote,) = [q for q in find_quotes(text, [belova], "ru") if "цены" in q.text]
    assert quote.speaker is None and quote.speaker_mention == "Многие"
    # with no recogniser (no mentions at all) a capitalised word may still be a name
    (plain,) = [q for q in find_quotes(text, [], "ru") if "цены" in q.text]
    assert plain.speaker == "Многие"


def test_a_speaker_phrase_loses_its_dangling_preposition_and_what_an_ellipsis_ran_in() -> None:
    text = "Fue una buena temporada…Los azules confirmaron que el equipo vuelve en abril."
    (team,) = find_quotes(text, [], "es")
    assert team.speaker is None and team.speaker_mention == "Los azules"
    phrase = "El alcalde del municipio de San Telmo del"
    resolver = PhraseResolver(phrase + " estado dijo algo.", [], resources_for("es"))
    assert resolver.resolve(0, len(phrase)).mention == "El alcalde del municipio de San Telmo"


ELISION = (
    "PARIS (AFP) - Le Premier ministre Sébastien Lecornu a présenté mardi son budget. "
    "« Nous n'avons pas le choix », a-t-il déclaré.\n\n"
    "« C'est un pas dans la bonne direction », a estimé l'économiste Philippe Aghion, "
    "professeur au Collège de France.\n\n"
    "« Il faudra aller plus loin », a ajouté l'ancien ministre Bruno Le Maire lors d'un débat."
)


def test_an_article_elided_onto_a_noun_opens_the_speaker_phrase() -> None:
    people = _people("Sébastien Lecornu", "Philippe Aghion", "Bruno Le Maire")
    found = _by_text(find_quotes(ELISION, mentions_for(ELISION, people), "fr"))
    economist = found["C'est un pas dans la bonne direction"]
    # not the Prime Minister by way of "il": "l'économiste" is an article and a noun
    assert economist.speaker == "Philippe Aghion"
    assert economist.speaker_mention == "l'économiste Philippe Aghion"
    former = found["Il faudra aller plus loin"]
    assert former.speaker == "Bruno Le Maire"
    assert former.speaker_mention == "l'ancien ministre Bruno Le Maire"  # not "lors d'un débat"


def test_a_role_ends_at_its_holders_name_and_keeps_the_particle_inside_it() -> None:
    text = (
        "PARIS (AFP) - « C'est un pas », a estimé la ministre Amélie de Montchalin devant "
        "le président Emmanuel Macron.\n\n"
        "« Nous ne sommes pas venus pour rien », a déclaré la ministre des Affaires étrangères, "
        "Amara Oyelaran."
    )
    found = _by_text(find_quotes(text, [], "fr"))
    step = found["C'est un pas"]
    assert step.speaker == "Amélie de Montchalin"
    assert step.speaker_mention == "la ministre Amélie de Montchalin"
    assert found["Nous ne sommes pas venus pour rien"].speaker == "Amara Oyelaran"


PARTY_EPITHETS = (
    "BERLIN (dpa) - Bundesfinanzminister Lars Klingbeil hat die Länder zu mehr Tempo "
    "aufgefordert. „Wir können uns keine Verzögerungen leisten“, sagte der SPD-Politiker am "
    "Dienstag.\n\n"
    "Bayerns Ministerpräsident Markus Söder wies die Kritik zurück. Der Freistaat habe mehr "
    "Leitungen genehmigt als jedes andere Land, erklärte der CSU-Chef in München.\n\n"
    "Ein Anwohner wurde leicht verletzt. „Es ging alles sehr schnell“, sagte der 58-Jährige."
)


def test_a_party_epithet_means_the_person_last_named() -> None:
    people = _people("Lars Klingbeil", "Markus Söder")
    found = _by_text(find_quotes(PARTY_EPITHETS, mentions_for(PARTY_EPITHETS, people), "de"))
    delay = found["Wir können uns keine Verzögerungen leisten"]
    assert (delay.speaker, delay.speaker_mention) == ("Lars Klingbeil", "der SPD-Politiker")
    reported = found["Der Freistaat habe mehr Leitungen genehmigt als jedes andere Land"]
    assert (reported.speaker, reported.speaker_mention) == ("Markus Söder", "der CSU-Chef")
    # an age stands for someone the story need never name: Söder did not say this
    witness = found["Es ging alles sehr schnell"]
    assert witness.speaker is None and witness.speaker_mention == "der 58-Jährige"


def test_a_party_epithet_looks_back_one_paragraph_at_most() -> None:
    text = (
        "BERLIN (dpa) - Bundesfinanzminister Lars Klingbeil legte den Haushalt vor.\n\n"
        "Die Opposition kritisierte die Pläne.\n\n"
        "Der Bund der Steuerzahler rechnete nach.\n\n"
        "„Das reicht nicht“, sagte der Grünen-Politiker."
    )
    mentions = mentions_for(text, _people("Lars Klingbeil"))
    late = _by_text(find_quotes(text, mentions, "de"))["Das reicht nicht"]
    assert late.speaker is None and late.speaker_mention == "der Grünen-Politiker"


def test_a_source_opening_its_sentence_runs_to_its_comma() -> None:
    text = (
        "PARIS (AFP) - Selon l'Agence internationale de l'énergie (AIE), les stocks européens "
        "sont remplis à 80 % cette semaine.\n\n"
        "Selon la Banque centrale européenne, les prix devraient baisser l'an prochain."
    )
    agency = ("Agence internationale de l'énergie", "ORG", "Agence internationale de l'énergie")
    bank = ("Banque centrale européenne", "ORG", "Banque centrale européenne")
    found = _by_text(find_quotes(text, mentions_for(text, [agency, bank]), "fr"))
    stocks = found["les stocks européens sont remplis à 80 % cette semaine"]
    assert stocks.kind == "indirect" and stocks.speaker == "Agence internationale de l'énergie"
    assert stocks.speaker_mention == "l'Agence internationale de l'énergie (AIE)"
    prices = found["les prix devraient baisser l'an prochain"]
    assert prices.speaker_mention == "la Banque centrale européenne"
    spanish = "MADRID (EFE) - Según el Banco de España, la economía crecerá un 2 % este año."
    growth = _by_text(find_quotes(spanish, [], "es"))["la economía crecerá un 2 % este año"]
    assert growth.speaker_mention == "el Banco de España"


def test_where_nouns_are_capitalised_the_source_ends_before_the_verb() -> None:
    text = "BERLIN (dpa) - Laut Polizei wurden drei Menschen verletzt, als der Zug entgleiste."
    quotes = find_quotes(text, [], "de")
    assert [(q.speaker_mention, q.text) for q in quotes] == [
        ("Polizei", "wurden drei Menschen verletzt, als der Zug entgleiste")
    ]
    agency = (
        "BERLIN (dpa) - Nach Angaben der Internationalen Energieagentur (IEA) liegen die "
        "Füllstände unter dem Durchschnitt."
    )
    assert [(q.speaker_mention, q.text) for q in find_quotes(agency, [], "de")] == [
        ("der Internationalen Energieagentur (IEA)", "liegen die Füllstände unter dem Durchschnitt")
    ]  # the acronym in brackets goes with its source, not into the reported words


def test_a_russian_role_after_po_slovam_is_read_in_the_genitive() -> None:
    from wiredesk.quotes.languages.ru import case_forms

    assert {"министра", "председателя", "главы", "пресс-секретаря"} <= resources_for("ru").titles
    assert "после" not in resources_for("ru").titles  # "посол" declines apart: not "after"
    assert case_forms("генеральный")[1] == "генерального"
    text = (
        "МОСКВА - По словам министра иностранных дел Сергея Лаврова, переговоры пройдут в "
        "Женеве на следующей неделе."
    )
    lavrov = [("Сергея Лаврова", "PERSON", "Сергей Лавров")]  # the name in the nominative
    (quote,) = find_quotes(text, mentions_for(text, lavrov), "ru")
    assert quote.text == "переговоры пройдут в Женеве на следующей неделе"
    assert quote.speaker == "Сергей Лавров"
    assert quote.speaker_mention == "министра иностранных дел Сергея Лаврова"
    later = (
        "МОСКВА - Министр иностранных дел Сергей Лавров прибыл в Женеву. По словам министра, "
        "переговоры пройдут на следующей неделе."
    )
    lavrov = [("Сергей Лавров", "PERSON", "Сергей Лавров")]
    (by_role,) = find_quotes(later, mentions_for(later, lavrov), "ru")
    assert (by_role.speaker, by_role.speaker_mention) == ("Сергей Лавров", "министра")
    assert resources_for("ru").title_stems["председателя"] == "председател"
    after = "МОСКВА - После встречи Сергей Лавров уехал. По словам посла, переговоры пройдут скоро."
    (envoy,) = find_quotes(after, mentions_for(after, lavrov), "ru")
    assert envoy.speaker is None  # "посла" is no stem of "После"
    own = later.replace("По словам министра", "По его словам")
    (his,) = find_quotes(own, mentions_for(own, lavrov), "ru")
    assert (his.speaker, his.speaker_mention, his.cue) == ("Сергей Лавров", "его", "По его словам")


def test_without_a_recogniser_a_name_after_a_description_is_the_speaker() -> None:
    cases = {
        "es": "MADRID (EFE) - «Es un paso adelante», dijo el economista Juan Pérez a la prensa.",
        "it": "ROMA (ANSA) - «È una giornata importante», ha detto l'economista Mario Rossi ieri.",
        "fr": "PARIS (AFP) - « C'est un pas », a estimé l'économiste Philippe Aghion devant eux.",
    }
    found = {lang: find_quotes(text, [], lang)[0] for lang, text in cases.items()}
    assert [(q.speaker, q.speaker_mention) for q in found.values()] == [
        ("Juan Pérez", "el economista Juan Pérez"),
        ("Mario Rossi", "l'economista Mario Rossi"),
        ("Philippe Aghion", "l'économiste Philippe Aghion"),
    ]
    bank = "MADRID (EFE) - «Es un paso adelante», dijo el director del Banco Central en Madrid."
    (director,) = find_quotes(bank, [], "es")
    assert director.speaker is None  # the bank he heads is no name of his


def test_a_reported_clause_then_a_role_elided_onto_its_article_and_the_name() -> None:
    text = (
        "GENÈVE (AFP) - Les deux pays se sont mis d'accord mercredi sur un échange de "
        "prisonniers, a annoncé l'envoyée spéciale des Nations unies, Ingrid Halvorsen."
    )
    (quote,) = find_quotes(text, [], "fr")
    assert quote.kind == "indirect" and quote.speaker == "Ingrid Halvorsen"
    assert quote.speaker_mention == "l'envoyée spéciale des Nations unies, Ingrid Halvorsen"
    french = resources_for("fr")
    assert french.is_title("l'envoyée") and french.is_title("l’ambassadeur")


def test_a_pronoun_after_an_according_to_phrase_is_the_person_last_named() -> None:
    text = (
        "PARIS (AFP) - Le ministre Bruno Le Maire a présenté son plan mardi. Selon lui, la "
        "croissance atteindra 1 % cette année."
    )
    (quote,) = find_quotes(text, mentions_for(text, _people("Bruno Le Maire")), "fr")
    assert (quote.kind, quote.speaker, quote.speaker_mention) == (
        "indirect",
        "Bruno Le Maire",
        "lui",
    )
    assert quote.text == "la croissance atteindra 1 % cette année"
    spanish = (
        "MADRID (EFE) - El ministro Carlos Cuerpo presentó el plan el martes. Según él, la "
        "economía crecerá un 2 % este año."
    )
    (growth,) = find_quotes(spanish, [], "es")  # no recogniser: the name after a title
    assert (growth.speaker, growth.speaker_mention) == ("Carlos Cuerpo", "él")
