"""Russian mentions of one entity linked within a document, on factRuEval-2016's coreference.

    python -m benchmarks.russian_links [--all]

factRuEval groups the objects of each document that name the same entity (``.coref``) and
writes the entity's name in the nominative ("name Москва"; "firstname Юрий", "lastname
Лужков"). Each gold object (``Person``, ``Org``, ``Location``, ``LocOrg``, from its first
span's start to its last span's end) is matched to the mention ``find_mentions`` found at
exactly its place. Over every pair of matched mentions in a document: precision is the
share of pairs given one entity key that the gold puts in one group, recall the share of
pairs in one gold group given one key. Names: the share of matched mentions whose resolved
name is the gold one (a person's surname, else the whole name; case, ё and punctuation
aside). Documents: the held-back fifth the entity F1 is scored on, or with ``--all`` all
254 (these rules learn nothing from them).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from wiredesk.entities import (
    Mention,
    eval_dir,
    factrueval_stems,
    find_mentions,
    normalise_name,
    read_objects,
)


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    kind: str
    group: str
    name: str  # the gold name to compare with: a person's surname, else the whole name


def _groups(path: Path) -> dict[str, tuple[str, str]]:
    """Object id -> (group id, gold name) from a ``.coref`` file."""
    found: dict[str, tuple[str, str]] = {}
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        head = lines[0].split()
        attrs = dict(line.split(" ", 1) for line in lines[1:] if " " in line)
        name = attrs.get("lastname") or attrs.get("name") or ""
        for object_id in head[1:]:
            found[object_id] = (head[0], name)
    return found


def read_document(stem: Path) -> tuple[str, list[GoldMention]]:
    text = stem.with_suffix(".txt").read_text(encoding="utf-8")
    coref = stem.with_suffix(".coref")
    groups = _groups(coref) if coref.exists() else {}
    gold = []
    for object_id, label, start, end in read_objects(stem):
        if label in ("PER", "ORG", "LOC"):
            group, name = groups.get(object_id, (f"alone-{object_id}", ""))
            gold.append(GoldMention(start, end, label, group, name))
    return text, gold


def documents(everything: bool) -> list[Path]:
    """The held-back fifth (as ``factrueval_split`` counts), or every document."""
    stems = factrueval_stems(eval_dir() / "factrueval")
    return stems if everything else [s for i, s in enumerate(stems) if i % 5 == 0]


def _same_name(found: str, gold: str, person: bool) -> bool:
    words = normalise_name(found.replace("ё", "е")).split()
    wanted = normalise_name(gold.replace("ё", "е"))
    return bool(words) and ((words[-1] if person else " ".join(words)) == wanted)


def score(texts: Sequence[str], golds: Sequence[list[GoldMention]]) -> Counter:
    counts: Counter = Counter()
    found = find_mentions(list(texts), "ru")
    for gold, mentions in zip(golds, found, strict=True):
        at: dict[tuple[int, int], Mention] = {(m.start_char, m.end_char): m for m in mentions}
        matched = [(g, at[(g.start, g.end)]) for g in gold if (g.start, g.end) in at]
        counts["gold"] += len(gold)
        counts["matched"] += len(matched)
        for g, m in matched:
            if g.name:
                counts["named"] += 1
                counts["name right"] += _same_name(m.name, g.name, g.kind == "PER")
        for (g1, m1), (g2, m2) in combinations(matched, 2):
            same_gold, same_key = g1.group == g2.group, m1.entity_key == m2.entity_key
            counts["gold pairs"] += same_gold
            counts["key pairs"] += same_key
            counts["both"] += same_gold and same_key
    return counts


def main(argv: Sequence[str] | None = None) -> Counter:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="every document, not the fifth")
    args = parser.parse_args(argv)
    stems = documents(args.all)
    read = [read_document(stem) for stem in stems]
    counts = score([t for t, _ in read], [g for _, g in read])
    precision = counts["both"] / counts["key pairs"] if counts["key pairs"] else 0.0
    recall = counts["both"] / counts["gold pairs"] if counts["gold pairs"] else 0.0
    names = counts["name right"] / counts["named"] if counts["named"] else 0.0
    print(f"\nfactRuEval-2016 coreference, {len(stems)} documents")
    print(f"gold mentions {counts['gold']}, found at their exact place {counts['matched']}")
    print(f"pairs of one entity: precision {precision:.3f}, recall {recall:.3f}")
    print(f"names as the gold writes them: {names:.3f} of {counts['named']} mentions")
    return counts


if __name__ == "__main__":
    main()
