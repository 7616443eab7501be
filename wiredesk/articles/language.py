"""Language identification with py3langid (a trained model that ships in the package).

The result is an ISO 639-1 code. The text decides when the model is confident; otherwise
the language the document declares (``<html lang>``, NewsML ``language/@tag``,
``xml:lang``) is used, reduced to its primary subtag ("en-GB" -> "en").
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Below this normalised probability the model's guess is not trusted over a declaration.
MIN_CONFIDENCE = 0.8
#: The model reads this much of the text: on news copy, more never changed its answer, and
#: its cost grows with the length read.
SAMPLE_CHARS = 3000
_SUBTAG = re.compile(r"^[a-zA-Z]{2,3}(?=$|[-_])")


@lru_cache(maxsize=1)
def _identifier():  # noqa: ANN202 - py3langid's LanguageIdentifier, loaded lazily once
    from wiredesk.articles.langid_model import load_identifier

    return load_identifier(norm_probs=True)


def primary_subtag(tag: str | None) -> str | None:
    """ "en-GB" -> "en", "pt_BR" -> "pt"; None for anything that is not a language tag."""
    match = _SUBTAG.match((tag or "").strip())
    return match.group(0).lower() if match else None


def identify(text: str, minimum_chars: int = 40) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) for the text; (None, 0.0) when it is too short."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < minimum_chars:
        return None, 0.0
    code, probability = _identifier().classify(sample)
    return code, float(probability)


def detect_language(text: str, declared: str | None = None, minimum_chars: int = 40) -> str | None:
    """The text's language; the declared one when the text is too short or ambiguous."""
    code, probability = identify(text, minimum_chars)
    fallback = primary_subtag(declared)
    if code is None or (probability < MIN_CONFIDENCE and fallback):
        return fallback or code
    return code
