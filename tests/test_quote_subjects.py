"""Who a quote's own sentence names as its speaker: its opening subject, a title before a
name, "it", a name owning a noun of saying, the report a cue sits in."""

from __future__ import annotations

from tests.quote_helpers import mentions_for
from wiredesk.quotes import find_quotes
from wiredesk.quotes.attribution import (
    clause_subjects,
    opening_description,
    sentence_subject,
    subject_before,
)
from wiredesk.quotes.layout import quote_closes_sentence
from wiredesk.quotes.sentence_sources import owned_saying
from wiredesk.quotes.speakers import SpeakerResolver

OYELARAN = [
    ("Amara Oyelaran", "PERSON", "Amara Oyelaran"),
    ("Oyelaran", "PERSON", "Amara Oyelaran"),
]


def test_a_title_in_lower_case_before_the_name_opens_the_subject() -> None:
    text = (
        "Regional council candidate Amara Oyelaran weighed in on the radio, saying that the "
        "port should reopen the north pier \u201cwithout delay.\u201d Oyelaran plans to visit "
        "the pier on Sunday, according to a campaign aide."
    )
    (quote,) = find_quotes(text, mentions_for(text, OYELARAN))
    assert quote.text == "without delay."
    assert quote.speaker == "Amara Oyelaran"
    assert quote.cue == "saying"


def test_a_verb_with_a_tense_ends_the_opening_phrase() -> None:
    text = (
        "The report used one of the minister\u2019s phrases as its title: "
        "\u201cA harbour for all.\u201d"
    )
    opening, _ = clause_subjects(text, 0, text.index("\u201c"))
    assert opening is not None
    assert text[opening[0] : opening[1]] == "The report"
    found = opening_description(text, 0, text.index("\u201c"))
    assert found is not None
    assert text[found[0] : found[1]] == "The report"


def test_a_participle_after_a_preposition_stays_in_the_phrase() -> None:
    text = "An average of 10 percent of registered voters reported backing \u201canyone else.\u201d"
    opening, _ = clause_subjects(text, 0, text.index("\u201c"))
    assert opening is not None
    assert text[opening[0] : opening[1]] == "An average of 10 percent of registered voters"


def test_a_name_that_begins_like_a_conjunction_is_read_whole() -> None:
    text = "Southport officials called the plan \u201creckless.\u201d"
    opening, _ = clause_subjects(text, 0, text.index("\u201c"))
    assert opening is not None
    assert text[opening[0] : opening[1]] == "Southport officials"
    text = "Andrew Lund called the plan \u201ca serious step\u201d for the port."
    mentions = mentions_for(text, [("Andrew Lund", "PERSON", "Andrew Lund")])
    assert sentence_subject(text, 0, text.index("called"), mentions) == (0, len("Andrew Lund"))


def test_it_as_a_speaker_is_the_organisation_named_before_it() -> None:
    text = (
        "The Harbour Council on Friday condemned the closure of the north pier, which it "
        "called \u201ca clear threat to the port.\u201d"
    )
    entities = [("Harbour Council", "ORG", "Harbour Council")]
    (quote,) = find_quotes(text, mentions_for(text, entities))
    assert quote.speaker_mention == "it"
    assert quote.speaker == "Harbour Council"


def test_it_in_its_contraction_is_no_one() -> None:
    text = (
        "The Harbour Council has argued for years over the pier. It\u2019s the old promise of "
        "\u201ca harbour for everyone\u201d that keeps the fight alive."
    )
    resolver = SpeakerResolver(
        text, mentions_for(text, [("Harbour Council", "ORG", "Harbour Council")])
    )
    start = text.index("It\u2019s")
    assert resolver.resolve(start, start + 2).name is None


def test_two_posts_under_one_article_are_one_description() -> None:
    text = (
        "The former harbour master and current council candidate said the pier was "
        "\u201ca mistake\u201d from the start."
    )
    span = subject_before(text, text.index("said"), 0)
    assert span is not None
    assert text[span[0] : span[1]] == "The former harbour master and current council candidate"
    text = "Oyelaran and Brandt said the pier was \u201ca mistake\u201d from the start."
    span = subject_before(text, text.index("said"), 0)
    assert span is not None
    assert text[span[0] : span[1]] == "Brandt"


BRANDT = [("Lena Brandt", "PERSON", "Lena Brandt"), ("Brandt", "PERSON", "Lena Brandt")]


def test_a_name_owning_a_noun_of_saying_is_the_speaker() -> None:
    text = (
        "Lena Brandt said on Monday that the port would reopen. The Harbour Gazette then "
        "checked Brandt\u2019s claim that there have been \u201cthousands of new jobs\u201d "
        "in the port this year."
    )
    entities = [*BRANDT, ("Harbour Gazette", "ORG", "Harbour Gazette")]
    quote = find_quotes(text, mentions_for(text, entities))[-1]
    assert quote.text == "thousands of new jobs"
    assert quote.speaker == "Lena Brandt"
    assert quote.cue == "claim"


def test_a_verdict_on_owned_words_is_not_those_words() -> None:
    text = (
        "Mayor Tomas Kovac on Tuesday dismissed Brandt\u2019s statement that the pier "
        "was safe as \u201ca fairy tale.\u201d"
    )
    mentions = mentions_for(text, [*BRANDT, ("Tomas Kovac", "PERSON", "Tomas Kovac")])
    assert owned_saying(text, text.index("\u201c"), mentions) is None
    text = "Kovac later called Brandt\u2019s remarks about the pier \u201creckless.\u201d"
    mentions = mentions_for(text, [*BRANDT, ("Kovac", "PERSON", "Tomas Kovac")])
    assert owned_saying(text, text.index("\u201c"), mentions) is None


def test_it_is_not_an_organisation_that_owns_a_noun() -> None:
    text = "What bothers me about Harbour Council\u2019s new plan is that it ignores the pier."
    entities = [("Harbour Council", "ORG", "Harbour Council")]
    resolver = SpeakerResolver(text, mentions_for(text, entities))
    start = text.index(" it ") + 1
    assert resolver.resolve(start, start + 2).name is None


def test_a_name_after_and_is_a_second_subject_not_a_post() -> None:
    text = (
        "Traders asked whether the United States and China would agree to end the \u201cwar.\u201d"
    )
    span = subject_before(text, text.index("would"), 0)
    assert span is None or text[span[0] : span[1]] != "the United States and China"


def test_a_one_word_name_after_a_kind_of_organisation_is_named() -> None:
    text = (
        "The Israeli newspaper Haaretz noted that the pier plan was \u201cdead in the water.\u201d"
    )
    resolver = SpeakerResolver(text, [])
    end = text.index(" noted")
    assert resolver.resolve(0, end).name == "Haaretz"
    text = "A chorus of prominent Republicans said the pier plan was \u201cdead in the water.\u201d"
    resolver = SpeakerResolver(text, [])
    assert resolver.resolve(0, text.index(" said")).name is None


def test_a_cue_inside_a_report_gives_the_report_its_speaker() -> None:
    text = (
        "The harbour master said she rarely asks ministers to visit the port, "
        "\u201cexcept for those who know the pier as well as I do.\u201d"
    )
    (quote,) = find_quotes(text, [])
    assert quote.speaker_mention == "The harbour master"
    assert quote.cue == "said"


def test_a_quote_closes_its_sentence_only_with_a_period() -> None:
    text = "He called the plan \u201ca mistake.\u201d Then he left. \u201cWhy?\u201d Kovac asked."
    assert quote_closes_sentence(text, text.index("Then") - 1)
    assert not quote_closes_sentence(text, text.index(" Kovac"))
