"""The faster paths give what the plain ones give: the batch decoder spaCy's greedy parser's
entities, the NumPy encoder thinc's vectors, the gazetteer's index the matches of one regex
of every name, the all-caps test the letter-by-letter count."""

from __future__ import annotations

import re

import numpy as np
import pytest

from wiredesk.entities.casing import is_shouting, recase
from wiredesk.entities.encoder import WindowEncoder
from wiredesk.entities.gazetteer import _addable
from wiredesk.entities.greedy import GreedyEntities
from wiredesk.entities.recognise import Recogniser, get_recogniser

ODD_TEXTS = [
    "",
    "Reuters",
    "   \n\n  \t ",
    "LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS WIN\nLONDON 1996-08-30\n",
    "Prime Minister Keir Starmer met   Emmanuel Macron\n\n\nin Paris on Monday .",
    "Shares of Apple Inc. and Microsoft Corp. rose 3 percent to $ 1.2 billion on Nasdaq",
    "The U.N. Security Council, the European Union and NATO",
    "New York\nNew York\n New York \n",
]


RUSSIAN = [
    "МОСКВА, 5 марта - Министр иностранных дел России Сергей Лавров встретился с "
    "генеральным секретарём ООН Антониу Гутеррешем.",
    "Мэрия Москвы и Иван Петров из Конгресса США обсудили работу «Газпрома» в Сибири.\n\n"
    "Президент Владимир Путин прибыл в Санкт-Петербург.",
    "",
]


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    from benchmarks.entities_sample import sample_articles

    return sample_articles()


@pytest.fixture(scope="module")
def texts(articles) -> list[str]:
    stories = [a["text"] for a in articles if (a.get("language") or "en") == "en"]
    # One long page made of every story, as heavy HTML pages give.
    return [recase(t) for t in [*stories, *ODD_TEXTS, "\n\n".join(stories)]]


def spacy_spans(nlp, texts: list[str], batch_size: int) -> list[list[tuple[int, int, str]]]:
    return [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for doc in nlp.pipe(texts, batch_size=batch_size)
    ]


def test_the_shipped_model_fits() -> None:
    assert get_recogniser().greedy is not None


@pytest.mark.parametrize("batch_size", [1, 5, 32])
def test_same_entities_as_spacy(texts, batch_size) -> None:
    nlp = get_recogniser().nlp
    greedy = GreedyEntities(nlp)
    expected = spacy_spans(nlp, texts, batch_size)
    assert sum(map(len, expected)) > 500
    assert greedy.spans(texts, batch_size) == expected


def test_same_entities_in_forked_processes(texts) -> None:
    greedy = get_recogniser().greedy
    assert greedy.spans_in_processes(texts, 4, 2) == greedy.spans(texts, 4)


def test_same_mentions_after_the_rules(texts) -> None:
    fast = Recogniser()
    slow = Recogniser()
    slow.greedy = None
    assert fast.mentions_batch(texts) == slow.mentions_batch(texts)


@pytest.mark.parametrize("language", ["de", "fr", "ru"])
def test_same_mentions_in_other_languages(articles, language) -> None:
    texts = [a["text"] for a in articles if a.get("language") == language] or RUSSIAN
    texts = [*texts, *ODD_TEXTS]
    fast = Recogniser(language=language)
    assert fast.greedy is not None
    slow = Recogniser(language=language)
    slow.greedy = None
    assert fast.mentions_batch(texts) == slow.mentions_batch(texts)
    assert sum(map(len, slow.raw_mentions_batch(texts))) > 10


def test_preset_entities_left_to_spacy() -> None:
    nlp = get_recogniser().nlp
    doc = nlp.make_doc("Talks in Geneva went on.")
    doc.set_ents([], blocked=[doc[2:3]])
    GreedyEntities(nlp).annotate([doc])
    assert [e.text for e in doc.ents] == []
    assert doc[2].ent_iob_ == "B"


def reference_names_pattern() -> re.Pattern[str]:
    """The gazetteer's names as one regex, longest first (what the index must agree with)."""
    names = sorted(_addable().labels, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w]|\.\w)")


def test_gazetteer_index_finds_what_one_regex_finds(texts) -> None:
    names = list(_addable().labels)[:200]
    tricky = [
        " ".join(names),
        ".".join(names),
        "-".join(names),
        "".join(f"{n}s {n}.x {n}.\n" for n in names),
        "".join(f"x{n} .{n} {n}_ {n}1 ({n}) '{n}'" for n in names),
    ]
    pattern = reference_names_pattern()
    for text in [*texts, *tricky]:
        expected = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
        assert list(_addable().finditer(text)) == expected


def plain_is_shouting(line: str, min_letters: int = 4, share: float = 0.8) -> bool:
    cased = [ch for ch in line if ch.isalpha() and ch.lower() != ch.upper()]
    if len(cased) < min_letters:
        return False
    return sum(ch.isupper() for ch in cased) / len(cased) >= share


def test_shouting_lines_counted_as_letter_by_letter(texts) -> None:
    odd = ["ABCD", "ABCd", "ABC", "A B C D e", "ÀÉÎ abc", "ǅǅǅǅ", "ⒶⒷⒸⒹ", "İSTANBUL", "ÆØÅ ok", ""]
    lines = [line for text in texts for line in text.split("\n")] + odd
    assert [is_shouting(line) for line in lines] == [plain_is_shouting(line) for line in lines]


def test_encoder_vectors_bit_for_bit_thincs(texts) -> None:
    nlp = get_recogniser().nlp
    tok2vec = nlp.get_pipe("ner").model.get_ref("tok2vec")
    assert WindowEncoder.fits(tok2vec)
    encoder = WindowEncoder(tok2vec)
    docs = [nlp.make_doc(t) for t in texts if t.strip()]
    for start in range(0, len(docs), 16):
        batch = docs[start : start + 16]
        assert np.array_equal(encoder.predict(batch), tok2vec.predict(batch))


@pytest.mark.parametrize("language", ["de", "ru"])
def test_shared_encoder_vectors_bit_for_bit_thincs(articles, language) -> None:
    nlp = get_recogniser(language=language).nlp
    texts = [a["text"] for a in articles if a.get("language") == language] or RUSSIAN
    docs = [nlp.make_doc(t) for t in texts if t.strip()]
    for name in nlp.pipe_names[: nlp.pipe_names.index("tok2vec")]:
        docs = [nlp.get_pipe(name)(doc) for doc in docs]
    model = nlp.get_pipe("tok2vec").model
    found, expected = WindowEncoder(model).predict_each(docs), model.predict(docs)
    assert len(found) == len(expected) == len(docs)
    assert all(np.array_equal(a, b) for a, b in zip(found, expected, strict=True))
