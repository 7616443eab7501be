"""Word vectors rebuilt from product-quantisation codes, and the embedding that adds them."""

from __future__ import annotations

import gzip
import io
import tarfile
from pathlib import Path

import numpy as np
import pytest
import spacy
from entity_helpers import numpy_encoder_matches, random_encoder

from wiredesk.entities.training import quantised_embed
from wiredesk.entities.training.scratch import Recipe, language_config
from wiredesk.entities.word_vectors import (
    UNKNOWN,
    from_index,
    read_table,
    word_hashes,
    word_index,
)

WORDS = ["москва", "газпром", "сибирь", "ещё", UNKNOWN, "<pad>"]
PARTS, CENTROIDS, PART_WIDTH = 4, 8, 2


def arrays() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    codes = rng.integers(0, CENTROIDS, (len(WORDS), PARTS), dtype=np.uint8)
    codebooks = rng.normal(size=(PARTS, CENTROIDS, PART_WIDTH)).astype(np.float32)
    return codes, codebooks


def dense(codes: np.ndarray, codebooks: np.ndarray, row: int) -> np.ndarray:
    """A word's full vector, part by part (how the codes are meant)."""
    return np.concatenate([codebooks[p, codes[row, p]] for p in range(PARTS)])


def write_navec(path: Path, codes: np.ndarray, codebooks: np.ndarray) -> Path:
    """A table in navec's ``.tar`` layout."""
    counts = np.arange(len(WORDS), dtype="<u4")
    vocab = np.array([len(WORDS)], "<u4").tobytes() + counts.tobytes()
    vocab += "\n".join(WORDS).encode("utf-8")
    sizes = np.array([len(WORDS), PARTS * PART_WIDTH, PARTS, CENTROIDS], "<u4").tobytes()
    members = {
        "meta.json": b'{"id": "tiny", "protocol": 1}',
        "vocab.bin": gzip.compress(vocab),
        "pq.bin": sizes + codes.tobytes() + codebooks.astype("<f4").tobytes(),
    }
    with tarfile.open(path, "w") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_a_navec_file_reads_back_to_its_vectors_the_second_time_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wiredesk.entities import word_vectors

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    codes, codebooks = arrays()
    path = write_navec(tmp_path / "tiny.tar", codes, codebooks)
    first = read_table(path)
    monkeypatch.setattr(word_vectors, "read_words", lambda path: pytest.fail("read again"))
    for table in (first, read_table(path)):
        rows = table.find(word_hashes(["сибирь", "москва", "нигде", UNKNOWN]))
        assert rows.tolist() == [2, 0, 4, 4]
        got = table.vectors(rows)
        assert got.dtype == np.float32 and got.shape == (4, PARTS * PART_WIDTH)
        for row, vector in zip(rows, got, strict=True):
            assert np.array_equal(vector, dense(codes, codebooks, row))
    assert len(list((tmp_path / "cache" / "wiredesk" / "word-vectors").glob("tiny-*.npz"))) == 1


def test_a_token_is_looked_up_in_lower_case() -> None:
    table = from_index(word_index(WORDS), *arrays())
    doc = spacy.blank("ru")("Москва ГАЗПРОМ Ещё 2015")
    assert table.find(doc.to_array("LOWER")).tolist() == [0, 1, 3, 4]


@pytest.fixture
def tiny_table(monkeypatch) -> str:
    table = from_index(word_index(WORDS), *arrays())
    monkeypatch.setattr(quantised_embed, "load_table", lambda name: table)
    return "tiny"


def test_only_the_projection_learns(tiny_table) -> None:
    layer = quantised_embed.QuantisedVectors(16, tiny_table)
    docs = [spacy.blank("ru")("Москва и Сибирь"), spacy.blank("ru")("")]
    layer.initialize(X=docs)
    out, backprop = layer.begin_update(docs)
    assert out.data.shape == (3, 16) and out.lengths.tolist() == [3, 0]
    assert backprop(out) == []
    gradient = layer.get_grad("W")
    assert gradient.shape == (16, PARTS * PART_WIDTH) and np.abs(gradient).sum() > 0
    empty, _ = layer.begin_update([spacy.blank("ru")("")])
    assert empty.dataXd.shape == (0, 16)


def test_the_numpy_encoder_gives_thinc_s_vectors_with_word_vectors(tiny_table) -> None:
    config = language_config("ru", Recipe(vectors=tiny_table))
    texts = ["Мэрия Москвы обсудила работу «Газпрома» в Сибири.", "Ещё раз.", ""]
    assert numpy_encoder_matches(*random_encoder(config, texts))


def test_a_spacy_vocab_s_vectors_are_read_by_the_word_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spacy.vectors import Vectors

    from wiredesk.entities import package_vectors

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    rows = np.arange(12, dtype=np.float32).reshape(3, 4)
    vectors = Vectors(data=rows, keys=["Merkel", "Siemens", "Paris"])
    vectors.add("Merkels", row=0)  # a rare form pointing at a common one's row
    vocab = tmp_path / "vocab"
    vectors.to_disk(vocab)
    first = package_vectors.read_package_vectors(vocab)
    monkeypatch.setattr(package_vectors, "sorted_keys", lambda vocab: pytest.fail("read again"))
    for table in (first, package_vectors.read_package_vectors(vocab)):  # then from the cache
        doc = spacy.blank("de")("Merkels Siemens merkel Paris")
        found = table.find(doc.to_array(table.attr))
        assert found.tolist() == [0, 1, table.unknown, 2]
        got = table.vectors(found)
        assert got.dtype == np.float32
        assert np.array_equal(got, np.stack([rows[0], rows[1], np.zeros(4), rows[2]]))
