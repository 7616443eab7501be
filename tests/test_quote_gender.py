"""Gender of the people a pronoun can mean (first names, titles, pronouns already
resolved), and the counting and look-back shortcuts that keep the chooser fast."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from tests.quote_helpers import mentions_for
from wiredesk.entities.first_names import build, first_name_gender
from wiredesk.entities.mention import Mention
from wiredesk.quotes.candidates import _Sentences, _Words
from wiredesk.quotes.referents import Referent, antecedent
from wiredesk.quotes.speakers import (
    _MAY_LEAD,
    _ROLE_LEAD,
    _ROLE_WORDS_BEFORE,
    _TITLE_AT_END,
    SpeakerResolver,
)


def test_the_shipped_first_name_list_knows_common_names() -> None:
    assert first_name_gender("Kellyanne") == "f"
    assert first_name_gender("mitch") == "m"
    assert first_name_gender("Jordan") is None  # given to boys and girls alike
    assert first_name_gender("Xqzt") is None


def test_the_list_is_built_from_counts_by_share_and_size(tmp_path: Path) -> None:
    (tmp_path / "yob1990.txt").write_text(
        "Ana,F,900\nAna,M,10\nRobin,F,400\nRobin,M,400\nZed,M,20\n", encoding="utf-8"
    )
    (tmp_path / "yob1991.txt").write_text("Ana,F,100\nRobin,M,300\n", encoding="utf-8")
    assert build(tmp_path, years=(1990, 1991)) == [("ana", "f")]


def test_a_full_name_takes_its_first_names_gender_a_lone_word_does_not() -> None:
    text = "Priya Raman met Warren in Lagos."
    resolver = SpeakerResolver(
        text,
        mentions_for(
            text, [("Priya Raman", "PERSON", "Priya Raman"), ("Warren", "PERSON", "Warren")]
        ),
    )
    assert resolver.gender.get("Priya Raman") == "f"
    assert "Warren" not in resolver.gender


def test_a_title_wins_over_the_first_name() -> None:
    text = "Mr. Leslie Gunn spoke first."
    resolver = SpeakerResolver(text, mentions_for(text, [("Leslie Gunn", "PERSON", "Leslie Gunn")]))
    assert resolver.gender["Leslie Gunn"] == "m"


def test_a_resolved_pronoun_teaches_the_persons_gender() -> None:
    text = (
        "Dafe Bakare arrived late. He took questions.\n\nKemi Ode and Dafe Bakare spoke. She left."
    )
    mentions = mentions_for(
        text, [("Dafe Bakare", "PERSON", "Dafe Bakare"), ("Kemi Ode", "PERSON", "Kemi Ode")]
    )
    resolver = SpeakerResolver(text, mentions)
    he = text.index("He took")
    assert resolver.resolve(he, he + 2).name == "Dafe Bakare"
    assert resolver.gender["Dafe Bakare"] == "m"
    she = text.index("She left")
    assert resolver.resolve(she, she + 3).name != "Dafe Bakare"


@pytest.mark.parametrize(
    "text",
    [
        "One  two,\u00a0three\n\nfour.  Five? \u201cSix.\u201d Seven",
        " Eight\u3000nine \U0001f600 ten.\u2029Eleven\U0001f600twelve",  # beyond U+FFFF
    ],
)
def test_word_and_sentence_counts_match_the_plain_definitions(text: str) -> None:
    words = _Words(text)
    sentences = _Sentences(text)
    for a in range(len(text) + 1):
        for b in range(a, len(text) + 1):
            starts = [
                i
                for i in range(a, b)
                if not text[i].isspace() and (i == 0 or text[i - 1].isspace())
            ]
            assert words.between(a, b) == len(starts) == words.between(b, a)
            assert sentences.between(a, b) == len(re.findall(r"[.!?][\"'\u201d]?\s", text[a:b]))


def test_the_reversed_prefilters_of_titles_and_leads_miss_nothing() -> None:
    pieces = ["the", "The", "a", "an", "Mr.", "Smith", "McKay", "x's", "o\u2019s", "envoy", "U.S."]
    pieces += [" ", " ", "\n", "\u00a0", ",", "-", "(", "A", "e"]
    rng = random.Random(7)
    texts = ["said ", "the\n\nenvoy ", "the   ", "xMcKay ", "(Dr. ", "Kenya's director, "]
    texts += ["".join(rng.choices(pieces, k=rng.randint(1, 9))) for _ in range(3000)]
    for text in texts:
        backwards = text[::-1]
        assert bool(_TITLE_AT_END.match(backwards)) == bool(_ROLE_WORDS_BEFORE.search(text))
        assert _MAY_LEAD.match(backwards) or not _ROLE_LEAD.search(text), text


def _referents(text: str, names: list[str], subjects: set[str]) -> list[Referent]:
    found = []
    for name in names:
        start = text.index(name)
        mention = Mention(name, "PERSON", start, start + len(name), name)
        found.append(Referent(start, start + len(name), name, mention, name in subjects))
    return sorted(found, key=lambda r: r.start)


def test_antecedent_looks_back_past_the_window_only_when_it_is_empty() -> None:
    text = "Ana Ruiz came. A. B. C. D. E. Then she spoke."
    starts = [0] + [i + 2 for i, ch in enumerate(text) if ch == "." and i + 2 < len(text)]
    referents = _referents(text, ["Ana Ruiz"], {"Ana Ruiz"})
    pos = text.index("she")
    found = antecedent(text, referents, starts, pos, lambda _n: True, lambda _p: False)
    assert found is not None and found.name == "Ana Ruiz"
    assert antecedent(text, referents, starts, pos, lambda _n: False, lambda _p: False) is None
