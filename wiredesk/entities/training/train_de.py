"""Rebuild the German recogniser: ``python -m wiredesk.entities.training.train_de``.

Trains ``ner_scratch.cfg`` from nothing on GermEval 2014 (``../shared/eval/germeval``), with
every tenth sentence held back for the benchmark (see ``wiredesk.entities.germeval``), and
installs it as ``wiredesk/entities/models/de``. The training sentences keep GermEval's
``…deriv`` and ``…part`` labels; a component after the recogniser drops them. Run it under
``nice -n 19``.
"""

from __future__ import annotations

from functools import partial

from wiredesk.entities.germeval import germeval_split
from wiredesk.entities.training.scratch import Recipe, run

#: 1750 steps: where the checkpoint score stopped rising when trained on the train part alone.
RECIPE = Recipe(after={"core_labels": "wiredesk_core_labels"}, max_steps=1750, refit=True)

META = {
    "name": "wiredesk_ner_de",
    "version": "1.0.0",
    "description": "German named entities (PER, ORG, LOC, MISC) trained from scratch on "
    "GermEval 2014 (Benikova, Biemann, Reznicek 2014), every tenth sentence held back; "
    "the ...deriv and ...part labels trained as labels of their own and dropped from "
    "the output; the step budget chosen on every tenth of the rest, then trained on it too. "
    "Rebuild with python -m wiredesk.entities.training.train_de.",
    "license": "CC BY 4.0 (GermEval 2014 NER data, Benikova et al.); no text included",
}


def main(argv: list[str] | None = None) -> None:
    run("de", partial(germeval_split, variants=True), "germeval", META, argv, __doc__, RECIPE)


if __name__ == "__main__":
    main()
