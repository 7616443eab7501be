"""Entities and quotes found by the stage workers while they extract, for the stages after.

In a ``wiredesk ingest`` run the articles, entity_mentions and quotes stages run one after
the other, each sending its articles to the same workers. A worker that has just extracted
an article already holds its text, and its recogniser is loaded: finding the mentions and
quotes there and then saves sending the text out twice more, and the wait at the end of
each stage for the slowest worker. So the articles stage asks the workers to read ahead
(``extract_stream``); what they find is kept here, in the run's process, keyed by the article,
a digest of its text and its language, and the two later stages take it (``mentions_for``,
``quotes_for``) instead of sending that article out again. An article whose text or
mentions changed in between, or that no worker read ahead, is simply worked out as before:
the tables are the same either way.

A worker reads ahead only in languages it has a recogniser for already or is the home of
(``wiredesk.workers.home_worker``), so no worker loads a model a stage would not have made
it load. The articles it extracted in other languages are handed to their home workers as
soon as their batch comes back (``read_ahead``), so a model one of them must load loads
while the other workers go on extracting, not at the end with them idle; the stages wait
for those before they look. The workers also sign each text they extract for the articles
stage's clustering (``extract_signed_pages``). Outside a ``stage_workers`` block nothing
is read ahead. What is kept is bounded (``LIMIT`` articles) and let go when the block ends.
"""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Iterator
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from wiredesk.article_work import mention_rows_batch, mentions_from_rows, quote_rows_batch
from wiredesk.articles import text_digest
from wiredesk.entities import Mention
from wiredesk.routing import (
    DEFAULT_LANGUAGE,
    declared_language,
    effective_language,
    runs_entities,
    runs_quotes,
)
from wiredesk.workers import (
    home_worker,
    on_workers_closing,
    pool_reads_ahead,
    pool_workers,
    stage_stream,
    submit_to_homes,
    worker_slot,
)

if TYPE_CHECKING:
    from wiredesk.articles import ExtractionError

Row = dict[str, Any]
Work = tuple[Row, Row, dt.datetime]
#: What a worker found ahead for one article: its mention rows and its quote rows.
Found = tuple[list[Row], list[Row]]

#: Articles whose mentions and quotes are kept at most (pickled, a few kB each).
LIMIT = 10_000

_kept: dict[tuple[str, bytes, str], bytes] = {}
#: Articles handed to their language's home worker after extraction, not yet back.
_pending: list[tuple[list[tuple[str, bytes, str]], Future[list[bytes]]]] = []


def _key(article_id: str, text: str, language: str | None) -> tuple[str, bytes, str]:
    return article_id, text_digest(text), effective_language(language)


def forget() -> None:
    """Let go of everything kept (a ``stage_workers`` block ended)."""
    _kept.clear()
    for _, future in _pending:
        future.cancel()
    _pending.clear()


def _settle() -> None:
    """Keep what the home workers sent back (a batch that failed is simply not kept)."""
    while _pending:
        keys, future = _pending.pop(0)
        try:
            _kept.update(zip(keys, future.result(), strict=True))
        except Exception:  # noqa: BLE001 - a worker died, the block ended: the stages do it
            continue


on_workers_closing(forget)


def extract_all(work: list[Work]) -> list[Row | ExtractionError]:
    """``extract_stream`` whole."""
    return list(extract_stream(work))


def extract_stream(work: list[Work]) -> Iterator[Row | ExtractionError]:
    """``extract_pages`` over ``work`` on the stage workers, each page's result in order as
    soon as it and those before it are back (``stage_stream``); with a block of several
    open, they also sign each text for clustering, and with a run's block and room to keep
    it they read each article's mentions and quotes ahead, and a page a worker extracted
    before the run stored it is taken from there (``wiredesk.early_pages``). (The extraction
    and the models are imported by the workers only: this process, which runs the pipeline,
    need not spend its time loading them.)"""
    if pool_workers() < 2:
        from wiredesk.articles import extract_pages

        yield from stage_stream(extract_pages, work)
        return
    held = len(_kept) + sum(len(keys) for keys, _ in _pending)
    if not pool_reads_ahead() or held + len(work) > LIMIT:
        yield from stage_stream(extract_signed, work)
        return
    # Imported here, in the run's process: the workers import this module too, and the early
    # extraction brings in the sources' code, which they need not load.
    from wiredesk.early_pages import early_result, sent_early

    early = [sent_early(page) for page, _, _ in work]
    extracted = read_ahead_stream([w for w, sent in zip(work, early, strict=True) if not sent])
    for one, sent in zip(work, early, strict=True):
        found = early_result(*one) if sent else next(extracted)
        if found is None:  # the page, its item or the clock changed, or the worker failed
            found = next(read_ahead_stream([one]))
        yield found[0]


def read_ahead_stream(work: list[Work]) -> Iterator[tuple[Row | ExtractionError, bytes | None]]:
    """``extract_reading_ahead`` over ``work`` on the stage workers, in order as it comes
    back, what the workers read ahead kept or handed on as each batch is back; a page that
    declares a language with a recogniser goes to that language's home worker."""
    return stage_stream(
        extract_reading_ahead, work, group=_declared_group, on_batch=_keep_or_hand_on
    )


def _declared_group(work: Work) -> str:
    """The language a page declares, when it is one with a recogniser of its own, so a page
    in a language few pages are in is extracted by that language's home worker, which reads
    it ahead there and then (``stage_map``'s groups); "" for the rest, the pages any worker
    takes. A wrong declaration costs only a hand-on after extraction."""
    declared = declared_language(work[0].get("content"))
    if declared is None or declared == DEFAULT_LANGUAGE or not runs_entities(declared):
        return ""
    return declared


def _keep_or_hand_on(batch: list[tuple[Row | ExtractionError, bytes | None]]) -> None:
    """Keep what a worker read ahead in one batch; hand the articles it could not read (a
    language it has no model for and is not the home of) to their language's home worker at
    once, so a model that worker must load loads while extraction goes on, not at its end
    with the other workers idle."""
    unread: list[tuple[str, str, str]] = []
    for row, found in batch:
        if not isinstance(row, dict):  # an ExtractionError
            continue
        if found is not None:
            _kept[_key(row["article_id"], row["text"], row.get("language"))] = found
        elif runs_entities(row.get("language")) or runs_quotes(row.get("language")):
            unread.append(_article(row))
    for positions, future in submit_to_homes(read_ahead, unread, group=lambda a: a[2]):
        _pending.append(([_key(*unread[p]) for p in positions], future))


def mentions_for(article: Row) -> list[Row] | None:
    """The mention rows a worker found ahead for this article as it is now, or None."""
    _settle()
    found = _kept.get(_key(article["article_id"], article["text"], article.get("language")))
    return None if found is None else pickle.loads(found)[0]


def quotes_for(article: Row, mentions: list[Mention]) -> list[Row] | None:
    """The quote rows a worker found ahead for this article as it is now, read with these
    mentions, or None (no longer kept once taken)."""
    _settle()
    key = _key(article["article_id"], article["text"], article.get("language"))
    found = _kept.get(key)
    if found is None:
        return None
    mention_rows, quote_rows = pickle.loads(found)
    if mentions_from_rows(mention_rows).get(article["article_id"], []) != mentions:
        return None
    del _kept[key]
    return quote_rows


def extract_signed(work: list[Work]) -> list[Row | ExtractionError]:
    """In a stage worker: ``extract_signed_pages``, imported there (this process, which
    only sends the pages, need not import the extraction)."""
    from wiredesk.articles import extract_signed_pages

    return extract_signed_pages(work)


def extract_reading_ahead(work: list[Work]) -> list[tuple[Row | ExtractionError, bytes | None]]:
    """In a stage worker: each page extracted and its text signed, with the mentions and
    quotes of its article (pickled) when this worker reads its language (see the module's
    docstring), else None."""
    from wiredesk.articles import ExtractionError, extract_signed_pages
    from wiredesk.entities import loaded_languages

    extracted = extract_signed_pages(work)
    found: list[bytes | None] = [None] * len(extracted)
    slot = worker_slot()
    if slot is None:
        return list(zip(extracted, found, strict=True))
    index, count = slot
    readable = []
    for position, row in enumerate(extracted):
        if isinstance(row, ExtractionError):
            continue
        language = effective_language(row.get("language"))
        if runs_entities(language):
            if language in loaded_languages() or home_worker(language, count) == index:
                readable.append(position)
        elif runs_quotes(language):
            readable.append(position)
    read = read_ahead([_article(extracted[p]) for p in readable])
    for position, pickled in zip(readable, read, strict=True):
        found[position] = pickled
    return list(zip(extracted, found, strict=True))


def read_ahead(articles: list[tuple[str, str, str]]) -> list[bytes]:
    """In a stage worker: the mentions and quotes of each (article id, text, language),
    pickled together, as the entity and quote stages would find them."""
    recognised = [a for a in articles if runs_entities(a[2])]
    mention_lists = iter(mention_rows_batch(recognised))
    mention_rows = [next(mention_lists) if runs_entities(a[2]) else [] for a in articles]
    quoting = [i for i, a in enumerate(articles) if runs_quotes(a[2])]
    quote_work = []
    for i in quoting:
        article_id, text, language = articles[i]
        mentions = mentions_from_rows(mention_rows[i]).get(article_id, [])
        quote_work.append((article_id, text, mentions, language))
    quotes = dict(zip(quoting, quote_rows_batch(quote_work), strict=True))
    return [
        pickle.dumps((rows, quotes.get(i, [])), pickle.HIGHEST_PROTOCOL)
        for i, rows in enumerate(mention_rows)
    ]


def _article(row: Row) -> tuple[str, str, str]:
    """(article id, text, language) as the entity and quote stages read an article."""
    return row["article_id"], row["text"], effective_language(row.get("language"))
