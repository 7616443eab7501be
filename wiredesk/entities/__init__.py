"""Named entities: recognition, resolution within an article, linking across articles.

The recogniser is the model shipped in ``model/`` (en_core_web_sm's entity component
fine-tuned on CoNLL++; rebuild it with ``python -m wiredesk.entities.training.train``). To use
another installed spaCy pipeline, name it in ``WIREDESK_SPACY_MODEL``, e.g.
``pip install <the en_core_web_lg wheel>`` then ``WIREDESK_SPACY_MODEL=en_core_web_lg``; a
folder path works too. Only its named-entity component (and the encoder it listens to) runs.
Analysts pin names and aliases in ``entities.yaml`` (see ``curated``).
"""
