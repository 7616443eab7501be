"""Quotations and their speakers.

Entry points: ``find_quotes`` (every direct, partial and indirect quotation of one article,
its speaker resolved against the article's entity mentions, by the rules of its language),
``quote_languages`` (the languages it has rules for: English, German, French, Spanish,
Italian, Russian), ``Quote``, and ``source_surname`` (the name a PolNeAR gold source names,
read one way by the chooser's training and the benchmark). The rules and models load when
``find_quotes`` is first asked for: a process that only routes articles by language (the
one that runs the pipeline) never loads them.
"""

from wiredesk.exports import lazy_exports

__getattr__, __dir__, _lazy = lazy_exports(
    __name__,
    {
        "finder": ("find_quotes", "source_surname"),
        "model": ("Quote",),
    },
)
__all__ = sorted([*_lazy, "quote_languages"])


def quote_languages() -> frozenset[str]:
    """ISO 639-1 codes of the languages with quotation rules; others get no quotes."""
    from wiredesk.quotes.languages import rule_languages

    return rule_languages() | {"en"}
