"""Brown clusters read from an installed table, and the embedding that adds them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest
import spacy
from entity_helpers import numpy_encoder_matches, random_encoder
from spacy.strings import hash_string

from wiredesk.entities import word_clusters
from wiredesk.entities.training import quantised_embed
from wiredesk.entities.training.scratch import Recipe, language_config
from wiredesk.entities.word_clusters import (
    UNKNOWN,
    WordClusters,
    load_clusters,
    path_prefixes,
    read_clusters,
    sorted_clusters,
)

#: Paths written first branch in the lowest bit: "Merkel" 0b0101 and "Schmidt" share their
#: first four branches with "Saakaschwili"; "Berlin" differs in its third.
TABLE = {"Merkel": 0b0101, "Schmidt": 0b10101, "Saakaschwili": 0b0101, "Berlin": 0b1001, "haus": 7}


def write_table(path: Path, table: dict[str, int] = TABLE) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        json.dump(table, handle)
    return path


def words(table: WordClusters, text: str) -> list[int]:
    return table.find([hash_string(word) for word in text.split()]).tolist()


def test_a_table_reads_back_to_its_clusters_the_second_time_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = write_table(tmp_path / "de_lexeme_cluster.json.gz")
    first = read_clusters(path)
    monkeypatch.setattr(word_clusters, "sorted_clusters", lambda path: pytest.fail("read again"))
    for table in (first, read_clusters(path)):
        assert words(table, "Saakaschwili Berlin Nirgendwo merkel") == [5, 9, UNKNOWN, UNKNOWN]
    cached = tmp_path / "cache" / "wiredesk" / "word-clusters"
    assert len(list(cached.glob("de_lexeme_cluster-*.npz"))) == 1


def test_an_empty_table_knows_no_word(tmp_path: Path) -> None:
    arrays = sorted_clusters(write_table(tmp_path / "empty.json.gz", {}))
    table = WordClusters(keys=arrays["keys"], clusters=arrays["clusters"])
    assert words(table, "Merkel") == [UNKNOWN]


def test_prefixes_are_the_first_branches_of_a_path_and_unknown_stays_unknown() -> None:
    got = path_prefixes(np.array([0b10110101, 0b0101, UNKNOWN]), (4, 8))
    assert got.tolist() == [
        [0b10110101, 0b0101, 0b10110101],
        [0b0101, 0b0101, 0b0101],
        [UNKNOWN, UNKNOWN, UNKNOWN],
    ]


def test_only_a_named_cluster_table_is_read() -> None:
    with pytest.raises(ValueError, match="not a cluster table"):
        load_clusters("spacy:de")


def test_the_installed_german_table_groups_names_by_kind() -> None:
    table = load_clusters("spacy-lookups-data:de")
    surnames = words(table, "Merkel Schmidt Saakaschwili")
    towns = words(table, "Berlin Leipzig Köln")
    assert len(set(surnames)) == 1 and len(set(towns)) == 1
    assert surnames[0] != towns[0]
    assert words(table, "Qxzvwtplk") == [UNKNOWN]


@pytest.fixture
def tiny_clusters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    table = read_clusters(write_table(tmp_path / "tiny.json.gz"))
    monkeypatch.setattr(quantised_embed, "load_clusters", lambda name: table)
    return "spacy-lookups-data:tiny"


def test_each_word_gets_its_cluster_as_written_or_else_in_lower_case(tiny_clusters) -> None:
    layer = quantised_embed.ClusterFeatures(tiny_clusters, (4,))
    docs = [spacy.blank("de")("Merkel im Haus"), spacy.blank("de")("")]
    features, backprop = layer.begin_update(docs)
    assert [f.tolist() for f in features] == [[[5, 5], [UNKNOWN, UNKNOWN], [7, 7]], []]
    assert backprop(features) == []


def test_the_numpy_encoder_gives_thinc_s_vectors_with_clusters(
    tiny_clusters, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wiredesk.entities.word_vectors import from_index, word_index

    vectors = from_index(
        word_index(["merkel", "<unk>", "<pad>"]),
        np.zeros((3, 2), np.uint8),
        np.ones((2, 4, 2), np.float32),
    )
    monkeypatch.setattr(quantised_embed, "load_table", lambda name: vectors)
    recipe = Recipe(vectors="tiny", clusters=tiny_clusters, cluster_rows=(50, 10, 20))
    config = language_config("de", recipe)
    embed = config["components"]["tok2vec"]["model"]["embed"]
    assert embed["clusters"] == tiny_clusters and embed["cluster_rows"] == [50, 10, 20]
    texts = ["Merkel sprach in Berlin.", "Im Haus.", ""]
    tok2vec, docs = random_encoder(config, texts)
    assert numpy_encoder_matches(tok2vec, docs)
    expected = tok2vec.predict(docs[:1])
    other = WordClusters(keys=np.array([hash_string("Merkel")], np.uint64), clusters=np.array([3]))
    monkeypatch.setattr(quantised_embed, "load_clusters", lambda name: other)
    assert not np.array_equal(tok2vec.predict(docs[:1])[0][0], expected[0][0])


def test_a_recipe_with_clusters_and_no_word_vectors_is_refused() -> None:
    with pytest.raises(ValueError, match="clusters"):
        language_config("de", Recipe(clusters="spacy-lookups-data:de", cluster_rows=(10,)))
