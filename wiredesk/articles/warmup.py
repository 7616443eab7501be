"""A process's first extraction, done before any real page comes.

The first page a process extracts pays for what the libraries build on first use
(trafilatura's and htmldate's imports and patterns, the language identifier's model,
dateparser's machinery and English word patterns). A worker that does this while the run is
still setting up has it done when its first batch arrives. Another language's date patterns
are built by the first page that needs them (few do: htmldate decides a date only when
a page has no other, and hands dateparser only what it cannot read itself).
"""

from __future__ import annotations

from wiredesk.articles.extraction import extract
from wiredesk.articles.htmldates import news_date_parser, reading_dates_in

#: A small page of our own, shaped like a news article: title, date, a few paragraphs.
WARM_UP_PAGE = b"""<html><head><title>Council approves the budget</title>
<meta property="article:published_time" content="2026-01-05T10:00:00+01:00"></head>
<body><article><h1>Council approves the budget</h1>
<p>The city council voted on Monday to approve a budget of three million euros for the
coming year, its chair said after a session that lasted most of the afternoon.</p>
<p>"We have done the work we were elected to do," she told reporters after the vote, which
passed by twelve votes to four.</p>
<p>Published 5 January 2026</p></article></body></html>"""


def warm_up_extraction() -> None:
    """Extract ``WARM_UP_PAGE`` and hand dateparser a string English does not read (so it
    builds its English patterns now, not on the first real page that needs them)."""
    extract(WARM_UP_PAGE, url="https://example.org/2026/01/05/budget", fmt="html")
    with reading_dates_in("en"):
        news_date_parser().get_date_data("wiredesk warm up")
