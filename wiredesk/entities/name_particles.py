"""Persons' names with particles: "Jan ter Horst", "Ludovica des Bordes", "Joseph von Scheffel".

The German recogniser, which has seen few such names, now and then stops a person's name at
its particle, reporting "Jan" and "Horst" or only "Joseph Victor". A person's name followed
by a particle and a capitalised word goes on to that word, taking in a person's name found
there ("Jan" + "Horst" -> "Jan ter Horst"). Not when the word is a common noun or a body's
("Baumert von der Staatsanwaltschaft"), an adjective or an acronym ("Müller von der SPD"),
nor when a capitalised word follows it ("Jonas Albrecht von der Rheinischen Handelsbank"),
nor when the recogniser found another kind of name there. Articles and prepositions that
follow names as often as they join them ("der", "den", "zu", "zur") are no particles here.

In English, where the recogniser may stop a name at a particle it did take in ("Van Der"
before "Beek's"), the name goes on to the capitalised word after it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from wiredesk.entities.mention import Mention
from wiredesk.entities.spans import NAME_PARTICLES
from wiredesk.entities.training.german_words import lexicon_tags
from wiredesk.entities.training.org_words import org_mark

#: Particles of persons' names, several words where a single one would be an article.
PARTICLES = (
    *("von und zu", "von der", "von den", "van der", "van den", "de la"),
    *("von", "van", "ter", "ten", "de", "des", "du", "da", "di", "del", "della", "dos"),
    *("la", "le", "y", "bin", "ibn", "al"),
)
#: What the lexicon reads a word as, first or never as a name, that ends no person's name.
_NOT_NAMES = frozenset({"NN", "ADJ"})
_AFTER = re.compile(
    r"((?: (?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + r"))+) ([A-ZÄÖÜ][\w’'-]*)"
    # Not when a capitalised word follows: "von der Rheinischen Handelsbank" names a body,
    # however unknown its adjective, where "von der Leyen sagte" ends a person's name.
    r"(?![\w’'-]| [A-ZÄÖÜ])"
)


def _ends_name(word: str) -> bool:
    """A word after a particle that may end a person's name: no common noun or adjective
    ("von der Deutschen Bank"), no body's name or acronym ("von der SPD")."""
    tags = lexicon_tags(word).split("|")
    if tags[0] in _NOT_NAMES or ("NE" not in tags and _NOT_NAMES.intersection(tags)):
        return False
    if org_mark(word):
        return False
    return not (len(word) > 1 and word.isupper())


def join_name_particles(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with persons' names carried over their particles to the next word."""
    ordered = sorted(mentions, key=lambda m: m.start_char)
    joined: list[Mention] = []
    i = 0
    while i < len(ordered):
        mention = ordered[i]
        i += 1
        found = _AFTER.match(text, mention.end_char) if mention.type == "PERSON" else None
        if found is None or not _ends_name(found.group(2)):
            joined.append(mention)
            continue
        end = found.end()
        following = ordered[i] if i < len(ordered) else None
        if following is not None and following.start_char < end:
            if following.type != "PERSON" or following.start_char != found.start(2):
                joined.append(mention)
                continue
            end = max(end, following.end_char)
            i += 1
        words = text[mention.start_char : end]
        joined.append(replace(mention, text=words, end_char=end, name=words))
    return joined


#: The capitalised word after a particle, without a possessive.
_NEXT_WORD = re.compile(r" ([A-Z][\w-]*)(?=['\u2019]s\b|[^\w'\u2019-]|$)")


def finish_particle_name(text: str, mention: Mention) -> Mention:
    """A person's name the model stopped at its particle goes on to the capitalised word
    after it, without a possessive: "Van Der" + "Beek's" -> "Van Der Beek"."""
    last = mention.text.rsplit(" ", 1)[-1]
    if mention.type != "PERSON" or " " not in mention.text or last.lower() not in NAME_PARTICLES:
        return mention
    found = _NEXT_WORD.match(text, mention.end_char)
    if found is None:
        return mention
    surface = text[mention.start_char : found.end()]
    return replace(mention, text=surface, end_char=found.end(), name=surface)
