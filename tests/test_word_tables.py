"""Word tables built once and kept on disk: the same values read back, rebuilt when the
source changes, still built where nothing can be written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from wiredesk.entities.training.word_table import WordTable, word_hash

CHUNKS = [(["Berlin", "Witten", "Haus"], 2), (["Witten", "Ruhr"], 1)]


def test_a_word_keeps_its_first_value_and_unknown_words_the_default() -> None:
    table = WordTable.build(CHUNKS)
    assert [table.get(w) for w in ("Berlin", "Witten", "Ruhr", "Nirgendwo")] == [2, 2, 1, 0]
    assert table.get("Nirgendwo", 7) == 7
    assert len(table) == 5


def test_the_hash_is_the_same_in_every_process() -> None:
    code = "from wiredesk.entities.training.word_table import word_hash; print(word_hash('Köln'))"
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(other.stdout) == word_hash("Köln")


def test_a_table_is_built_once_for_a_stamp_and_again_for_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built: list[str] = []

    def chunks(stamp: str):  # noqa: ANN202 - a test's source
        built.append(stamp)
        return CHUNKS if stamp == "v1" else [(["Berlin"], 1)]

    first = WordTable.cached("places", "v1", lambda: chunks("v1"))
    again = WordTable.cached("places", "v1", lambda: chunks("v1"))
    assert built == ["v1"]  # the second came from disk
    assert [again.get(w) for w in ("Berlin", "Ruhr")] == [first.get(w) for w in ("Berlin", "Ruhr")]
    changed = WordTable.cached("places", "v2", lambda: chunks("v2"))
    assert built == ["v1", "v2"] and changed.get("Berlin") == 1
    assert len(list((tmp_path / "wiredesk" / "word-tables").glob("places-*.npz"))) == 2


def test_where_nothing_can_be_written_the_table_is_only_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert WordTable.cached("places", "v1", lambda: CHUNKS).get("Ruhr") == 1
    (tmp_path / "bad").mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "bad"))
    folder = tmp_path / "bad" / "wiredesk" / "word-tables"
    folder.mkdir(parents=True)
    WordTable.cached("places", "v1", lambda: CHUNKS)
    (only,) = folder.glob("places-*.npz")
    only.write_bytes(b"broken")  # a damaged file is built again
    assert WordTable.cached("places", "v1", lambda: CHUNKS).get("Berlin") == 2
