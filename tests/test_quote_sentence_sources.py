"""Sources credited inside a quote's own sentence: a phrase after "according to", a
possessive before a noun of saying, a relative pronoun; a description's relative clause
that holds a speech verb; an opening phrase cut at its verb. Invented sentences."""

from __future__ import annotations

from quote_helpers import candidates_of_quotes, feature

from wiredesk.quotes.attribution import clause_subjects
from wiredesk.quotes.extents import full_description
from wiredesk.quotes.sentence_sources import sentence_sources


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_according_to_possessive_and_relative_phrases_are_found() -> None:
    text = (
        'Wilmot, who runs the quay, repeated his call for "a new berth", '
        "according to a report by the harbour board."
    )
    found = _texts(text, sentence_sources(text, 0, len(text), text.index('"')))
    assert found == ["who", "his", "a report by the harbour board"]


def test_a_possessive_before_no_noun_of_saying_is_no_source() -> None:
    text = 'Wilmot parked his car by the "old berth".'
    assert sentence_sources(text, 0, len(text), text.index('"')) == []


def test_a_relative_pronoun_after_the_quote_is_not_offered() -> None:
    text = '"The berth is closed," said Wilmot, who runs the quay.'
    assert _texts(text, sentence_sources(text, 0, len(text), 0)) == []


def test_a_speech_verb_in_a_relative_clause_is_not_the_descriptions_verb() -> None:
    text = 'A senior port official who spoke on condition of anonymity said "the berth is closed".'
    short = "A senior port official"
    found = full_description(text, 0, len(short), text.index('"'))
    assert found is not None
    assert text[found[0] : found[1]] == (
        "A senior port official who spoke on condition of anonymity"
    )


def test_the_opening_phrase_ends_at_its_verb() -> None:
    for text, subject in (
        ('The letter continues, "We will not stop."', "The letter"),
        (
            'A footnote in the report makes that clear: "No ship may dock."',
            "A footnote in the report",
        ),
        (
            'The first tweet from the harbour board called the quay "unsafe" on Monday.',
            "The first tweet from the harbour board",
        ),
        (
            'The next series of port emails shows that Wilmot was "angry".',
            "The next series of port emails",
        ),
    ):
        opening, _cued = clause_subjects(text, 0, text.index('"'))
        assert opening is not None
        assert text[opening[0] : opening[1]] == subject


def test_sentence_sources_become_candidates_with_their_features() -> None:
    text = (
        "Harbour master Lena Wilmot toured the docks on Monday.\n\n"
        'She repeated her call for "a new berth", according to the Coastal Gazette.'
    )
    ((_quote, candidates),) = candidates_of_quotes(
        text, [("Lena Wilmot", "PERSON", "Lena Wilmot"), ("Wilmot", "PERSON", "Lena Wilmot")]
    )
    by_mention = {c.speaker.mention: c for c in candidates}
    assert feature(by_mention["the Coastal Gazette"], "after_according_to") == 1.0
    possessive = by_mention["her"]
    assert feature(possessive, "possessive_pronoun") == 1.0
    assert possessive.speaker.name == "Lena Wilmot"


def test_an_opening_in_phrase_that_names_a_report_is_found() -> None:
    text = 'In a harbour board survey released Monday, most pilots called the quay "unsafe".'
    found = _texts(text, sentence_sources(text, 0, len(text), text.index('"')))
    assert found == ["a harbour board survey released Monday"]
    text = 'In the morning, most pilots called the quay "unsafe".'
    assert sentence_sources(text, 0, len(text), text.index('"')) == []


def test_a_relative_clause_after_a_comma_is_part_of_the_description() -> None:
    text = '"The berth is closed," said one of the pilots, who spoke on condition of anonymity.'
    start = text.index("one of the pilots")
    found = full_description(text, start, start + len("one of the pilots"), len(text))
    assert found is not None
    assert text[found[0] : found[1]] == ("one of the pilots, who spoke on condition of anonymity")


def test_an_opening_in_phrase_is_a_candidate_marked_as_such() -> None:
    text = (
        "The quay is closing.\n\n"
        'In a harbour board survey released Monday, most pilots called the quay "unsafe".'
    )
    ((_quote, candidates),) = candidates_of_quotes(text, [])
    survey = [c for c in candidates if (c.speaker.mention or "").startswith("a harbour board")]
    assert survey
    assert all(feature(c, "opening_in_phrase") == 1.0 for c in survey)
    others = [c for c in candidates if c not in survey]
    assert all(feature(c, "opening_in_phrase") == 0.0 for c in others)


def test_after_a_comma_only_a_relative_clause_lengthens_a_description() -> None:
    text = '"The berth is closed," said one of the pilots, in Dover, on Monday.'
    start = text.index("one of the pilots")
    assert full_description(text, start, start + len("one of the pilots"), len(text)) is None


def test_which_is_not_offered_as_a_source() -> None:
    text = 'The board, which runs the quay, called it "unsafe".'
    assert sentence_sources(text, 0, len(text), text.index('"')) == []


def test_a_description_stops_before_a_new_subject_after_a_comma() -> None:
    text = (
        "In a joint statement released Monday, the two port boards accused the pilots of "
        'spreading "wild rumours".'
    )
    start = text.index("a joint statement")
    found = full_description(text, start, start + len("a joint statement"), text.index('"'))
    assert found is not None
    assert text[found[0] : found[1]] == "a joint statement released Monday"


def test_an_apposition_closed_by_a_comma_stays_in_the_description() -> None:
    text = 'Officials at the pilots\u2019 guild, a branch of the dockers\u2019 union, said "no".'
    found = full_description(text, 0, len("Officials"), text.index('"'))
    assert found is not None
    assert text[found[0] : found[1]] == (
        "Officials at the pilots\u2019 guild, a branch of the dockers\u2019 union"
    )
