"""Rule layers of entity recognition, tested without the statistical model."""

from __future__ import annotations

from wiredesk.entities.acronyms import abbreviates, initials, is_acronym
from wiredesk.entities.casing import is_shouting, recase, recase_line
from wiredesk.entities.consistency import company_products, majority_types, propagate
from wiredesk.entities.cues import apply_cues
from wiredesk.entities.dateline import dateline_mentions, is_dateline_place
from wiredesk.entities.labels import to_wiredesk
from wiredesk.entities.mention import Mention, normalise_name
from wiredesk.entities.recognise import display_name
from wiredesk.entities.spans import clean_mention
from wiredesk.entities.titles import role_evidence


def mention_at(text: str, surface: str, label: str, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return Mention(surface, label, start, start + len(surface), surface)


def test_recase_keeps_length_and_lowers_common_words() -> None:
    lexicon = {"take": "l", "over": "l", "at": "l", "nato": "u"}
    line = "KORVALE TAKE OVER AT NATO TALKS"
    out = recase_line(line, lexicon)
    assert out == "Korvale take over at NATO Talks"
    assert len(out) == len(line)


def test_recase_leaves_mixed_case_lines_alone() -> None:
    text = "The IEA met in Vienna.\nKORVALE WINS"
    out = recase(text)
    assert out.splitlines()[0] == "The IEA met in Vienna."
    assert out.splitlines()[1] != "KORVALE WINS"
    assert len(out) == len(text)
    assert is_shouting("KORVALE WINS") and not is_shouting("Korvale wins")


def test_dateline_gives_place_and_agency() -> None:
    text = "GENEVA, Nov 16 (Northwire) - Talks resumed on Monday."
    found = {(m.text, m.type) for m in dateline_mentions(text)}
    assert found == {("GENEVA", "GPE"), ("Northwire", "ORG")}


def test_dateline_with_region_and_iso_date() -> None:
    assert [(m.text, m.type) for m in dateline_mentions("PORT MERIDA 2024-03-02\nText")] == [
        ("PORT MERIDA", "GPE")
    ]
    found = [m.text for m in dateline_mentions("SAN TELMO, Costa Brava, Nov 2 (Northwire) -")]
    assert found == ["SAN TELMO", "Costa Brava", "Northwire"]


def test_headline_is_not_a_dateline() -> None:
    assert dateline_mentions("SOCCER - KORVALE GET LUCKY WIN") == []


def test_clean_strips_article_possessive_and_punctuation() -> None:
    text = 'He said "the Korvale Institute\'s" report was late.'
    raw = mention_at(text, '"the Korvale Institute\'s"', "ORG")
    cleaned = clean_mention(text, raw)
    assert cleaned is not None
    assert cleaned.text == "Korvale Institute"
    assert text[cleaned.start_char : cleaned.end_char] == "Korvale Institute"


def test_clean_strips_a_slash_at_an_edge_not_inside() -> None:
    text = "Die CDU/FDP-Mehrheit im Bundesrat stimmte gegen AC/DC."
    for raw, language_neutral in (("CDU/", False), ("CDU/", True), ("AC/DC", True)):
        cleaned = clean_mention(text, mention_at(text, raw, "ORG"), english=not language_neutral)
        assert cleaned is not None and cleaned.text == raw.strip("/")


def test_clean_moves_title_inside_span_to_roles() -> None:
    text = "Foreign Minister Amara Oyelaran arrived."
    cleaned = clean_mention(text, mention_at(text, "Foreign Minister Amara Oyelaran", "PERSON"))
    assert cleaned is not None
    assert (cleaned.text, cleaned.roles) == ("Amara Oyelaran", ("Foreign Minister",))


def test_clean_reads_title_just_before_span() -> None:
    text = "Talks with former President Tomas Verhoef ended."
    cleaned = clean_mention(text, mention_at(text, "Tomas Verhoef", "PERSON"))
    assert cleaned is not None
    assert cleaned.roles == ("former President",)
    honorific = "Yesterday Mr. Verhoef left."
    cleaned = clean_mention(honorific, mention_at(honorific, "Mr. Verhoef", "PERSON"))
    assert cleaned is not None and (cleaned.text, cleaned.roles) == ("Verhoef", ("Mr.",))


def test_a_delegate_is_a_title_only_with_its_full_stop() -> None:
    text = "Del. Sela Paumoa voted no. Del Harrow sang."
    cleaned = clean_mention(text, mention_at(text, "Del. Sela Paumoa", "PERSON"))
    assert cleaned is not None and (cleaned.text, cleaned.roles) == ("Sela Paumoa", ("Del.",))
    singer = clean_mention(text, mention_at(text, "Del Harrow", "PERSON"))
    assert singer is not None and (singer.text, singer.roles) == ("Del Harrow", ())


def test_a_given_name_cut_at_its_hyphen_takes_the_rest() -> None:
    text = "Chair Han Seo-yun spoke, then Lee Ji-ho. A Han Seo-led panel met; Jo Ann-era rules."
    for cut, whole in (("Han Seo", "Han Seo-yun"), ("Lee Ji", "Lee Ji-ho")):
        cleaned = clean_mention(text, mention_at(text, cut, "PERSON"))
        assert cleaned is not None and cleaned.text == whole
    for compound in ("Han Seo", "Jo Ann"):  # "-led", "-era": compounds made from the name
        start = text.rindex(compound)
        mention = Mention(compound, "PERSON", start, start + len(compound), compound)
        cleaned = clean_mention(text, mention)
        assert cleaned is not None and cleaned.text == compound


def test_clean_keeps_surname_that_looks_like_a_title() -> None:
    text = "John Major spoke."
    cleaned = clean_mention(text, mention_at(text, "John Major", "PERSON"))
    assert cleaned is not None and cleaned.text == "John Major" and cleaned.roles == ()


def test_clean_drops_title_only_person_and_scores() -> None:
    text = "The President said M. Vaughan 57 was out.\nCRICKET - KORVALE"
    assert clean_mention(text, mention_at(text, "President", "PERSON")) is None
    person = clean_mention(text, mention_at(text, "M. Vaughan 57", "PERSON"))
    assert person is not None and person.text == "M. Vaughan"
    headline = clean_mention(text, mention_at(text, "CRICKET - KORVALE", "ORG"))
    assert headline is not None and headline.text == "KORVALE"


def test_majority_type_and_surnames_within_article() -> None:
    text = "Dana Simmons met Orvia. Simmons left Orvia. Orvia said Simmons erred."
    mentions = [
        mention_at(text, "Dana Simmons", "PERSON"),
        mention_at(text, "Orvia", "ORG"),
        mention_at(text, "Simmons", "ORG", 1),
        mention_at(text, "Orvia", "GPE", 1),
        mention_at(text, "Orvia", "ORG", 2),
    ]
    out = majority_types(mentions)
    assert [m.type for m in out] == ["PERSON", "ORG", "PERSON", "ORG", "ORG"]


def test_propagate_tags_missed_repeats_only_as_whole_words() -> None:
    text = "Orvia Bank rose. Later Orvia Bank fell, unlike Orvia Banking."
    out = propagate(text, [mention_at(text, "Orvia Bank", "ORG")])
    assert [(m.start_char, m.type) for m in out] == [(0, "ORG"), (23, "ORG")]


def test_propagate_reads_the_longest_name_first_and_leaves_mentions_alone() -> None:
    text = (
        "Mara Lind of Orvia Bank Group spoke in Orvia. Lind said Orvia Bank Group and "
        "Orvia.com grew; Orvia-based staff and O'Lind stayed, as did Lind."
    )
    mentions = [
        mention_at(text, "Mara Lind", "PERSON"),
        mention_at(text, "Orvia Bank Group", "ORG"),
        mention_at(text, "Orvia", "GPE", 1),  # "in Orvia"
    ]
    out = propagate(text, mentions)
    added = [(m.text, m.start_char, m.type) for m in out if m not in mentions]
    assert added == [
        ("Lind", text.index("Lind said"), "PERSON"),  # the surname of a person named in full
        ("Orvia Bank Group", text.rindex("Orvia Bank Group"), "ORG"),  # not "Orvia" in it
        ("Lind", text.rindex("Lind."), "PERSON"),
    ]  # not "Orvia.com", "Orvia-based" or "O'Lind", glued to other characters


def test_acronyms() -> None:
    assert is_acronym("IEA") and is_acronym("U.N.") and not is_acronym("Iea Agency")
    assert abbreviates("IEA", "International Energy Agency")
    assert abbreviates("UNSC", "UN Security Council")
    assert abbreviates("BOE", "Bank of England") and abbreviates("BE", "Bank of England")
    assert not abbreviates("IMF", "International Energy Agency")
    assert initials("Korvale") == set()


def test_roles_stop_at_punctuation_and_keep_nationality() -> None:
    text = "Kenya's director of public health, Dr. Peter Odhiambo, said so."
    cleaned = clean_mention(text, mention_at(text, "Peter Odhiambo", "PERSON"))
    assert cleaned is not None and cleaned.roles == ("Dr.",)
    text = "Russian Foreign Minister Sergey Lavrov said so."
    cleaned = clean_mention(text, mention_at(text, "Sergey Lavrov", "PERSON"))
    assert cleaned is not None and cleaned.roles == ("Russian Foreign Minister",)
    assert role_evidence("Russian Foreign Minister") == "foreign minister"
    assert role_evidence("former President") == "president"
    assert role_evidence("Mr.") is None


def test_hyphen_compounds_keep_the_name() -> None:
    text = "The U.N.-led mission left."
    cleaned = clean_mention(text, mention_at(text, "U.N.-led", "ORG"))
    assert cleaned is not None and cleaned.text == "U.N."


def test_context_cues() -> None:
    text = (
        "Varossa said its troops held. Varossan forces fired on the town of Sarnic. "
        "EU spokeswoman Nadia Kessler said liquefied natural gas (LNG) prices rose."
    )
    mentions = [
        mention_at(text, "Varossa", "PERSON"),
        mention_at(text, "Sarnic", "NORP"),
        mention_at(text, "Nadia Kessler", "ORG"),
        mention_at(text, "LNG", "ORG"),
    ]
    out = {m.text: m.type for m in apply_cues(text, mentions)}
    assert out == {"Varossa": "GPE", "Sarnic": "GPE", "Nadia Kessler": "PERSON"}


def test_one_word_after_a_capitalised_the_inside_a_sentence_is_no_person() -> None:
    text = '"It works," The Hill reported. Jones told The Atlantic so. The Hill family left.'
    mentions = [mention_at(text, "Hill", "PERSON"), mention_at(text, "Atlantic", "PERSON")]
    last = text.rindex("Hill")
    mentions.append(Mention("Hill", "PERSON", last, last + 4, "Hill"))
    assert [m.type for m in apply_cues(text, mentions)] == ["ORG", "ORG", "PERSON"]


def test_a_place_in_capitals_opening_a_line_before_a_colon_is_a_dateline() -> None:
    text = "Photo: agency.\nNORTHPORT: The strike went on. VOSS: We stay.\nNorthport: calm."
    assert is_dateline_place(text, mention_at(text, "NORTHPORT", "GPE"))
    assert not is_dateline_place(text, mention_at(text, "VOSS", "PERSON"))
    assert not is_dateline_place(text, mention_at(text, "Northport", "GPE"))  # not in capitals


def test_names_in_capitals_get_their_usual_case() -> None:
    assert display_name("KORVALE BANK") == "Korvale Bank"
    assert display_name("NATO") == "NATO"
    assert display_name("Korvale Bank") == "Korvale Bank"
    assert dateline_mentions("ADDIS ABABA, Nov 16 (Testwire) - x")[0].name == "Addis Ababa"


def test_conll_labels_are_mapped() -> None:
    assert to_wiredesk("PER", "Ana Costa") == "PERSON"
    assert to_wiredesk("LOC", "Geneva") == "GPE"
    assert to_wiredesk("LOC", "Tarnel Valley") == "LOC"
    assert to_wiredesk("LOC", "Europe") == "LOC"
    assert to_wiredesk("MISC", "Kestrelian") == "NORP"
    assert to_wiredesk("MISC", "World Cup") == "MISC"
    assert to_wiredesk("LOC", "Geneva", conll=False) == "LOC"


def test_a_person_named_after_a_company_in_the_article_is_its_product() -> None:
    text = "Korvex said on Monday that Korvex Lumen, its streaming service, would close."
    mentions = [
        mention_at(text, "Korvex", "ORG"),
        mention_at(text, "Korvex Lumen", "PERSON"),
    ]
    assert [m.type for m in company_products(mentions)] == ["ORG", "ORG"]
    # a person with a title, or a company name the article also reads as a person, stays
    titled = [mentions[0], Mention("Korvex Lumen", "PERSON", 27, 39, "Korvex Lumen", ("CEO",))]
    assert company_products(titled)[1].type == "PERSON"
    text = "Ford said Ford Halvard would speak; Ford later declined."
    mixed = [
        mention_at(text, "Ford", "ORG"),
        mention_at(text, "Ford Halvard", "PERSON"),
        mention_at(text, "Ford", "PERSON", 2),
    ]
    assert company_products(mixed)[1].type == "PERSON"


def test_dotted_and_undotted_initials_normalise_alike() -> None:
    assert normalise_name("U.N.") == normalise_name("UN") == "un"
    assert normalise_name("E.U.") == "eu"
    assert normalise_name("J.P. Morgan") == normalise_name("JP Morgan")
    assert normalise_name("St. Louis") == "st louis"
    assert normalise_name("George W. Bush") == "george w bush"


def test_a_person_ending_in_an_organisations_or_a_regions_head_word_is_retyped() -> None:
    text = (
        "Pell Harbour Productions hired staff at Lowmoor High School. "
        "The Varna Autonomous Region agreed, and Frank Church left."
    )
    mentions = [
        mention_at(text, "Pell Harbour Productions", "PERSON"),
        mention_at(text, "Lowmoor High School", "PERSON"),
        mention_at(text, "Varna Autonomous Region", "PERSON"),
        mention_at(text, "Frank Church", "PERSON"),
    ]
    out = {m.text: m.type for m in apply_cues(text, mentions)}
    assert out == {
        "Pell Harbour Productions": "ORG",
        "Lowmoor High School": "ORG",
        "Varna Autonomous Region": "GPE",
        "Frank Church": "PERSON",
    }


def test_web_addresses_handles_tickers_and_lower_case_persons_are_no_names() -> None:
    text = "See https://example.org/a, @harbourdesk, XAU= and kees ran; Photo_Ines Calder."
    assert clean_mention(text, mention_at(text, "https://example.org/a", "PERSON")) is None
    assert clean_mention(text, mention_at(text, "@harbourdesk", "ORG")) is None
    assert clean_mention(text, mention_at(text, "XAU=", "PERSON")) is None
    assert clean_mention(text, mention_at(text, "kees", "PERSON")) is None
    captioned = clean_mention(text, mention_at(text, "Photo_Ines Calder", "PERSON"))
    assert captioned is not None and captioned.text == "Ines Calder"
