"""First names given in Germany, for the German recogniser's first-name mark.

The US list in ``first_names`` misses the names German text is full of ("Jürgen", "Uwe",
"Heinrich", "Georg"): a third of the persons' first words in GermEval's training part carry
no mark from it. Berlin's register offices publish every first name given to a newborn each
year, first, second or third name alike, so names of the parents' and grandparents' time
come back as middle names. ``de_first_names.txt`` is a derived list: the names given at
least ``MIN_COUNT`` times from 2012 on, one a line, no counts (see ``NOTICE.md``).
``python -m wiredesk.entities.german_first_names DIR`` rebuilds it from the yearly folders
of district CSV files (``vorname,anzahl,...``) in DIR.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

LIST_PATH = Path(__file__).with_name("data") / "de_first_names.txt"
#: Times a name must have been given to enter the list: fewer are mostly typing slips.
MIN_COUNT = 10
#: A first name as the lists write it: letters, inner hyphens and apostrophes.
_NAME = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    if not LIST_PATH.exists():
        return frozenset()
    return frozenset(LIST_PATH.read_text(encoding="utf-8").split())


def is_german_first_name(word: str) -> bool:
    """A capitalised word given as a first name in Germany ("Jürgen", "Heike")."""
    return word[:1].isupper() and word in _names()


def count_names(rows: Iterable[Sequence[str]]) -> Counter[str]:
    """Times each name was given, from ``vorname,anzahl,...`` rows (headers skipped)."""
    counts: Counter[str] = Counter()
    for row in rows:
        if len(row) < 2 or not row[1].strip().isdigit():
            continue
        name = row[0].strip()
        if _NAME.match(name) and name[:1].isupper():
            counts[name] += int(row[1])
    return counts


def build(directory: Path, min_count: int = MIN_COUNT) -> list[str]:
    """The names given at least ``min_count`` times in the CSV files under ``directory``."""
    counts: Counter[str] = Counter()
    for path in sorted(directory.rglob("*.csv")):
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            counts.update(count_names(csv.reader(handle)))
    return sorted(name for name, count in counts.items() if count >= min_count)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path, help="folder of the yearly district CSVs")
    args = parser.parse_args(argv)
    names = build(args.directory)
    LIST_PATH.write_text("".join(f"{name}\n" for name in names), encoding="utf-8")
    print(f"{len(names)} names -> {LIST_PATH}")


if __name__ == "__main__":
    main()
