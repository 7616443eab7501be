"""First names and the sex most often given each at birth in the United States: a prior
for which pronoun ("he", "she") can mean a person the article never genders, and evidence
that "Katrin Sommerfeld" is a person where a small recogniser saw nothing.

It is only a prior: a title ("Ms. Ortiz"), a gendered noun ("the spokeswoman") or the
pronouns the article goes on to use about the person win over it. ``first_names.tsv`` is a
derived list (lower-case name, "m" or "f"), built from the US Social Security
Administration's national counts of given names, a public-domain work of the US government
(see ``NOTICE.md``). ``python -m wiredesk.entities.first_names DIR`` rebuilds it from the
``yobYYYY.txt`` files (``name,sex,count``) in DIR.
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

LIST_PATH = Path(__file__).with_name("first_names.tsv")
#: Birth years of the people news is about, most of them adults today.
YEARS = range(1920, 2006)
#: A name enters the list when this many births carried it and nearly all were one sex.
MIN_BIRTHS = 500
MIN_SHARE = 0.95


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    if not LIST_PATH.exists():
        return {}
    with LIST_PATH.open(encoding="utf-8") as handle:
        return {row[0]: row[1] for row in csv.reader(handle, delimiter="\t") if row}


def first_name_gender(name: str) -> str | None:
    """ "m" or "f" for a first name nearly always given to one sex, else None."""
    return _table().get(name.lower())


def build(directory: Path, years: Sequence[int] = YEARS) -> list[tuple[str, str]]:
    """(name, sex) of every name that passes the thresholds, sorted by name."""
    counts: dict[str, dict[str, int]] = {}
    for year in years:
        path = directory / f"yob{year}.txt"
        with path.open(encoding="utf-8") as handle:
            for name, sex, count in csv.reader(handle):
                tally = counts.setdefault(name.lower(), {"F": 0, "M": 0})
                tally[sex] += int(count)
    rows = []
    for name, tally in counts.items():
        total = tally["F"] + tally["M"]
        sex = "F" if tally["F"] >= tally["M"] else "M"
        share = tally[sex] / total
        if total >= MIN_BIRTHS and share >= MIN_SHARE:
            rows.append((name, sex.lower()))
    return sorted(rows)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path, help="folder of the SSA yobYYYY.txt files")
    args = parser.parse_args(argv)
    rows = build(args.directory)
    with LIST_PATH.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter="\t", lineterminator="\n").writerows(rows)
    print(f"{len(rows)} names -> {LIST_PATH}")


if __name__ == "__main__":
    main()
