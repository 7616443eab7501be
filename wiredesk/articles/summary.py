"""What the articles asset reports of a run, counted day by day as the days are written.

A run over a range of days never holds all their articles: each day's rows are counted here
and dropped, and only what the report shows is kept (the newest few, counts, languages).
"""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]
#: Columns the newest-articles preview shows.
PREVIEW = ("published_at", "source_id", "title", "word_count")
#: Columns whose empty share the asset checks.
CHECKED = ("text", "title", "published_at")
_OLDEST = dt.datetime.min.replace(tzinfo=dt.UTC)


def _is_null(value: object) -> bool:
    return value in (None, "", [])


@dataclass
class ArticlesSummary:
    """Counts over the days of a run, and the ``newest`` articles for the preview."""

    newest_kept: int = 10
    rows_per_day: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    pages_read: int = 0
    versions: int = 0
    revised: int = 0
    partial: int = 0
    words: int = 0
    copies: int = 0  # articles clustered under another article
    exact_copies: int = 0  # a day's articles whose text another of that day's has
    clusters: set[str] = field(default_factory=set)
    missing: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CHECKED, 0))
    languages: list[Row] = field(default_factory=list)
    _newest: list[tuple[dt.datetime, int, Row]] = field(default_factory=list)

    def add(
        self, day: dt.date, articles: list[Row], errors: int, pages: int, versions: int
    ) -> None:
        self.rows_per_day[day.isoformat()] = len(articles)
        self.errors += errors
        self.pages_read += pages
        self.versions += versions
        self.exact_copies += len(articles) - len({a["content_hash"] for a in articles})
        for article in articles:
            self.revised += bool(article["previous_version_id"])
            self.partial += bool(article["is_partial"])
            self.words += article["word_count"] or 0
            self.clusters.add(article["cluster_id"])
            self.copies += article["cluster_id"] != article["article_id"]
            for column in CHECKED:
                self.missing[column] += _is_null(article.get(column))
            self.languages.append(
                {"language": article.get("language"), "analysis": article.get("analysis")}
            )
            stamp = article["published_at"] or _OLDEST
            entry = (stamp, -len(self.languages), {c: article.get(c) for c in PREVIEW})
            if len(self._newest) < self.newest_kept:
                heapq.heappush(self._newest, entry)
            else:
                heapq.heappushpop(self._newest, entry)

    @property
    def rows(self) -> int:
        return sum(self.rows_per_day.values())

    def newest(self) -> list[Row]:
        """The newest articles, newest first (ties in the order they were read)."""
        return [row for _, _, row in sorted(self._newest, reverse=True)]
