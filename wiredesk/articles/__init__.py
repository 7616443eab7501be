"""Articles: a fetched page or wire file becomes one story with its text and metadata.

Entry points: ``extract`` (one page or file: body text, title, authors, dates, dateline,
language), ``extract_pages`` (a stage worker's batch of pages; ``extract_signed_pages``
with each text's MinHash signature as well; ``page_inputs``: all that a page's row is worked
out from, and ``fetched_page``: the row of a page read), ``run_articles_days`` /
``run_articles_day`` (the stage for days in order: every page of a day, with the versions
seen before and near-duplicates clustered), and the text helpers other stages share
(``fold``, ``content_hash``, ``text_digest``, ``clean_text``), the date and dateline
parsers the sources read feeds with, and the revision helpers syndication compares
copies with.
"""

from wiredesk.exports import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "errors": ("ExtractionError",),
        "extraction": ("Extracted", "extract", "reconcile_date"),
        "stage": ("LOOKBACK_DAYS", "build_articles_day", "run_articles_day", "run_articles_days"),
        "pages": ("extract_pages", "extract_signed_pages"),
        "inputs": ("PageInputs", "fetched_page", "page_inputs"),
        "summary": ("ArticlesSummary",),
        "text": ("clean_text", "content_hash", "fold", "fold_line", "text_digest", "word_count"),
        "language": ("detect_language",),
        "dateline": ("Dateline", "display_place", "parse_dateline"),
        "dates": ("at_offset", "parse_datetime", "parse_with_offset"),
        "months": ("date_for_dateline",),
        "revisions": ("superseded_rows", "words_changed"),
        "warmup": ("warm_up_extraction",),
    },
)
