"""The per-article work stage workers do: mention and quote rows for a batch of articles
(what a worker loads before its first batch is in ``wiredesk.warm_ups``).

Functions of the articles alone, in a module that imports no storage, fetching or Dagster
code: a worker process imports the module of each function it is sent, and this one costs
it only the models' own packages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from wiredesk.articles import fold
from wiredesk.entities import COUNTED_TYPES, Mention
from wiredesk.store import stable_id

Row = dict[str, Any]


def mention_rows(article_id: str, mentions: Iterable[Mention]) -> list[Row]:
    return [
        {
            "article_id": article_id,
            "entity_key": m.entity_key,
            "text": m.text,
            "type": m.type,
            "name": m.name,
            "roles": list(m.roles),
            "start_char": m.start_char,
            "end_char": m.end_char,
        }
        for m in mentions
        if m.type in COUNTED_TYPES
    ]


def mention_rows_batch(work: list[tuple[str, str, str]]) -> list[list[Row]]:
    """Mention rows of each (article id, text, language): the work a stage worker does."""
    from wiredesk.entities import find_mentions

    found = find_mentions([text for _, text, _ in work], [language for _, _, language in work])
    return [
        mention_rows(article_id, mentions)
        for (article_id, _, _), mentions in zip(work, found, strict=True)
    ]


def mentions_from_rows(rows: Iterable[Row]) -> dict[str, list[Mention]]:
    """Rebuild each article's Mention objects from stored rows."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for row in rows:
        by_article[row["article_id"]].append(
            Mention(
                text=row["text"],
                type=row["type"],
                start_char=row["start_char"],
                end_char=row["end_char"],
                name=row["name"],
                roles=tuple(row["roles"] or ()),
            )
        )
    for mentions in by_article.values():
        mentions.sort(key=lambda m: m.start_char)
    return by_article


def quote_rows(article_id: str, quotes: Iterable[Any]) -> list[Row]:
    return [
        {
            "quote_id": stable_id("quote", article_id, q.start_char, q.end_char),
            "article_id": article_id,
            "kind": q.kind,
            "text": q.text,
            "speaker": q.speaker,
            "speaker_entity_key": q.speaker_entity_key,
            "speaker_mention": q.speaker_mention,
            "cue": q.cue,
            "start_char": q.start_char,
            "end_char": q.end_char,
            "paragraph": q.paragraph,
            "confidence": q.confidence,
            "quote_hash": stable_id("quote-text", fold(q.text)),
        }
        for q in quotes
    ]


def quote_rows_batch(work: list[tuple[str, str, list[Mention], str]]) -> list[list[Row]]:
    """Quote rows of each (article id, text, mentions, language): a stage worker's work."""
    from wiredesk.quotes import find_quotes

    return [
        quote_rows(article_id, find_quotes(text, mentions, language))
        for article_id, text, mentions, language in work
    ]
