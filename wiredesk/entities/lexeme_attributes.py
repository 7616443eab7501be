"""Only the word attributes a recogniser reads are worked out for each new word.

spaCy makes a lexeme the first time it meets a word form and runs every attribute function
of the language on it: about twenty, most of them flags (is it a stop word, like a number,
like a URL, a currency sign) that no part of our recognisers reads. That is about half the
cost of tokenising text not seen before, and news copy keeps bringing words not seen
before; Russian, with its many word forms and a slow number test, pays most. So a loaded
pipeline keeps the functions of the attributes its configuration names (the encoder's
``attrs``), of those every recogniser reads (lower case, norm, shape, prefix, suffix), the
language and the space flag (``wiredesk.entities.greedy`` reads it), and drops the rest: a
dropped flag is simply never set on new words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from spacy.attrs import IDS

#: Attributes kept whatever the configuration says.
ALWAYS_READ = ("LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LANG", "IS_SPACE")


def named_attributes(config: Any) -> set[str]:
    """Every spaCy attribute name a configuration mentions as a string, at any depth."""
    found: set[str] = set()
    todo = [config]
    while todo:
        value = todo.pop()
        if isinstance(value, Mapping):
            todo.extend(value.values())
        elif isinstance(value, list | tuple):
            todo.extend(value)
        elif isinstance(value, str) and value.upper() in IDS:
            found.add(value.upper())
    return found


def read_attribute_ids(config: Any, always: Iterable[str] = ALWAYS_READ) -> set[int]:
    """The attribute ids a pipeline with this configuration reads."""
    return {IDS[name] for name in (*always, *named_attributes(config))}


def keep_read_attributes(nlp: Any) -> Any:
    """Drop the lexeme attribute functions ``nlp`` never reads (see the module's docstring);
    returns ``nlp``."""
    read = read_attribute_ids(nlp.config)
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {attr: get for attr, get in getters.items() if attr in read}
    return nlp
