"""Copies found after a change equal copies found over the whole archive again."""

import numpy as np
import pytest

from wiredesk.syndication.clusters import earliest_copies, earliest_copies_after_change

RULE = dict(threshold=0.25, same_jaccard=0.5, same_containment=0.8, min_shingles=20)
PERM = 32


class Archive:
    """Articles by id: signature, time, content hash and size, with copies among them."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.rows: dict[str, tuple[np.ndarray, float, str, int]] = {}
        self.serial = 0

    def signature(self) -> np.ndarray:
        values = self.rng.integers(0, 40, PERM)  # a small alphabet: bands collide often
        if self.rows and self.rng.random() < 0.6:
            original = self.rows[self.rng.choice(sorted(self.rows))][0]
            keep = self.rng.random(PERM) < self.rng.choice([0.4, 0.6, 0.9])
            values = np.where(keep, original, values)
        return values

    def add(self) -> str:
        self.serial += 1
        article_id = f"a{self.serial:04d}"
        digest = f"h{self.rng.integers(0, 3)}" if self.rng.random() < 0.1 else article_id
        size = int(self.rng.choice([10, 200, 400]))
        self.rows[article_id] = (self.signature(), float(self.rng.random()), digest, size)
        return article_id

    def arrays(self) -> tuple[list[str], np.ndarray, np.ndarray, list[str], np.ndarray]:
        ids = sorted(self.rows)
        signatures = np.array([self.rows[a][0] for a in ids], dtype=np.uint64)
        order = sorted(range(len(ids)), key=lambda i: (self.rows[ids[i]][1], ids[i]))
        rank = np.empty(len(ids), dtype=np.int64)
        rank[order] = np.arange(len(ids))
        hashes = [self.rows[a][2] for a in ids]
        sizes = np.array([self.rows[a][3] for a in ids], dtype=np.int64)
        return ids, signatures, rank, hashes, sizes

    def copies(self) -> dict[str, tuple[str, float]]:
        ids, signatures, rank, hashes, sizes = self.arrays()
        found = earliest_copies(signatures, rank, hashes, sizes, np.arange(len(ids)), **RULE)
        return {ids[i]: (ids[j], s) for i, (j, s) in found.items()}


@pytest.mark.parametrize("seed", range(6))
def test_after_a_change_the_copies_are_those_of_a_whole_recount(seed: int) -> None:
    rng = np.random.default_rng(seed)
    archive = Archive(rng)
    for _ in range(150):
        archive.add()
    before = archive.copies()
    assert before, "the archive has copies to keep"
    for additions in (0, 12, 0, 30, 5):
        changed = {archive.add() for _ in range(additions)}
        # An original some copy was matched to goes away.
        del archive.rows[sorted({match for match, _ in before.values()})[0]]
        for article_id in rng.choice(sorted(archive.rows), 12, replace=False):
            signature, when, digest, size = archive.rows[article_id]
            what = rng.integers(0, 4)
            if article_id not in archive.rows:
                continue
            if what == 0:  # a revision: new text
                archive.rows[article_id] = (archive.signature(), when, digest, size)
            elif what == 1:  # a corrected time: a new rank
                archive.rows[article_id] = (signature, float(rng.random()), digest, size)
            elif what == 2:  # gone
                del archive.rows[article_id]
                changed.discard(article_id)
                continue
            else:
                continue
            changed.add(article_id)
        ids, signatures, rank, hashes, sizes = archive.arrays()
        row = {a: i for i, a in enumerate(ids)}
        previous = {
            row[a]: (row.get(match, -1), s)
            for a, (match, s) in before.items()
            if a in row and a not in changed
        }
        marks = np.array([a in changed for a in ids])
        found = earliest_copies_after_change(
            signatures, rank, hashes, sizes, marks, previous, **RULE
        )
        after = {ids[i]: (ids[j], s) for i, (j, s) in found.items()}
        assert after == archive.copies()
        before = after


def test_nothing_changed_keeps_every_match() -> None:
    archive = Archive(np.random.default_rng(9))
    for _ in range(60):
        archive.add()
    ids, signatures, rank, hashes, sizes = archive.arrays()
    whole = earliest_copies(signatures, rank, hashes, sizes, np.arange(len(ids)), **RULE)
    kept = earliest_copies_after_change(
        signatures, rank, hashes, sizes, np.zeros(len(ids), bool), whole, **RULE
    )
    assert kept == whole and whole
