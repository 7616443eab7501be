"""The trained speaker chooser: candidates, ranking, pooling, calibration and fitting,
on invented paragraphs and synthetic numbers."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests.quote_helpers import candidates_of_quotes, feature, mentions_for
from wiredesk.quotes import find_quotes
from wiredesk.quotes.candidates import FEATURES, Candidate
from wiredesk.quotes.chooser import (
    MODEL_PATH,
    ChooserModel,
    pooled,
    read_model,
    recording,
    shipped_model,
)
from wiredesk.quotes.speakers import Speaker
from wiredesk.quotes.training.__main__ import examples_of
from wiredesk.quotes.training.fit import fit_platt, fit_ranker
from wiredesk.quotes.training.labels import speaker_matches, surname
from wiredesk.quotes.training.polnear import GoldQuote, Story, read_annotations

NAYLOR_TEXT = (
    "Regulators met bank lobbyists in Washington on Monday.\n\n"
    "Bart Naylor, financial policy advocate for Public Citizen, said the rule was weak. "
    '"They wrote it themselves," he said.'
)
NAYLOR = [
    ("Bart Naylor", "PERSON", "Bart Naylor"),
    ("Public Citizen", "ORG", "Public Citizen"),
    ("Washington", "GPE", "Washington"),
]


def _candidates(text: str, entities: list[tuple[str, str, str]]) -> list[Candidate]:
    return candidates_of_quotes(text, entities)[0][1]


def test_candidates_hold_the_rules_choice_and_the_names_nearby() -> None:
    candidates = _candidates(NAYLOR_TEXT, NAYLOR)
    assert all(len(c.features) == len(FEATURES) for c in candidates)
    rule = candidates[0]
    assert feature(rule, "rule_choice") == 1.0 and rule.speaker.mention == "he"
    by_mention = {c.speaker.mention: c for c in candidates[1:]}
    assert {"Bart Naylor", "Public Citizen", "Washington"} <= set(by_mention)
    assert feature(by_mention["Public Citizen"], "after_preposition") == 1.0
    assert feature(by_mention["Public Citizen"], "organisation") == 1.0
    assert feature(by_mention["Bart Naylor"], "before_a_cue") == 1.0
    assert feature(by_mention["Bart Naylor"], "same_paragraph") == 1.0
    assert feature(by_mention["Washington"], "previous_paragraph") == 1.0
    assert feature(by_mention["Bart Naylor"], "comma_after") == 1.0


def test_the_shipped_model_reads_and_picks_the_speaker() -> None:
    model = shipped_model()
    assert model is not None and model.features == FEATURES
    quotes = find_quotes(NAYLOR_TEXT, mentions_for(NAYLOR_TEXT, NAYLOR))
    (quote,) = [q for q in quotes if q.kind == "direct"]
    assert quote.speaker == "Bart Naylor"
    assert 0.0 < quote.confidence < 1.0


def test_a_model_with_other_features_is_refused(tmp_path: Path) -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["features"] = data["features"][::-1]
    path = tmp_path / "chooser.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="features differ"):
        read_model(path)


def _candidate(name: str | None, mention: str, first: float) -> Candidate:
    values = [0.0] * len(FEATURES)
    values[0] = first
    return Candidate(0, 1, Speaker(name, mention, None), tuple(values))


def test_candidates_of_one_speaker_pool_their_probability() -> None:
    model = ChooserModel(FEATURES, (1.0,) + (0.0,) * (len(FEATURES) - 1), 1.0, 0.0)
    candidates = [
        _candidate("Ann Lee", "Lee", 1.0),
        _candidate("Bo Chan", "Chan", 1.5),
        _candidate("Ann Lee", "she", 1.0),
    ]
    (p_lee, i_lee), (p_chan, _) = pooled(model, candidates)
    assert p_lee > p_chan and i_lee in (0, 2)
    none = 1 / (1 + 2 * np.e + np.exp(1.5))  # "none of them" scores 0
    assert p_lee + p_chan + none == pytest.approx(1.0)
    assert p_lee == pytest.approx(2 * np.e * none)
    assert model.calibrate(p_lee) == pytest.approx(p_lee)


def test_calibration_is_monotonic_and_bounded() -> None:
    model = ChooserModel(FEATURES, (0.0,) * len(FEATURES), 2.0, -0.5)
    values = [model.calibrate(p) for p in (0.0, 0.3, 0.6, 0.9, 1.0)]
    assert values == sorted(values) and all(0.0 < v < 1.0 for v in values)


def test_recording_keeps_the_rules_speakers() -> None:
    with recording() as sink:
        quotes = find_quotes(NAYLOR_TEXT, mentions_for(NAYLOR_TEXT, NAYLOR))
    direct = [q for q in quotes if q.kind != "indirect"]
    assert [(q.start_char, q.speaker_mention, q.confidence) for q, _ in sink] == [
        (q.start_char, q.speaker_mention, q.confidence) for q in direct
    ]
    assert direct[0].speaker_mention == "he" and direct[0].confidence == 0.9


def test_the_ranker_learns_which_feature_marks_the_speaker() -> None:
    rng = np.random.default_rng(3)
    groups = []
    for _ in range(200):
        x = rng.normal(size=(5, 3))
        right = np.zeros(5, dtype=bool)
        right[int(np.argmax(x[:, 1]))] = True
        groups.append((x, right))
    weights = fit_ranker(groups, 3, l2=0.001)
    assert weights[1] > 1.0 and abs(weights[1]) > 3 * max(abs(weights[0]), abs(weights[2]))


def test_platt_scaling_recovers_a_known_calibration() -> None:
    rng = np.random.default_rng(5)
    log_odds = rng.normal(scale=2.0, size=4000)
    truth = 1 / (1 + np.exp(-(0.5 * log_odds - 1.0)))
    a, b = fit_platt(log_odds, rng.random(4000) < truth)
    assert a == pytest.approx(0.5, abs=0.1) and b == pytest.approx(-1.0, abs=0.15)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Bart Naylor, financial policy advocate for Public Citizen", "Naylor"),
        ("the F.B.I. director, James B. Comey", "Comey"),
        ("he", None),
        ("Sen. Ted Cruz's campaign", None),
        ("the Florida senator", None),
        ("the Senate Democratic leader", None),
        ("the Washington Post", "Post"),
        ("a professor at Georgetown", None),
        ("Secretary of State John Kerry", "Kerry"),
        ("Mara Quist", "Quist"),
        ("Mara Quist, a professor at Lindholm University,", "Quist"),
        ("the agency's director, Tomas Brenner,", "Brenner"),
        # a possessive owner is not the source
        ("Quist's lawyer, Pavel Lund,", "Lund"),
        ("Quist's campaign", None),
        ("Senator Ilse Varga's office", None),
        ("Quist's", "Quist"),
        ("The Courier's Dana Holm", "Holm"),
        # titles that take "of" belong to the name
        ("Speaker of the Assembly Rep. Ilse Varga (R-North)", "Varga"),
        ("Secretary of Trade Pavel Lund", "Lund"),
        ("former secretary of trade Pavel Lund", "Lund"),
        # a name inside a prepositional phrase or used as an adjective only modifies
        ("Dana Holm of the independent Northfield Policy Institute", "Holm"),
        ("a leading Harbour Court lawyer, Pavel Lund of the firm Holm Brothers", "Lund"),
        ("a spokesman for Governor Ilse Varga", None),
        ("Varga supporters", None),
        ("the Northfield senator", None),
        ("the Northfield Courier", "Courier"),
        # an opening preposition or conjunction is no name; later it may be one
        ("At least half of the delegates", None),
        ("Only 52 percent of registered voters", None),
        ("Nearly half of the delegates", None),
        ("Al From, who founded the council", "From"),
        ("the cleric Omar al-Rashidi", "al-Rashidi"),
        ("the committee", None),
        # members of a party and plain groups are described, not named
        ("a Northfield Democrat", None),
        ("one senior Republican", None),
        ("Aides to Ms. Varga", None),
        ("an angry Varga", "Varga"),
        ("a poll released Monday", None),
    ],
)
def test_surname_of_a_gold_source(source: str, expected: str | None) -> None:
    assert surname(source) == expected


def test_labels_and_matching_from_brat_annotations(tmp_path: Path) -> None:
    text = 'Lee spoke. "We are ready," she said.'
    ann = tmp_path / "story_a1.ann"
    content = text.index('"We')
    source = text.index("she")
    ann.write_text(
        f"T1\tContent {content} {content + 15}\tx\n"
        f"T2\tSource {source} {source + 3}\tshe\n"
        f"T3\tCue {source + 4} {source + 8}\tsaid\n"
        "E1\tAttribution:T1 Content:T1 Source:T2 Cue:T3\n",
        encoding="utf-8",
    )
    gold = read_annotations(ann, text)
    assert gold == [GoldQuote(((content, content + 15),), "she")]
    story = Story("story", text, gold)
    entities = [("Lee", "PERSON", "Ann Lee")]
    with recording() as sink:
        find_quotes(text, mentions_for(text, entities))
    (example,) = examples_of(story, sink)
    assert example.rules_right
    mentions = [
        c.speaker.mention for c, ok in zip(example.candidates, example.right, strict=True) if ok
    ]
    assert mentions and all(m == "she" for m in mentions)
    assert speaker_matches(Speaker("Ann Lee", "Lee", None), "Ann Lee")
    assert not speaker_matches(Speaker("Ann Lee", "Lee", None), "she")


def test_a_description_with_a_name_inside_is_a_description() -> None:
    """A senator of a place is a person: "the Kestrel senator" is a description to the
    chooser, not a place."""
    text = (
        "Lawmakers met on Monday in Brannock.\n\n"
        '"We will not wait," the Kestrel senator told reporters. '
        '"Nor will we," said the Kestrelian delegation.'
    )
    entities = [("Kestrel", "GPE", "Kestrel"), ("Brannock", "GPE", "Brannock")]
    (rule, *others) = _candidates(text, entities)
    assert rule.speaker.mention == "the Kestrel senator"
    assert feature(rule, "description") == 1.0
    assert feature(rule, "place") == 0.0
    place = next(c for c in others if c.speaker.mention == "Brannock")
    assert feature(place, "place") == 1.0
