"""htmldate, with its fallback date parser limited to the languages news is mostly written in.

In its extensive search htmldate hands the strings it cannot read itself to dateparser, which
it builds to try every one of its ~200 locales. A string no locale reads (most of what it
hands over is not a date) makes a process compile every locale's word patterns, about
1.4 CPU s once per process, and every ``wiredesk`` command starts fresh worker processes.
Limited to ``DATE_LANGUAGES``, the 189 real pages of the evaluation sets (33 languages) get
the same dates, for less than half of that start-up.
"""

from __future__ import annotations

from functools import cache

import htmldate.extractors
from dateparser import DateDataParser
from htmldate import find_date

__all__ = ["DATE_LANGUAGES", "find_date", "news_date_parser"]

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


@cache
def news_date_parser() -> DateDataParser:
    """dateparser as htmldate configures it, for ``DATE_LANGUAGES`` only."""
    return DateDataParser(languages=list(DATE_LANGUAGES), settings=HTMLDATE_SETTINGS)


#: htmldate's own parser factory, kept to compare settings with.
htmldate_parser = htmldate.extractors.get_external_parser
# htmldate looks its parser up by this name at each call; ``find_date`` is taken from here.
htmldate.extractors.get_external_parser = news_date_parser
