"""Why a page or file gave no article: a module of its own, so the code that only sorts
results from failures (the stage assembling a day, the process running the pipeline) need
not import the extraction libraries."""

from __future__ import annotations


class ExtractionError(ValueError):
    def __init__(self, error_class: str, detail: str) -> None:
        super().__init__(detail)
        self.error_class = error_class
        self.detail = detail

    def __reduce__(self) -> tuple:
        """Pickled whole, so a failure crosses from a worker process with its class."""
        return (ExtractionError, (self.error_class, self.detail))
