"""Training a recogniser for a language with no pretrained pipeline we can ship.

Shared by ``train_de`` and ``train_ru``: write the train and checkpoint parts of a split as
spaCy documents, train ``ner_scratch.cfg`` with the language's ``Recipe`` (its components,
features and step budget), and install the best checkpoint, or with ``refit`` the last step
of a run that also trained on the checkpoint part, with a ``meta.json`` that names the
corpus, its licence and the training settings. Only weights and hashed-feature tables leave
the corpus; no text is written into the repository.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wiredesk.entities.conll import Document
from wiredesk.entities.factrueval import outermost

CONFIG = Path(__file__).resolve().parent / "ner_scratch.cfg"
MODELS = Path(__file__).resolve().parents[1] / "models"


@dataclass(frozen=True)
class Recipe:
    """What one language adds to ``ner_scratch.cfg``.

    ``before``: components (name -> factory) run before the encoder, whose annotations it
    reads as the extra hashed ``attrs`` (with ``rows`` each); ``after``: components run after
    the recogniser (name -> factory); ``max_steps``: the language's step budget, where its
    checkpoint score has long stopped rising (``None``: the config's); ``settings``: other
    config values for this language, by dotted path (``{"training.dropout": 0.3}``);
    ``refit``: train on the checkpoint part too (its ``refit`` version if the split has one)
    for exactly ``max_steps``, a budget chosen before on the checkpoint part, and install the
    last step: the held-back part still never enters. ``vectors``: a word vector table
    (``wiredesk.entities.word_vectors``: navec's product-quantised one, or ``spacy:<package>``
    for an installed spaCy pipeline's) the embedding adds to the hashed
    features (``wiredesk.QuantisedHashEmbed.v1``).
    """

    before: dict[str, str] = field(default_factory=dict)
    attrs: dict[str, int] = field(default_factory=dict)
    after: dict[str, str] = field(default_factory=dict)
    max_steps: int | None = None
    settings: dict[str, object] = field(default_factory=dict)
    refit: bool = False
    vectors: str | None = None
    #: A Brown cluster table (``wiredesk.entities.word_clusters``) the embedding adds, with
    #: the hashed rows of the cluster and of each path prefix (4, 8, ... branches).
    clusters: str | None = None
    cluster_rows: tuple[int, ...] = ()


def language_config(lang: str, recipe: Recipe):  # noqa: ANN201 - thinc's Config
    """``ner_scratch.cfg`` with the language's components and features added."""
    from spacy.util import load_config

    import wiredesk.entities.training.components  # noqa: F401 - registers the factories

    config = load_config(CONFIG)
    config["nlp"]["lang"] = lang
    pipeline = [*recipe.before, *config["nlp"]["pipeline"], *recipe.after]
    config["nlp"]["pipeline"] = pipeline
    for name, factory in {**recipe.before, **recipe.after}.items():
        config["components"][name] = {"factory": factory}
    if recipe.clusters and not recipe.vectors:
        raise ValueError("Recipe.clusters: only the embedding with word vectors reads clusters")
    embed = config["components"]["tok2vec"]["model"]["embed"]
    embed["attrs"] = [*embed["attrs"], *recipe.attrs]
    embed["rows"] = [*embed["rows"], *recipe.attrs.values()]
    if recipe.vectors:
        del embed["include_static_vectors"]
        embed["@architectures"] = "wiredesk.QuantisedHashEmbed.v1"
        embed["table"] = recipe.vectors
        if recipe.clusters:
            embed["clusters"] = recipe.clusters
            embed["cluster_rows"] = list(recipe.cluster_rows)
    config["training"]["annotating_components"] = list(recipe.before)
    if recipe.max_steps:
        config["training"]["max_steps"] = recipe.max_steps
    for path, value in recipe.settings.items():
        *sections, key = path.split(".")
        section = config
        for name in sections:
            section = section[name]
        section[key] = value
    if recipe.refit:
        config["training"]["patience"] = 0
    return config


def write_docs(lang: str, documents: Iterable[Document], path: Path) -> int:
    """The documents as a ``.spacy`` DocBin, gold spans aligned to spaCy's own tokens."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank(lang)
    bin_ = DocBin(store_user_data=False)
    count = 0
    for document in documents:
        doc = nlp.make_doc(document.text)
        ents = []
        for start, end, label in outermost(document.spans):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None and not any(
                s.start < span.end and span.start < s.end for s in ents
            ):
                ents.append(span)
        doc.ents = ents
        bin_.add(doc)
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(path)
    return count


def train_language(
    lang: str,
    parts: dict[str, list[Document]],
    out: Path,
    work: Path,
    meta: dict,
    max_steps: int | None = None,
    recipe: Recipe = Recipe(),
) -> Path:
    """Train on ``parts["train"]``, pick by ``parts["checkpoint"]``, install at ``out``."""
    from spacy.cli.train import train as spacy_train

    extra = parts.get("refit", parts["checkpoint"]) if recipe.refit else []
    write_docs(lang, [*parts["train"], *extra], work / "train.spacy")
    write_docs(lang, parts["checkpoint"], work / "checkpoint.spacy")
    config = work / "config.cfg"
    language_config(lang, recipe).to_disk(config)
    overrides = {
        "paths.train": str(work / "train.spacy"),
        "paths.dev": str(work / "checkpoint.spacy"),
    }
    if max_steps:
        overrides["training.max_steps"] = max_steps
    spacy_train(config, work / "output", overrides=overrides)
    sizes = {name: len(docs) for name, docs in parts.items()}
    record = training_record(config, overrides, sizes)
    chosen = work / "output" / ("model-last" if recipe.refit else "model-best")
    if recipe.refit:  # spaCy's scores would be on sentences the model was trained on
        meta = {**meta, "performance": {}}
    return install(chosen, out, {**meta, "training": record})


def training_record(config: Path, overrides: dict, sizes: dict[str, int]) -> dict:
    """The settings a model was trained with, for its ``meta.json`` (paths left out)."""
    from spacy.util import load_config

    loaded = load_config(config, overrides=overrides, interpolate=True)
    training = loaded["training"]
    embed = loaded["components"]["tok2vec"]["model"]["embed"]
    encode = loaded["components"]["tok2vec"]["model"]["encode"]
    return {
        "seed": loaded["system"]["seed"],
        "pipeline": loaded["nlp"]["pipeline"],
        "features": dict(zip(embed["attrs"], embed["rows"], strict=True)),
        "word_vectors": embed.get("table"),
        "width": embed["width"],
        "encoder": {k: encode[k] for k in ("depth", "window_size", "maxout_pieces")},
        "dropout": training["dropout"],
        "learn_rate": training["optimizer"]["learn_rate"],
        "max_steps": training["max_steps"],
        "patience": training["patience"],
        "eval_frequency": training["eval_frequency"],
        "documents": sizes,
        "chosen_by": "entity F1 on the checkpoint part (never the held-back part)"
        if training["patience"]
        else "steps chosen on the checkpoint part, then trained on it too; the last step",
    }


def install(best: Path, out: Path, meta: dict) -> Path:
    """Copy a trained pipeline to ``out`` with ``meta`` merged into its ``meta.json``."""
    meta_path = best / "meta.json"
    recorded = json.loads(meta_path.read_text(encoding="utf-8"))
    recorded.update(meta)
    meta_path.write_text(json.dumps(recorded, indent=2, ensure_ascii=False) + "\n", "utf-8")
    staged = out.with_name(out.name + ".new")
    shutil.rmtree(staged, ignore_errors=True)
    shutil.copytree(best, staged)
    shutil.rmtree(out, ignore_errors=True)
    staged.rename(out)
    return out


def run(
    lang: str,
    split: Callable[[Path], dict[str, list[Document]]],
    corpus: str,
    meta: dict,
    argv: list[str] | None,
    doc: str,
    recipe: Recipe = Recipe(),
) -> None:
    """The command line both languages share: ``--corpus``, ``--out``, ``--work``, ``--steps``."""
    import argparse
    import tempfile

    from wiredesk.entities.conll import eval_dir

    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=eval_dir() / corpus, help="gold folder")
    parser.add_argument("--out", type=Path, default=MODELS / lang, help="where to install")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one)")
    parser.add_argument("--steps", type=int, help="training steps (default: the config's)")
    args = parser.parse_args(argv)
    parts = split(args.corpus)
    sizes = ", ".join(f"{name} {len(docs)}" for name, docs in parts.items())
    print(f"{corpus}: {sizes} documents (held_back is never trained on)")
    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
        print(train_language(lang, parts, args.out, args.work, meta, args.steps, recipe))
        return
    with tempfile.TemporaryDirectory(prefix=f"wiredesk-ner-{lang}-") as work:
        print(train_language(lang, parts, args.out, Path(work), meta, args.steps, recipe))
