"""One article through the same code the assets run: extraction, entities, quotes."""

from __future__ import annotations

import datetime as dt
import json
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from wiredesk.articles import (
    Extracted,
    ExtractionError,
    clean_text,
    content_hash,
    detect_language,
    extract,
)
from wiredesk.entities import COUNTED_TYPES, Mention
from wiredesk.routing import (
    DEFAULT_LANGUAGE,
    analysis_for,
    effective_language,
    runs_entities,
    runs_quotes,
)
from wiredesk.sources import detect_format


@dataclass
class Document:
    """An input to analyse: raw bytes of a page or file, or plain text."""

    data: bytes
    url: str | None = None
    force_html: bool = False


def extract_document(doc: Document) -> Extracted:
    """HTML and wire formats through ``extract``; anything else is plain body text."""
    fmt = "html" if doc.force_html else detect_format(doc.data, doc.url or "")
    if fmt in ("html", "newsml", "nitf"):
        return extract(doc.data, url=doc.url, fmt=fmt)
    text = clean_text(doc.data.decode("utf-8", errors="replace"))
    return Extracted(format="text", text=text, language=detect_language(text))


def entity_json(mentions: Sequence[Mention]) -> list[dict[str, Any]]:
    grouped: dict[str, dict[str, Any]] = {}
    for m in mentions:
        if m.type not in COUNTED_TYPES:
            continue
        entry = grouped.setdefault(
            m.entity_key, {"name": m.name, "type": m.type, "roles": [], "mentions": []}
        )
        entry["mentions"].append(
            {"text": m.text, "start_char": m.start_char, "end_char": m.end_char}
        )
        for role in m.roles:
            if role not in entry["roles"]:
                entry["roles"].append(role)
    return list(grouped.values())


def quote_json(quotes: Sequence[Any]) -> list[dict[str, Any]]:
    return [
        {
            "text": q.text,
            "kind": q.kind,
            "speaker": q.speaker,
            "speaker_mention": q.speaker_mention,
            "cue": q.cue,
            "start_char": q.start_char,
            "end_char": q.end_char,
            "confidence": round(q.confidence, 3),
        }
        for q in quotes
    ]


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if isinstance(value, dt.datetime) else None


def published_as_written(item: Extracted) -> str | None:
    """ISO 8601 publication time in the outlet's own offset (``2020-02-15T07:00:00+09:00``);
    a date alone when the source gave no time of day (the date is the answer, never
    shifted); UTC when no signal gave an offset."""
    if item.published_local is None:
        return None
    if not item.published_has_time:
        return item.published_local.date().isoformat()
    return item.published_local.isoformat()


def article_fields(item: Extracted) -> dict[str, Any]:
    """The article-level metadata the articles table stores, for one extracted article."""
    day = item.published_day
    return {
        "published_at": _iso(item.published_at),
        "utc_offset_minutes": item.utc_offset_minutes,
        "published_day": day.isoformat() if day else None,
        "date_source": item.date_source,
        "updated_at": _iso(item.updated_at),
        "authors": item.authors,
        "sitename": item.sitename,
        "canonical_url": item.canonical_url,
        "description": item.description,
        "dateline": item.dateline,
        "wire_agency": item.wire_agency,
        "is_partial": item.is_partial,
        "partial_reason": item.partial_reason,
        "word_count": item.word_count,
        "content_hash": content_hash(item.text),
        "format": item.format,
    }


def analyze_extracted(extracted: Sequence[Extracted]) -> list[dict[str, Any]]:
    """Entities and quotes for already extracted articles (models load once, NER batched)."""
    from wiredesk.entities import find_mentions
    from wiredesk.quotes import find_quotes

    read = [e for e in extracted if runs_entities(e.language)]
    recognised = [runs_entities(e.language) for e in extracted]
    found = iter(
        find_mentions([e.text for e in read], [effective_language(e.language) for e in read])
    )
    all_mentions = [next(found) if ok else [] for ok in recognised]
    results = []
    for item, mentions in zip(extracted, all_mentions, strict=True):
        language = effective_language(item.language)
        quotes = find_quotes(item.text, mentions, language) if runs_quotes(language) else []
        results.append(
            {
                "title": item.title,
                "published": published_as_written(item),
                "language": item.language,
                "text": item.text,
                **article_fields(item),
                "analysis": analysis_for(item.language),
                "quotes": quote_json(quotes),
                "entities": entity_json(mentions),
            }
        )
    return results


def analyze_document(doc: Document) -> dict[str, Any]:
    """One article; raises ``ExtractionError`` when it has no text."""
    return analyze_extracted([extract_document(doc)])[0]


@dataclass(frozen=True)
class OutputLine:
    """One input line's JSON output line, and the warning to print when it failed."""

    line: str
    warning: str | None = None


def _parse_line(number: int, line: str) -> tuple[Any, Extracted | str, str | None]:
    """The id, the extracted article (or the error text) and a warning, for one input line."""
    try:
        record = json.loads(line)
        if not isinstance(record, dict):
            raise ValueError("not a JSON object")
    except ValueError as exc:
        return None, f"line {number}: not a JSON object", f"line {number}: not a JSON object: {exc}"
    key = record.get("id", number)
    try:
        if isinstance(record.get("html"), str):
            doc = Document(record["html"].encode("utf-8"), record.get("url"), True)
        elif isinstance(record.get("text"), str):
            doc = Document(record["text"].encode("utf-8"), record.get("url"))
        else:
            raise ExtractionError("missing_field", "needs a 'text' or 'html' string")
        return key, extract_document(doc), None
    except ExtractionError as exc:
        return key, f"{exc.error_class}: {exc.detail}", f"line {number} (id {key}): {exc.detail}"


def analyze_lines(numbered: Sequence[tuple[int, str]]) -> list[OutputLine]:
    """One batch of JSON input lines (with their line numbers) into output lines, in order."""
    return _output_lines([_parse_line(number, line) for number, line in numbered])


def _output_lines(parsed: Sequence[tuple[Any, Extracted | str, str | None]]) -> list[OutputLine]:
    analysed = iter(analyze_extracted([item for _, item, _ in parsed if not isinstance(item, str)]))
    out = []
    for key, item, warning in parsed:
        record = (
            {"id": key, "error": item} if isinstance(item, str) else {"id": key, **next(analysed)}
        )
        out.append(OutputLine(json.dumps(record, ensure_ascii=False), warning))
    return out


def analyze_lines_or_hand_on(work: tuple[Sequence[tuple[int, str]], frozenset[str]]) -> list:
    """In a worker: ``analyze_lines``, but an article in a language whose recogniser this
    worker has not loaded, is not the home of and is not told to read (``spread``) is left
    as a ``Handoff`` to that language's home worker (see ``wiredesk.handoffs``)."""
    from wiredesk.entities import loaded_languages
    from wiredesk.handoffs import Handoff
    from wiredesk.workers import home_worker, worker_slot

    numbered, spread = work
    parsed = [_parse_line(number, line) for number, line in numbered]
    slot = worker_slot()
    kept: list[int] = []
    out: list = [None] * len(parsed)
    for position, (_, item, _) in enumerate(parsed):
        language = None if isinstance(item, str) else effective_language(item.language)
        if (
            slot is None
            or language is None
            or language == DEFAULT_LANGUAGE  # every worker reads it
            or not runs_entities(language)
            or language in loaded_languages()
            or language in spread
            or home_worker(language, slot[1]) == slot[0]
        ):
            kept.append(position)
        else:
            out[position] = Handoff(language, parsed[position])
    for position, line in zip(kept, _output_lines([parsed[p] for p in kept]), strict=True):
        out[position] = line
    return out


def finish_handed_on(parsed: list[tuple[Any, Extracted | str, str | None]]) -> list[OutputLine]:
    """In a language's home worker: the output lines of articles another worker extracted."""
    return _output_lines(parsed)


def numbered_batches(
    lines: Iterable[str], size: int, ahead: int = 0
) -> Iterator[list[tuple[int, str]]]:
    """The non-blank lines with their line numbers, ``size`` to a batch. With ``ahead``, that
    many lines are read beyond each batch, so the input's last lines are known as such: they
    go out in batches a quarter the size, which the workers share out as each comes free, so
    all of them finish together instead of one working through a whole last batch alone."""
    numbered = ((n, line) for n, line in enumerate(lines, start=1) if line.strip())
    window: deque[tuple[int, str]] = deque()
    gave_whole = False
    for item in numbered:
        window.append(item)
        if len(window) == size + ahead:
            yield [window.popleft() for _ in range(size)]
            gave_whole = True
    one_batch = not gave_whole and len(window) <= size  # a small input: as without ``ahead``
    last_size = size if one_batch or not ahead else max(1, size // 4)
    while window:
        yield [window.popleft() for _ in range(min(last_size, len(window)))]


def analyze_jsonl(
    lines: Iterable[str], batch_size: int = 16, workers: int | None = None
) -> Iterator[list[OutputLine]]:
    """JSON lines in, one list of output lines per batch, in input order, as they are ready.

    Batches go to ``workers`` processes (default: ``worker_count()``): the first forked once
    this process has imported extraction's and recognition's libraries (a second of CPU each
    would otherwise spend), the others after it has also loaded the English recogniser and
    run a first extraction, so they share what those load instead of each loading it again.
    An article in another language goes to that language's home worker, so only one worker
    loads its recogniser (unless the language is a large share of the input; see
    ``wiredesk.handoffs``). The output is the same whatever their number.
    """
    from wiredesk.handoffs import routed_map
    from wiredesk.warm_ups import import_per_article_work, warm_up_worker
    from wiredesk.workers import worker_count

    count = worker_count(workers)
    yield from routed_map(
        analyze_lines_or_hand_on,
        finish_handed_on,
        numbered_batches(lines, batch_size, ahead=batch_size * count if count > 1 else 0),
        count,
        prepare=warm_up_worker,
        before_fork=import_per_article_work,
    )
