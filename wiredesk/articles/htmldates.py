"""htmldate, with its fallback date parser limited to the languages news is mostly written in.

In its extensive search htmldate hands the strings it cannot read itself to dateparser, which
it builds to try every one of its ~200 locales. A string no locale reads (most of what it
hands over is not a date) makes a process compile every locale's word patterns, about
1.4 CPU s once per process, and every ``wiredesk`` command starts fresh worker processes.
Limited to ``DATE_LANGUAGES``, the 189 real pages of the evaluation sets (33 languages) get
the same dates, for less than half of that start-up. A page that declares one of those
languages is read in it and English only (``reading_dates_in``): 0.03 CPU s for a language's
patterns instead of 0.8 s for all thirty, paid only by a process that meets such a string,
and the same dates on those pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

import htmldate.extractors
from dateparser import DateDataParser
from htmldate import find_date

from wiredesk.articles.language import primary_subtag

__all__ = ["DATE_LANGUAGES", "find_date", "news_date_parser", "reading_dates_in"]

#: The languages dateparser tries, in ISO 639-1 (``nb``: Norwegian Bokmål): the most common
#: languages of news on the web.
DATE_LANGUAGES = (
    "en", "es", "de", "fr", "pt", "it", "ru", "nl", "pl", "tr", "ja", "zh", "ko", "ar", "fa",
    "id", "vi", "uk", "cs", "sv", "hu", "ro", "el", "da", "fi", "he", "hi", "bn", "th", "nb",
)  # fmt: skip

#: htmldate's own settings for dateparser (htmldate 1.11, ``get_external_parser``).
HTMLDATE_SETTINGS = {
    "NORMALIZE": True,
    "PARSERS": ["custom-formats", "absolute-time"],
    "PREFER_DATES_FROM": "past",
    "PREFER_LOCALE_DATE_ORDER": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
}


#: The language the page being read declares, while htmldate reads it.
_page_language: ContextVar[str | None] = ContextVar("page_language", default=None)


@contextmanager
def reading_dates_in(language: str | None) -> Iterator[None]:
    """Within the block, dateparser reads the strings htmldate hands it in ``language``
    (a declared language such as "de" or "pt-BR") and English, when it is one of
    ``DATE_LANGUAGES``; otherwise in all of them."""
    token = _page_language.set(language)
    try:
        yield
    finally:
        _page_language.reset(token)


def date_languages(language: str | None) -> tuple[str, ...]:
    """The languages to read a page's dates in, in ``DATE_LANGUAGES``' order."""
    primary = primary_subtag(language)
    if primary not in DATE_LANGUAGES:
        return DATE_LANGUAGES
    return tuple(code for code in DATE_LANGUAGES if code in ("en", primary))


@cache
def date_parser(languages: tuple[str, ...]) -> DateDataParser:
    """dateparser as htmldate configures it, for these languages."""
    return DateDataParser(languages=list(languages), settings=HTMLDATE_SETTINGS)


def news_date_parser() -> DateDataParser:
    """The parser for the page being read (``reading_dates_in``), else for every one of
    ``DATE_LANGUAGES``."""
    return date_parser(date_languages(_page_language.get()))


#: htmldate's own parser factory, kept to compare settings with.
htmldate_parser = htmldate.extractors.get_external_parser
# htmldate looks its parser up by this name at each call; ``find_date`` is taken from here.
htmldate.extractors.get_external_parser = news_date_parser
