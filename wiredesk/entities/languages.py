"""Which languages have an entity recogniser, so other stages can route by language.

Texts in any other language get no entity analysis: an English model read over French or
German copy tags articles and pronouns as organisations and places.
"""

from __future__ import annotations


def recognised_languages() -> frozenset[str]:
    """ISO 639-1 codes of the languages with a recogniser (the shipped model is English)."""
    return frozenset({"en"})
