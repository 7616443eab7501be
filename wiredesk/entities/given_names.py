"""A known first name followed by a capitalised word is a person, whatever the model read.

Recognisers trained on a few thousand sentences without word vectors (the German and
Russian ones) know the names they were trained on and little else: "Bundeswirtschafts-
ministerin Katrin Sommerfeld" comes back with no entity at all, "Ingrid Halvorsen" as an
organisation. A first name from ``wiredesk.entities.first_names`` (accents folded, so
"Élise" reads as "elise") followed by a capitalised surname is strong evidence in languages
that capitalise names; in German, where every noun is capitalised, the first name must not
also be a common word ("Mai", "Will", or a noun of the language's lexicon such as "Tod")
for the rule to fire.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from wiredesk.entities.first_names import first_name_gender
from wiredesk.entities.mention import Mention

#: First names that are also ordinary words (months, nouns, verbs) in the capitalised
#: languages; a capital on them proves nothing in German.
_AMBIGUOUS = frozenset(
    {
        "april", "mai", "june", "juli", "august", "will", "mark", "art", "rose", "kurt",
        "hope", "faith", "grace", "joy", "major", "king", "page", "bill", "guy", "said",
        "carl", "fern", "hazel", "iris", "lily", "may", "star", "summer", "autumn", "bella",
        "ernst", "gay", "liebe", "heil", "ali", "don", "else", "ute", "hans",
    }
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_][^\W\d_'’]*(?:-[^\W\d_][^\W\d_'’]*)*")
#: Lower-case words that sit inside a person's name.
#: Not "der": "Echo der Wähler", "Parks der Städte" are no persons.
_PARTICLES = frozenset({"von", "van", "de", "du", "le", "la", "di", "da", "zu"})


def _folded(word: str) -> str:
    """Lower case without accents: "Élise" -> "elise"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def is_first_name(word: str, common_noun: Callable[[str], bool] | None = None) -> bool:
    """A capitalised word nearly always given as a first name, and no common word
    (``common_noun``: the language's own test, "Tod" and "Tor" in German)."""
    if not _capitalised(word):
        return False
    parts = [_folded(part) for part in word.split("-")]  # "Hans-Peter", not "Karl-Marx-Straße"
    if not all(p not in _AMBIGUOUS and first_name_gender(p) is not None for p in parts):
        return False
    return common_noun is None or not common_noun(word)


def _person_spans(
    text: str, common_noun: Callable[[str], bool] | None = None
) -> list[tuple[int, int]]:
    """(start, end) of each "First [Second] [particle] Surname" in the text."""
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]

    def adjacent(i: int) -> bool:  # only spaces between word i and word i + 1
        return i + 1 < len(words) and text[words[i][2] : words[i + 1][1]].isspace()

    spans = []
    i = 0
    while i < len(words):
        if not is_first_name(words[i][0], common_noun) or not adjacent(i):
            i += 1
            continue
        j = i + 1
        first = is_first_name(words[j][0], common_noun)
        if first and adjacent(j) and _capitalised(words[j + 1][0]):
            j += 1  # a second first name ("Anna Lena Berg")
        if words[j][0] in _PARTICLES and adjacent(j):
            j += 1
        if not _capitalised(words[j][0]):
            i += 1
            continue
        spans.append((words[i][1], words[j][2]))
        i = j + 1
    return spans


def given_name_people(
    text: str, mentions: list[Mention], common_noun: Callable[[str], bool] | None = None
) -> list[Mention]:
    """Mark each first-name-led name as one person, replacing the model's pieces of it.

    A model's span that reaches beyond the name ("Konrad-Adenauer-Stiftung", "Frank-Walter
    Steinmeier") wins: it saw more of the name than this rule does.
    """
    out = list(mentions)
    for start, end in _person_spans(text, common_noun):
        inside = [m for m in out if m.start_char < end and start < m.end_char]
        if any(m.start_char < start or m.end_char > end for m in inside):
            continue
        if len(inside) == 1 and inside[0].type == "PERSON" and inside[0].start_char == start:
            continue
        surface = text[start:end]
        person = Mention(surface, "PERSON", start, end, surface)
        if inside:
            person = replace(person, roles=tuple(r for m in inside for r in m.roles))
        out = [m for m in out if m not in inside] + [person]
    return sorted(out, key=lambda m: m.start_char)
