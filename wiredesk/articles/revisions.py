"""Revisions: the same story (same source and guid or canonical URL) seen with changed text.

Every distinct text of a story is a version with a stable id (hash of story and text),
linked to the version before it. Versions already known — from an earlier run of the same
day, or from earlier days — keep their ids and numbers; a text seen again is the same
version, not a new one. Numbers follow the format's own (NewsML-G2 ``version``, NITF
``du-key``) when it has one, else count up from the previous version.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from wiredesk.articles.text import fold
from wiredesk.store import stable_id

Row = dict[str, Any]


@dataclass(frozen=True)
class KnownVersion:
    """A version stored earlier (this day's previous run, or an earlier day)."""

    version_id: str
    article_id: str
    version: int
    content_hash: str
    row: Row | None = None  # the stored article_versions row, when it is this day's


def version_id(article_id: str, content_hash: str) -> str:
    return stable_id("version", article_id, content_hash)


def words_changed(before: str, after: str) -> int:
    """Words inserted, deleted or replaced between two texts (folded word diff)."""
    old, new = fold(before).split(), fold(after).split()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    changed = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            changed += max(i2 - i1, j2 - j1)
    return changed


def _candidate_order(row: Row, now: dt.datetime) -> tuple:
    stamp = row.get("updated_at") or row.get("published_at") or now
    return (row.get("version") or 1, stamp, row.get("item_id") or "")


def chain_versions(
    article_id: str,
    candidates: Sequence[Row],
    known: Sequence[KnownVersion] = (),
    now: dt.datetime | None = None,
) -> list[Row]:
    """Every version of one story, oldest first; each row is a candidate row (an article
    row) extended with version_id, version and previous_version_id. The last is current."""
    now = now or dt.datetime.now(dt.UTC)
    chain: list[Row] = []
    by_hash: dict[str, Row] = {}
    for old in sorted(known, key=lambda k: k.version):
        row = dict(old.row) if old.row else {"article_id": article_id, "text": None}
        row.update(
            version_id=old.version_id,
            version=old.version,
            content_hash=old.content_hash,
            previous_version_id=chain[-1]["version_id"] if chain else None,
            stored=old.row is not None,
            carried=True,
        )
        chain.append(row)
        by_hash[old.content_hash] = row
    for candidate in sorted(candidates, key=lambda r: _candidate_order(r, now)):
        digest = candidate["content_hash"]
        if digest in by_hash:
            seen = by_hash[digest]
            if seen.get("carried") and seen.get("stored"):
                # The same text again: refresh the stored row with today's reading of it.
                seen.update({k: v for k, v in candidate.items() if k not in _KEEP_ON_REFRESH})
                seen["carried"] = False
            continue
        previous = chain[-1] if chain else None
        stated = candidate.get("version") or 1
        number = max(stated, previous["version"] + 1) if previous else stated
        row = dict(candidate)
        row.update(
            version_id=version_id(article_id, digest),
            version=number,
            previous_version_id=previous["version_id"] if previous else None,
            words_changed=(
                words_changed(previous["text"], row["text"])
                if previous and previous.get("text")
                else None
            ),
            stored=True,
            carried=False,
        )
        chain.append(row)
        by_hash[digest] = row
    return chain


#: Fields of a stored version that a later reading of the same text does not overwrite.
_KEEP_ON_REFRESH = {
    "version_id",
    "version",
    "previous_version_id",
    "words_changed",
    "first_seen_at",
}


def superseded_rows(article_rows: Sequence[Row]) -> list[Row]:
    """Article rows replaced by a later version of the same story on another day.

    A revision arriving on a later day is a new row there while the earlier day's row stays
    in the lake; the warehouse leaves the replaced rows out. The latest row of a story is
    the highest version, then the later day (as the syndication table decides). Computed
    with the cross-day pass and stored, so a query never sorts the whole archive for it.
    """
    by_story: dict[str, list[Row]] = {}
    for row in article_rows:
        by_story.setdefault(row["article_id"], []).append(row)
    replaced: list[Row] = []
    for article_id, rows in sorted(by_story.items()):
        if len(rows) < 2:
            continue
        rows = sorted(rows, key=lambda r: (r.get("version") or 1, r["day"]), reverse=True)
        latest = rows[0]
        replaced.extend(
            {
                "article_id": article_id,
                "article_day": row["day"],
                "version_id": row.get("version_id"),
                "version": row.get("version"),
                "latest_version_id": latest.get("version_id"),
                "latest_day": latest["day"],
            }
            for row in rows[1:]
        )
    return replaced
