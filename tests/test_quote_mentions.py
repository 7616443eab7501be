"""Speaker mentions are noun phrases: a name, a pronoun or a description, never a clause."""

from __future__ import annotations

import pytest

from wiredesk.entities.mention import Mention
from wiredesk.quotes import find_quotes
from wiredesk.quotes.mentions import noun_phrase, relative_antecedent


def narrowed(phrase: str) -> str | None:
    span = noun_phrase(phrase, 0, len(phrase))
    return None if span is None else phrase[span[0] : span[1]]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("September 27 they published the results of their check", "they"),
        ("after the polls close at 7 p.m. He", "He"),
        ("The harbour town's new mayor on Tuesday", "The harbour town's new mayor"),
        ("She met a young woman", "She"),
        ("Her campaign also released two new television ads it", "it"),
        ("the Security Council issued a statement", "the Security Council"),
        ("a young woman who", "a young woman"),
        ("the Black Lives Matter movement for", "the Black Lives Matter movement"),
        (
            "interference in the vote -- meddling the California congressman",
            "the California congressman",
        ),
        ("On Tuesday the minister", "the minister"),
        ("a civil complaint filed by the regulator", "a civil complaint"),
        ("His office put out a statement", "His office"),
        ("Her campaign quickly", "Her campaign"),
        ("the senator emailed supporters", "the senator"),
        ("the ministry however", "the ministry"),
        ("the family", "the family"),
    ],
)
def test_clauses_narrow_to_the_noun_phrase_in_them(phrase: str, expected: str) -> None:
    assert narrowed(phrase) == expected


@pytest.mark.parametrize(
    "phrase", ["early Friday", "September 27", "Still", "out a message on Tuesday"]
)
def test_phrases_without_a_noun_phrase_are_no_mention(phrase: str) -> None:
    assert narrowed(phrase) is None


@pytest.mark.parametrize(
    "phrase",
    [
        "Theresa May",
        "May",
        "the embattled senator",
        "First Lady Michelle Obama",
        "Sen. Ted Cruz (R-Texas)",
        "Lena Brandt, the commission\u2019s vice-president",
        "Officials at the interior ministry",
        "he",
        "That official",
    ],
)
def test_noun_phrases_stay_whole(phrase: str) -> None:
    assert narrowed(phrase) == phrase


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (
            "For now, a notice on the council\u2019s website",
            "a notice on the council\u2019s website",
        ),
        ("Better still, they\u2019re", "they"),
        ("LYON: The striking dockers", "The striking dockers"),
        ("In Lisbon, harbour officials", "harbour officials"),
        ("At the rally in Porto his aides", "his aides"),
        ("After the vote, the harbour master", "the harbour master"),
        ("a crew we\u2019ve", "a crew"),
        ("Snowfall occurs each winter in the valley", "Snowfall"),
        ("Fishermen often", "Fishermen"),
        ("Hafenblatt very", "Hafenblatt"),
        ("Our early polling", "Our early polling"),
        ("a conservative", "a conservative"),
        ("the former", "the former"),
        ("Democratic Sen. Ada Brook, D-Maine", "Democratic Sen. Ada Brook, D-Maine"),
        ("Via Baltica", "Via Baltica"),
    ],
)
def test_lead_ins_verbs_and_modifiers_are_no_part_of_the_mention(
    phrase: str, expected: str
) -> None:
    assert narrowed(phrase) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "It\u2019s worth",
        "The biggest",
        "a two-hour",
        "In a written statement",
        "If \u201cstaff",
        "Where the 2019 layout",
        "around Mosul",
        "After",
        "After saying",
        "Before",
    ],
)
def test_expletives_lead_ins_and_headless_phrases_are_no_mention(phrase: str) -> None:
    assert narrowed(phrase) is None


def test_offsets_index_the_whole_text() -> None:
    text = "Earlier on. Early Friday the governor"
    assert noun_phrase(text, 12, len(text)) == (text.index("the governor"), len(text))


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            'The Security Council issued a statement calling the launch "a grave threat to peace."',
            "The Security Council",
        ),
        (
            "Lawmakers want a reply to the meddling -- which the California congressman said is "
            'designed to "sow discord" in the country.',
            "the California congressman",
        ),
        (
            "On September 27 they published their check by announcing that the claim was "
            '"mostly true."',
            "they",
        ),
        ('She met a young woman who suggested that "nobody listens to us."', "She"),
    ],
)
def test_find_quotes_stores_noun_phrases_as_mentions(text: str, mention: str) -> None:
    (quote,) = find_quotes(text, [])
    assert quote.speaker_mention == mention


def test_a_named_speaker_keeps_its_name() -> None:
    text = '"We will not back down," Senator Ada Voss said on Tuesday.'
    start = text.index("Ada Voss")
    voss = Mention("Ada Voss", "PERSON", start, start + len("Ada Voss"), "Ada Voss")
    (quote,) = find_quotes(text, [voss])
    assert (quote.speaker, quote.speaker_mention) == ("Ada Voss", "Ada Voss")


def test_a_delegates_title_does_not_end_the_sentence_before_the_name() -> None:
    text = '"This is a waste of time," said Del. Ada Voss of the Virgin Islands.'
    start = text.index("Ada Voss")
    voss = Mention("Ada Voss", "PERSON", start, start + len("Ada Voss"), "Ada Voss")
    (quote,) = find_quotes(text, [voss])
    assert (quote.speaker, quote.speaker_mention) == ("Ada Voss", "Ada Voss")


@pytest.mark.parametrize(
    "text",
    [
        'If we lived in normal times, a reader would now ask: "Is the mayor on a foreign outlet?"',
        'A reader still asks: "Is the mayor on a foreign outlet?"',
    ],
)
def test_an_adverb_between_subject_and_cue_keeps_the_subject(text: str) -> None:
    (quote,) = find_quotes(text, [])
    assert quote.speaker_mention.lower() == "a reader"


def test_a_dateline_place_speaks_for_no_one() -> None:
    text = (
        "NORTHPORT: The dockers' strike entered its sixth day ahead of a 'harbour bandh' on Friday."
    )
    place = Mention("NORTHPORT", "GPE", 0, 9, "Northport")
    assert all(quote.speaker != "Northport" for quote in find_quotes(text, [place]))


def test_a_name_in_capitals_before_a_colon_labels_a_speaker() -> None:
    text = 'VOSS: The port is "closed for good" and will stay shut.'
    voss = Mention("VOSS", "PERSON", 0, 4, "Ada Voss")
    (quote,) = find_quotes(text, [voss])
    assert quote.speaker == "Ada Voss"


def test_an_obligation_names_no_speaker() -> None:
    text = "The board sets the rules, and groups, except charities, must disclose gifts over $250."
    assert all(quote.speaker_mention is None for quote in find_quotes(text, []))


def test_a_publication_named_with_the_keeps_it_in_the_mention() -> None:
    text = 'The loopholes are "the ability to offset losses," The Hill reported.'
    start = text.index("Hill")
    hill = Mention("Hill", "ORG", start, start + len("Hill"), "Hill")
    (quote,) = find_quotes(text, [hill])
    assert (quote.speaker, quote.speaker_mention) == ("Hill", "The Hill")


@pytest.mark.parametrize(
    ("subject", "speaker", "mention"),
    [
        ("A longtime adviser to Ada Voss", None, "A longtime adviser to Ada Voss"),
        ("Speaker of the Assembly Ada Voss", "Ada Voss", "Ada Voss"),
        ("The leader of the league, Ada Voss,", "Ada Voss", "Ada Voss"),
    ],
)
def test_a_name_after_a_preposition_is_whom_the_description_is_about(
    subject: str, speaker: str | None, mention: str
) -> None:
    text = f'"We will not back down," {subject} said on Tuesday.'
    start = text.index("Ada Voss")
    voss = Mention("Ada Voss", "PERSON", start, start + len("Ada Voss"), "Ada Voss")
    (quote,) = find_quotes(text, [voss])
    assert (quote.speaker, quote.speaker_mention) == (speaker, mention)


def _person(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention(name, "PERSON", start, start + len(name), name)


@pytest.mark.parametrize(
    ("before", "antecedent"),
    [
        ("Voters heard from the Northfield mayor, ", "the Northfield mayor"),
        ("She thanked the head of the harbour board, ", "the head of the harbour board"),
        ("It drew a sharp reply from Governor Ilse Varga, ", "Governor Ilse Varga"),
        ("It was welcomed by Sen. Pavel Lund of Northfield, ", "Sen. Pavel Lund of Northfield"),
        ("Much of the anger was aimed at Lund, ", "Lund"),
    ],
)
def test_a_relative_pronoun_means_the_phrase_before_it(before: str, antecedent: str) -> None:
    text = before + "who said"
    span = relative_antecedent(text, len(before))
    assert span is not None and text[span[0] : span[1]] == antecedent


def test_who_is_the_mention_and_the_person_before_it_the_speaker() -> None:
    text = 'The plan was praised by Ada Voss, who called it "a fair deal for the harbour."'
    (quote,) = find_quotes(text, [_person(text, "Ada Voss")])
    assert (quote.speaker, quote.speaker_mention) == ("Ada Voss", "who")


def test_a_subject_after_who_is_the_speaker() -> None:
    text = 'Most of it was aimed at Ada Voss, who Lund called "a danger to the harbour."'
    mentions = [_person(text, "Ada Voss"), _person(text, "Lund")]
    (quote,) = find_quotes(text, mentions)
    assert quote.speaker == "Lund"


def test_what_follows_who_said_is_the_reported_clause() -> None:
    text = "The board heard from Ada Voss, who said the harbour plan would fail next year."
    (quote,) = find_quotes(text, [_person(text, "Ada Voss")])
    assert (quote.kind, quote.text) == ("indirect", "the harbour plan would fail next year")
    assert (quote.speaker, quote.speaker_mention) == ("Ada Voss", "who")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ('The new ad claims the harbour plan is "a gift to developers."', "The new ad"),
        ('His campaign protested that the board was "acting in bad faith."', "His campaign"),
        (
            'The Northfield senator is telling reporters he will have "a lot of votes."',
            "The Northfield senator",
        ),
    ],
)
def test_a_partial_quote_with_no_cue_is_the_opening_description_s(text: str, mention: str) -> None:
    (quote,) = find_quotes(text, [])
    assert (quote.kind, quote.speaker_mention) == ("partial", mention)


def test_a_contracted_pronoun_opens_no_description() -> None:
    text = 'Ada Voss spoke first. He\u2019s claiming the vote was "a big, big problem."'
    voss = _person(text, "Ada Voss")
    assert find_quotes(text, [voss])[0].speaker_mention != "He\u2019s"


def test_a_kept_term_with_no_cue_before_it_is_the_sentence_subject_s() -> None:
    text = 'The harbour board has dismissed the plan as "reckless" and voted it down.'
    (quote,) = find_quotes(text, [])
    assert (quote.kind, quote.speaker_mention) == ("partial", "The harbour board")
