"""Rebuild the Russian recogniser: ``python -m wiredesk.entities.training.train_ru``.

Trains ``ner_scratch.cfg`` from nothing on factRuEval-2016 (``../shared/eval/factrueval``),
with every fifth document held back for the benchmark (see ``wiredesk.entities.factrueval``),
and installs it as ``wiredesk/entities/models/ru``. Run it under ``nice -n 10``.
"""

from __future__ import annotations

from wiredesk.entities.factrueval import factrueval_split
from wiredesk.entities.training.scratch import run

META = {
    "name": "wiredesk_ner_ru",
    "version": "1.0.0",
    "description": "Russian named entities (PER, ORG, LOC, MISC) trained from scratch on "
    "factRuEval-2016, every fifth document held back. "
    "Rebuild with python -m wiredesk.entities.training.train_ru.",
    "license": "MIT (factRuEval-2016, Dialogue Evaluation); no text included",
}


def main(argv: list[str] | None = None) -> None:
    run("ru", factrueval_split, "factrueval", META, argv, __doc__)


if __name__ == "__main__":
    main()
