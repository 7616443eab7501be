"""The shipped word lists (built by ``build_lexicon``), loaded lazily and once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

#: CoNLL type -> the spaCy label used for it in mentions.
CONLL_TO_SPACY = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "MISC": "NORP"}


@dataclass(frozen=True)
class GazetteerEntry:
    """A name as tagged in the training text: its types and how often its words occur."""

    name: str
    occurrences: int
    types: dict[str, int]

    @property
    def tagged(self) -> int:
        return sum(self.types.values())

    @property
    def top_type(self) -> str:
        return max(sorted(self.types), key=lambda k: self.types[k])

    @property
    def type_share(self) -> float:
        return self.types[self.top_type] / self.tagged

    @property
    def name_share(self) -> float:
        """How often these words, wherever they occur, are this name."""
        return self.tagged / self.occurrences if self.occurrences else 0.0


@lru_cache(maxsize=1)
def casing_lexicon(path: Path = DATA_DIR / "casing.tsv") -> dict[str, str]:
    """Lower-cased word -> 'l' (usually lower case) or 'u' (usually capitals)."""
    if not path.exists():
        return {}
    pairs = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line)
    return {word: form for word, form in pairs}


@lru_cache(maxsize=1)
def non_names(path: Path = DATA_DIR / "non_names.txt") -> frozenset[str]:
    """Capitalised words that are almost never (part of) a name."""
    if not path.exists():
        return frozenset()
    return frozenset(line for line in path.read_text(encoding="utf-8").splitlines() if line)


@lru_cache(maxsize=1)
def gazetteer(path: Path = DATA_DIR / "gazetteer.tsv") -> dict[str, GazetteerEntry]:
    """Name (as written) -> its entry."""
    entries: dict[str, GazetteerEntry] = {}
    if not path.exists():
        return entries
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            continue
        name, occurrences, cells = line.split("\t")
        types = {k: int(v) for k, v in (cell.split(":") for cell in cells.split(","))}
        entries[name] = GazetteerEntry(name, int(occurrences), types)
    return entries
