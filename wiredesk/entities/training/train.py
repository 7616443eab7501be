"""Rebuild the shipped entity model: ``python -m wiredesk.entities.training.train``.

Converts the CoNLL++ train split into spaCy documents (every 20th story held out to pick
the best checkpoint), fine-tunes the recogniser with ``ner.cfg`` and installs the result as
``wiredesk/entities/model``. Takes about 15 minutes on two CPU cores. Only the weights and
label/word tables leave the corpus; no text is written into the repository.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

from wiredesk.entities.conll import eval_dir
from wiredesk.entities.training.corpus import split_train, write_split

CONFIG = Path(__file__).resolve().parent / "ner.cfg"
MODEL_DIR = Path(__file__).resolve().parents[1] / "model"
META = {
    "name": "wiredesk_ner",
    "version": "1.0.0",
    "description": "Named entities for news wire: en_core_web_sm's recogniser fine-tuned on "
    "the CoNLL++ train split (labels PER, ORG, LOC, MISC). Rebuild with "
    "python -m wiredesk.entities.training.train.",
    "license": "MIT (base model); trained on CoNLL-2003/CoNLL++ annotations",
}


def train(train_path: Path, out: Path, work: Path, config: Path = CONFIG) -> Path:
    """Train into ``work`` and install the best checkpoint at ``out``; returns ``out``."""
    import spacy
    from spacy.cli.train import train as spacy_train

    stories, held_out = split_train(train_path)
    blank = spacy.blank("en")
    write_split(blank, stories, work / "train.spacy")
    write_split(blank, held_out, work / "held_out.spacy")
    overrides = {
        "paths.train": str(work / "train.spacy"),
        "paths.dev": str(work / "held_out.spacy"),
    }
    spacy_train(config, work / "output", overrides=overrides)
    best = work / "output" / "model-best"
    meta_path = best / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(META)
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    staged = out.with_name(out.name + ".new")
    shutil.rmtree(staged, ignore_errors=True)
    shutil.copytree(best, staged)
    shutil.rmtree(out, ignore_errors=True)
    staged.rename(out)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_train = eval_dir() / "conllpp" / "conllpp_train.txt"
    parser.add_argument("--train", type=Path, default=default_train, help="CoNLL train file")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where to install the model")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one)")
    parser.add_argument("--config", type=Path, default=CONFIG, help="spaCy training config")
    args = parser.parse_args(argv)
    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
        print(train(args.train, args.out, args.work, args.config))
        return
    with tempfile.TemporaryDirectory(prefix="wiredesk-ner-") as work:
        print(train(args.train, args.out, Path(work), args.config))


if __name__ == "__main__":
    main()
