"""Rebuild the German recogniser: ``python -m wiredesk.entities.training.train_de``.

Trains ``ner_scratch.cfg`` from nothing on GermEval 2014 (``../shared/eval/germeval``), with
every tenth sentence held back for the benchmark (see ``wiredesk.entities.germeval``), and
installs it as ``wiredesk/entities/models/de``. Run it under ``nice -n 10``.
"""

from __future__ import annotations

from wiredesk.entities.germeval import germeval_split
from wiredesk.entities.training.scratch import run

META = {
    "name": "wiredesk_ner_de",
    "version": "1.0.0",
    "description": "German named entities (PER, ORG, LOC, MISC) trained from scratch on "
    "GermEval 2014 (Benikova, Biemann, Reznicek 2014), every tenth sentence held back. "
    "Rebuild with python -m wiredesk.entities.training.train_de.",
    "license": "CC BY 4.0 (GermEval 2014 NER data, Benikova et al.); no text included",
}


def main(argv: list[str] | None = None) -> None:
    run("de", germeval_split, "germeval", META, argv, __doc__)


if __name__ == "__main__":
    main()
