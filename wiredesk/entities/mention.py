"""The unit every stage shares: one named entity mentioned at one place in one text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from wiredesk.entities.titles import role_evidence
from wiredesk.store import stable_id

#: Entity types that are counted; spaCy's other labels are kept but not linked.
COUNTED_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP")


@dataclass(frozen=True)
class Mention:
    """A named entity as written in the text, with the name it resolves to in that article.

    ``text`` is the words at ``start_char:end_char``; ``name`` is the fullest form the
    article uses for the same entity ("Lavrov" -> "Sergey Lavrov"); ``roles`` are titles
    seen with it ("Foreign Minister").
    """

    text: str
    type: str
    start_char: int
    end_char: int
    name: str
    roles: tuple[str, ...] = field(default=())

    @property
    def entity_key(self) -> str:
        """Article-independent id of (type, name); the archive-wide linker maps it further.

        A person known to the article only by one word ("Renner") is not yet known to be
        any particular Renner: the roles it was given ("Governor") go into its key, so the
        linker can join it to a full name only on that evidence.
        """
        if self.type == "PERSON" and len(self.name.split()) == 1:
            evidence = sorted({e for r in self.roles if (e := role_evidence(r))})
            if evidence:
                return stable_id("entity", self.type, normalise_name(self.name), *evidence)
        return entity_key(self.type, self.name)


#: Initials written with dots ("U.N.", "J.P."), which mean the same as without ("UN").
_DOTTED_INITIALS = re.compile(r"\b(?:[^\W\d_]\.){2,}(?!\w)|\b(?:[^\W\d_]\.)+[^\W\d_]\b")


def normalise_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form used for matching names.

    Dotted and undotted initials are one form: "U.N." and "UN" -> "un".
    """
    name = _DOTTED_INITIALS.sub(lambda m: m.group().replace(".", ""), name)
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = re.sub(r"['\u2019]s\b", "", folded)
    folded = re.sub(r"[^\w\s]", " ", folded.lower())
    return " ".join(folded.split())


def entity_key(type_: str, name: str) -> str:
    """Stable id for an entity of this type and name."""
    return stable_id("entity", type_, normalise_name(name))
