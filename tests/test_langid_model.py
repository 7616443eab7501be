"""The language identifier's model unpacked once into the cache: the same answers as the
package's own loader, read back without unpacking again, and a damaged or unwritable cache
never stops identification."""

from __future__ import annotations

from pathlib import Path

import pytest
from py3langid.langid import LanguageIdentifier

from wiredesk.articles import langid_model

TEXTS = (
    "The council approved the budget on Monday, its chair said after the vote.",
    "Der Bundeskanzler sagte am Montag, die Lage sei ernst.",
    "Le ministre a déclaré mardi que le projet serait présenté au printemps.",
    "Президент заявил, что переговоры продолжатся на следующей неделе.",
    "Il presidente ha detto che il governo non cambierà la legge.",
)


@pytest.fixture(scope="module")
def packaged() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(langid_model.packaged_model(), norm_probs=True)


def answers(identifier: LanguageIdentifier) -> list[tuple[str, float]]:
    return [identifier.classify(text) for text in TEXTS]


def test_unpacked_once_then_read_back_with_the_same_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, packaged: LanguageIdentifier
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    unpacked: list[Path] = []
    unpack = langid_model._unpack
    monkeypatch.setattr(
        langid_model, "_unpack", lambda model, out: (unpacked.append(model), unpack(model, out))
    )
    first = langid_model.load_identifier()
    again = langid_model.load_identifier()
    assert unpacked == [langid_model.packaged_model()]  # the second read the kept copy
    assert answers(first) == answers(again) == answers(packaged)
    (kept,) = (tmp_path / "wiredesk" / "langid").glob("model-*.npz")
    assert kept == langid_model.unpacked_path(langid_model.packaged_model())


def test_a_damaged_copy_is_unpacked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, packaged: LanguageIdentifier
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = langid_model.unpacked_path(langid_model.packaged_model())
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not an archive")
    assert answers(langid_model.load_identifier()) == answers(packaged)
    assert path.stat().st_size > 1_000_000


def test_where_nothing_can_be_kept_the_package_loads_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, packaged: LanguageIdentifier
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert answers(langid_model.load_identifier()) == answers(packaged)
