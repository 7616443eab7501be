"""Whether a candidate speaker is the one the gold source names.

A source with a proper name is matched by its surname: the last word of the proper name in
its head, before any apposition ("David Axelrod, a former adviser to Obama" -> Axelrod), or
else in the whole source ("the F.B.I. director, James B. Comey" -> Comey); an acronym only
when there is no other name. Capitalised words that only modify the source are not its name:
a possessive owner ("Santilli's attorney, Thomas Coan" -> Coan; "Clinton's campaign" is a
description), a name used as an adjective ("a Supreme Court advocate"), and anything after a
preposition ("a professor at Georgetown", "Jonah Goldberg of the anti-Trump National
Review"), except where "of" belongs to a title ("Speaker of the House Rep. Paul Ryan" ->
Ryan). A capitalised word after an article is a name only when it is a name of two words or
more that ends the source ("the Republican nominee", "the Florida senator" are
descriptions; "the Washington Post" names the Post); members of a party and plain groups
are described, not named ("a Nevada Democrat", "Aides"). A pronoun or description is
matched by the words themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wiredesk.quotes.speakers import GROUP_NOUNS, INDEFINITE, Speaker

_HEAD_END = re.compile(r"[,(;\u2014]|\s(?:who|which|whose|that)\s")
_NOT_NAMES = frozenset(
    """the a an he she i we they it his her their this that these those my our its you one
    some many most several according both all other another each monday tuesday wednesday
    thursday friday saturday sunday""".split()
)
#: Members of a party or camp, capitalised but no one's name ("a Nevada Democrat").
_PARTY_MEMBERS = frozenset(
    """democrat republican democrats republicans independent independents libertarian
    libertarians conservative conservatives liberal liberals progressive progressives""".split()
)
_DETERMINERS = frozenset("the a an his her their its our one another this that".split())
_PREPOSITIONS = frozenset("of at for from in with on by to like about".split())
#: Words that may follow a name without making it an adjective ("Bill Clinton himself").
_FOLLOWERS = _PREPOSITIONS | frozenset(
    """and or nor who whom whose which that himself herself themselves itself too also alone
    al el bin ibn de del da di du la le van von der""".split()
)
#: Words that open a longer phrase without being a name: a preposition, a conjunction, an
#: adverb of quantity ("Only 52 percent of voters", "Nearly half").
_OPENERS = _PREPOSITIONS | frozenset("about but and or so yet just only even nearly almost".split())
_PARENTHESES = re.compile(r"\([^)]*\)")
_POSSESSIVE = re.compile(r"(?:['\u2019]s|(?<=s)['\u2019])$")
#: Titles that take "of" inside a name: "Secretary of State John Kerry".
_TITLE_WORDS = frozenset(
    """secretary minister director chairman chairwoman speaker governor mayor president
    leader attorney chief head member commissioner ambassador secretary-general""".split()
)


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _clean_word(raw: str) -> str:
    return _POSSESSIVE.sub("", raw.strip(".,;:'\u2019\"()"))


def _capitalised(word: str) -> bool:
    """A capitalised word, or a surname after a particle ("al-Awlaki")."""
    if re.match(r"[a-z]{1,3}-[A-Z]", word):
        return True
    return word[:1].isupper() and word.lower() not in _NOT_NAMES


def _opening_word(words: list[str], i: int) -> bool:
    """A capitalised preposition or conjunction opening a longer phrase ("At least half",
    "But a source") is no name; elsewhere it may be one ("Al From")."""
    return i == 0 and len(words) > 1 and _clean_word(words[0]).lower() in _OPENERS


def _possessive(raw: str) -> bool:
    return bool(_POSSESSIVE.search(raw.rstrip('.,;:"()')))


@dataclass(frozen=True)
class _Run:
    """A run of capitalised words and what governs it."""

    words: list[str]
    #: The article or preposition before the run ("" when none).
    before: str
    at_end: bool
    #: A possessive with more words after it ("Clinton's campaign"), a name used as an
    #: adjective ("a Supreme Court advocate") or one inside a prepositional phrase.
    modifier: bool


def _title_of(words: list[str], i: int, run: list[str]) -> int:
    """How many words "of" (and "the") add to a title run ("Secretary of State", "Speaker
    of the House"); 0 when the "of" starts a modifier."""
    if not run or run[-1].lower() not in _TITLE_WORDS or _clean_word(words[i]) != "of":
        return 0
    step = 2 if i + 1 < len(words) and words[i + 1].lower() == "the" else 1
    if i + step < len(words) and _capitalised(_clean_word(words[i + step])):
        return step
    return 0


def _lower_title_of(words: list[str], i: int) -> bool:
    """Whether "of" at i joins a title written in lower case to the name after it
    ("secretary of state Hillary Clinton", "master of ceremonies Asab Al-Tabchi")."""
    return (
        i + 2 < len(words)
        and words[i + 1][:1].islower()
        and words[i + 1].lower() not in _DETERMINERS
        and not re.search(r"[,;:()]$", words[i + 1])
        and _capitalised(_clean_word(words[i + 2]))
    )


def _name_runs(phrase: str) -> list[_Run]:
    """Each run of capitalised words in a phrase, in order."""
    words = _PARENTHESES.sub(" ", phrase).split()  # "(D-Newport News)" is no part of a name
    runs: list[_Run] = []
    in_modifier = False  # once a preposition has opened a modifier, the rest belongs to it
    # "a Nevada Democrat", "one senior Republican": an unnamed person, until an apposition
    unnamed = bool(words) and _clean_word(words[0]).lower() in INDEFINITE
    i = 0
    while i < len(words):
        word = _clean_word(words[i])
        if i and re.search(r"[,;(\u2014]$|--$", words[i - 1]):
            in_modifier = unnamed = False  # an apposition starts afresh
        if not _capitalised(word) or _opening_word(words, i):
            if word == "of" and _lower_title_of(words, i):
                i += 1
                continue
            in_modifier = in_modifier or word.lower() in _PREPOSITIONS
            i += 1
            continue
        back = i - 1
        while back > 0 and _clean_word(words[back]).lower() in _DETERMINERS:
            back -= 1  # "of the Political Report": the preposition decides
        before = _clean_word(words[i - 1]).lower() if i else ""
        if back >= 0 and i and _clean_word(words[back]).lower() in _PREPOSITIONS:
            before = _clean_word(words[back]).lower()
        run: list[str] = []
        owner = False
        while i < len(words):
            word = _clean_word(words[i])
            if _capitalised(word):
                run.append(word)
                i += 1
                if _possessive(words[i - 1]):
                    owner = i < len(words)
                    break
            elif step := _title_of(words, i, run):
                run.extend(words[i : i + step])
                i += step
            else:
                break
        attributive = (
            i < len(words)
            and not re.search(r"[,;:()\u2014]$", words[i - 1])
            and words[i][:1].islower()
            and _clean_word(words[i]).lower() not in _FOLLOWERS
        )
        last = run[-1].lower()
        group = len(run) == 1 and i == 1 and last in GROUP_NOUNS | _PARTY_MEMBERS  # "Aides"
        member = unnamed and last in _PARTY_MEMBERS | {m + "s" for m in _PARTY_MEMBERS}
        modifier = in_modifier or owner or attributive or member or group
        runs.append(_Run(run, before, i >= len(words), modifier))
    return runs


def _acronym(word: str) -> bool:
    return word.replace(".", "").isupper()


def surname(source: str) -> str | None:
    """The last word of the proper name in a source, or None for a pronoun or description."""
    cut = _HEAD_END.search(source)
    head = source[: cut.start()] if cut else source
    for scope in (head, source):
        names = [
            run.words
            for run in _name_runs(scope)
            if not all(_acronym(w) for w in run.words)
            and not run.modifier
            and (run.before not in _DETERMINERS or (len(run.words) >= 2 and run.at_end))
        ]
        if names:
            return names[-1][-1]
    acronyms = [
        run.words
        for run in _name_runs(head)
        if all(_acronym(w) for w in run.words) and not run.modifier
    ]
    return acronyms[-1][-1] if acronyms else None


def speaker_matches(speaker: Speaker, source: str) -> bool:
    name = surname(source)
    if name is not None:
        return bool(speaker.name) and name.lower() in speaker.name.lower()
    return bool(speaker.mention) and _normal(speaker.mention) == _normal(source)
