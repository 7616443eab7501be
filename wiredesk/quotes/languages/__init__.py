"""Per-language resources for the quotation finder: one record per language.

The finder in ``wiredesk.quotes.multilingual`` reads only these records, so a language is
added by writing its resources, not a finder. The word lists are written here from the
grammar of each language (conjugation and agreement rules applied to lists of reporting
verbs, titles and pronouns); see ``NOTICE.md`` beside this file.
"""

from __future__ import annotations

from wiredesk.quotes.languages.model import QuoteLanguage


def _registry() -> dict[str, QuoteLanguage]:
    from wiredesk.quotes.languages import de, es, fr, it, ru

    return {lang.RESOURCES.code: lang.RESOURCES for lang in (de, fr, es, it, ru)}


_LOADED: dict[str, QuoteLanguage] = {}


def resources_for(code: str | None) -> QuoteLanguage | None:
    """The resources of a language (ISO 639-1), or None when it has none."""
    if not _LOADED:
        _LOADED.update(_registry())
    return _LOADED.get(code or "")


def rule_languages() -> frozenset[str]:
    """The languages the per-language finder handles (English has its own rules)."""
    if not _LOADED:
        _LOADED.update(_registry())
    return frozenset(_LOADED)


__all__ = ["QuoteLanguage", "resources_for", "rule_languages"]
