"""Which stages read an article, decided by its language.

Every article gets text, metadata, syndication and search. Entities run only where the
entities package has a recogniser for the language and quotes only where the quotes package
has rules for it, so English models and rules are never read over other languages. An
article whose language could not be identified (too little text) is read as English, the
language the shipped models know. ``articles.analysis`` stores the list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

#: Stages every article goes through, whatever its language.
ALWAYS = ("text", "metadata", "syndication", "search")
DEFAULT_LANGUAGE = "en"
#: A page's own statement of its language: ``<html lang="de-AT">``, ``xml:lang="fr"``.
_DECLARED = re.compile(
    rb"""<html\b[^>]*?\blang\s*=\s*["']?\s*([a-z]{2,3})(?![a-z])"""
    rb"""|\bxml:lang\s*=\s*["']([a-z]{2,3})(?![a-z])""",
    re.IGNORECASE,
)
#: How far into a page its declaration is looked for.
_DECLARED_WITHIN = 8192


def effective_language(language: str | None) -> str:
    """The language the stages read an article in, as a bare code ("de-AT" and "DE" read as
    "de"; unidentified: the default)."""
    code = (language or "").replace("_", "-").split("-", 1)[0].strip().lower()
    return code or DEFAULT_LANGUAGE


def declared_language(content: bytes | str | None) -> str | None:
    """The language a page or wire file says it is in, before anything is extracted (bare
    code; None when it does not say). Only a hint, for sending the page to the worker that
    will read it (``wiredesk.work_ahead``): the article's language is what is identified
    from its text."""
    if not content:
        return None
    head = content[:_DECLARED_WITHIN]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    found = _DECLARED.search(head)
    if found is None:
        return None
    return (found.group(1) or found.group(2)).decode("ascii").lower()


def runs_entities(language: str | None) -> bool:
    from wiredesk.entities import recognised_languages

    return effective_language(language) in recognised_languages()


def runs_quotes(language: str | None) -> bool:
    from wiredesk.quotes import quote_languages

    return effective_language(language) in quote_languages()


def analysis_for(language: str | None) -> list[str]:
    """The stages that read an article in ``language``, in pipeline order."""
    stages = list(ALWAYS)
    if runs_entities(language):
        stages.append("entities")
    if runs_quotes(language):
        stages.append("quotes")
    return stages


def language_report(rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Share of articles per language, and how many were left without entity or quote
    analysis (what the articles asset check reports)."""
    languages: Counter[str] = Counter()
    no_entities = no_quotes = total = 0
    for row in rows:
        total += 1
        languages[row.get("language") or "unknown"] += 1
        analysis = row.get("analysis") or analysis_for(row.get("language"))
        no_entities += "entities" not in analysis
        no_quotes += "quotes" not in analysis
    return {
        "articles": total,
        "share_by_language": {
            lang: round(count / total, 3) for lang, count in languages.most_common()
        }
        if total
        else {},
        "without_entities": no_entities,
        "without_quotes": no_quotes,
    }
