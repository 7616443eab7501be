"""Language identification with py3langid (a trained model that ships in the package)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _identifier():  # noqa: ANN202 - the py3langid module, imported lazily
    import py3langid

    return py3langid


def detect_language(text: str, minimum_chars: int = 40) -> str | None:
    """ISO 639-1 code of the text, or None when it is too short to tell."""
    sample = text[:5000]
    if len(sample.strip()) < minimum_chars:
        return None
    code, _probability = _identifier().classify(sample)
    return code
