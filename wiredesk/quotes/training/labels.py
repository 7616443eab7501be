"""Whether a candidate speaker is the one the gold source names.

A source with a proper name is matched by its surname: the last word of the proper name in
its head, before any apposition ("David Axelrod, a former adviser to Obama" -> Axelrod), or
else in the whole source ("the F.B.I. director, James B. Comey" -> Comey); an acronym only
when there is no other name. A capitalised word after an article is a name only when it is
a name of two words or more that ends the source ("the Republican nominee", "the Florida
senator" are descriptions; "the Washington Post" names the Post), and one after a
preposition belongs to a modifier ("a professor at Georgetown" is a description). A
pronoun or description is matched by the words themselves.
"""

from __future__ import annotations

import re

from wiredesk.quotes.speakers import Speaker

_HEAD_END = re.compile(r"[,(;\u2014]|\s(?:who|which|whose|that)\s")
_NOT_NAMES = frozenset(
    """the a an he she i we they it his her their this that these those my our its you one
    some many most several according both all other another each""".split()
)
_DETERMINERS = frozenset("the a an his her their its our one another this that".split())
_PREPOSITIONS = frozenset("of at for from in with on by to like about".split())
#: Titles that take "of" inside a name: "Secretary of State John Kerry".
_TITLE_WORDS = frozenset(
    """secretary minister director chairman chairwoman speaker governor mayor president
    leader attorney chief head member commissioner ambassador secretary-general""".split()
)


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _clean_word(raw: str) -> str:
    return re.sub(r"['\u2019]s$", "", raw.strip(".,;:'\u2019\"()"))


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in _NOT_NAMES


def _name_runs(phrase: str) -> list[tuple[str, list[str], bool]]:
    """(word before, words, ends the phrase) for each run of capitalised words; the word
    before is the preposition or article that governs the run."""
    words = phrase.split()
    runs: list[tuple[str, list[str], bool]] = []
    i = 0
    while i < len(words):
        if not _capitalised(_clean_word(words[i])):
            i += 1
            continue
        back = i - 1
        while back > 0 and _clean_word(words[back]).lower() in _DETERMINERS:
            back -= 1  # "of the Political Report": the preposition decides
        before = _clean_word(words[i - 1]).lower() if i else ""
        if back >= 0 and i and _clean_word(words[back]).lower() in _PREPOSITIONS:
            before = _clean_word(words[back]).lower()
        run: list[str] = []
        while i < len(words):
            word = _clean_word(words[i])
            if _capitalised(word):
                run.append(word)
                i += 1
            elif (
                word == "of"
                and run
                and run[-1].lower() in _TITLE_WORDS
                and i + 1 < len(words)
                and words[i + 1][:1].isupper()
            ):
                run.append(word)
                i += 1
            else:
                break
        runs.append((before, run, i >= len(words)))
    return runs


def _acronym(word: str) -> bool:
    return word.replace(".", "").isupper()


def surname(source: str) -> str | None:
    """The last word of the proper name in a source, or None for a pronoun or description."""
    cut = _HEAD_END.search(source)
    head = source[: cut.start()] if cut else source
    for scope in (head, source):
        names = [
            words
            for before, words, at_end in _name_runs(scope)
            if not all(_acronym(w) for w in words)
            and before not in _PREPOSITIONS
            and (before not in _DETERMINERS or (len(words) >= 2 and at_end))
        ]
        if names:
            return names[-1][-1]
    acronyms = [words for _, words, _ in _name_runs(head) if all(_acronym(w) for w in words)]
    return acronyms[-1][-1] if acronyms else None


def speaker_matches(speaker: Speaker, source: str) -> bool:
    name = surname(source)
    if name is not None:
        return bool(speaker.name) and name.lower() in speaker.name.lower()
    return bool(speaker.mention) and _normal(speaker.mention) == _normal(source)
