"""Rebuild the Russian recogniser: ``python -m wiredesk.entities.training.train_ru``.

Trains ``ner_scratch.cfg`` from nothing on factRuEval-2016 (``../shared/eval/factrueval``),
with every fifth document held back for the benchmark (see ``wiredesk.entities.factrueval``),
and installs it as ``wiredesk/entities/models/ru``. A component before the encoder looks
capitalised words up in pymorphy3's Russian dictionary (name, surname, patronymic, place,
organisation; the dictionary form) and the encoder reads that as two more hashed features.
The encoder also reads each word's pretrained navec vector (news, 250K words, 300
dimensions), rebuilt from the product-quantised table the natasha wheel ships.
Run it under ``nice -n 19``.
"""

from __future__ import annotations

from wiredesk.entities.factrueval import factrueval_split
from wiredesk.entities.training.scratch import Recipe, run
from wiredesk.entities.word_vectors import NAVEC_NEWS

RECIPE = Recipe(
    before={"name_morph": "wiredesk_name_morph"},
    attrs={"LEMMA": 10000, "MORPH": 500},
    after={"inner_places": "wiredesk_inner_places"},
    max_steps=1250,
    vectors=NAVEC_NEWS,
)

META = {
    "name": "wiredesk_ner_ru",
    "version": "1.0.0",
    "description": "Russian named entities (PER, ORG, LOC, MISC) trained from scratch on "
    "factRuEval-2016, every fifth document held back, every tenth of the rest choosing the "
    "checkpoint; capitalised words read with pymorphy3's dictionary name tags and dictionary "
    "forms; every word's pretrained navec vector (navec_news_v1_1B_250K_300d_100q) added to "
    "the hashed features; places inside organisations' names added from the same tags. "
    "Rebuild with python -m wiredesk.entities.training.train_ru.",
    "license": "MIT (factRuEval-2016, Dialogue Evaluation); no text included. Features at run "
    "time from pymorphy3 (MIT) and pymorphy3-dicts-ru (OpenCorpora data, CC BY-SA 3.0), and "
    "navec word vectors (Alexander Kukushkin, natasha project, MIT) read from the natasha "
    "package's data file: installed as dependencies, not shipped",
}


def main(argv: list[str] | None = None) -> None:
    run("ru", factrueval_split, "factrueval", META, argv, __doc__, RECIPE)


if __name__ == "__main__":
    main()
