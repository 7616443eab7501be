"""Named entities: recognition, resolution within an article, linking across articles.

The recogniser is the model shipped in ``model/`` (en_core_web_sm's entity component
fine-tuned on CoNLL++; rebuild it with ``python -m wiredesk.entities.training.train``). To use
another installed spaCy pipeline, name it in ``WIREDESK_SPACY_MODEL``, e.g.
``pip install <the en_core_web_lg wheel>`` then ``WIREDESK_SPACY_MODEL=en_core_web_lg``; a
folder path works too. Only its named-entity component (and the encoder it listens to) runs.
Analysts pin names and aliases in ``entities.yaml`` (see ``curated``).

Each language has its own recogniser (English, German, French, Russian; see ``languages``),
loaded the first time an article in it comes; each is a setting (``models.entity_model``,
``models.entity_model_de``, ``…_fr``, ``…_ru``). The German and Russian ones are trained here
(``python -m wiredesk.entities.training.train_de`` / ``train_ru``).

Entry points: ``find_mentions`` (recognise and resolve the mentions of a batch of texts, in
the language given, one for all or one per text), ``loaded_languages`` (those this process
has loaded a recogniser for), ``recognised_languages`` (the languages
with a recogniser; any other raises ``UnsupportedLanguage``),
``link_entities`` (one id per real-world entity across articles) and
``prepare_linking_in_background`` (its library imported on a thread), ``Mention`` and its
``entity_key``, ``normalise_name`` (the form names are matched in), ``first_name_gender``
(the sex a first name is nearly always given), ``load_curated`` (the analysts' file),
``source_names`` (the archive's own agencies and outlets, which the linker flags),
``read_documents`` and ``eval_dir``
(the CoNLL gold sets the benchmarks score against), ``germeval_split`` and
``factrueval_split`` (the German and Russian gold, with the parts held back from training;
``factrueval_stems``, the Russian documents in the order the split counts, and
``read_objects``, one document's typed objects),
``is_dateline_place`` (a dateline's place in capitals before a colon: never a speaker).
"""

from wiredesk.exports import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "mention": ("COUNTED_TYPES", "Mention", "entity_key", "normalise_name"),
        "recognise": ("BASE_MODEL", "Recogniser", "Rules", "find_mentions", "loaded_languages"),
        "languages": ("UnsupportedLanguage", "recognised_languages"),
        "first_names": ("first_name_gender",),
        "germeval": ("germeval_split",),
        "factrueval": ("factrueval_split", "factrueval_stems", "read_objects"),
        "curated": ("EntitiesFileError", "entities_file", "load_curated"),
        "link": ("link_entities", "prepare_linking_in_background"),
        "sources": ("source_names",),
        "conll": ("Document", "eval_dir", "read_documents"),
        "dateline": ("is_dateline_place",),
    },
)
