"""Titles and honorifics: cut out of person names and kept as roles.

"Foreign Minister Amara Oyelaran" names the person "Amara Oyelaran" with the role
"Foreign Minister". Only words from these lists are taken, so given names are never
mistaken for titles.
"""

from __future__ import annotations

import re

#: Words that end a title ("Minister", "Mr.").
HEADS = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady president vice-president
    president-elect minister premier chancellor secretary secretary-general governor gov
    senator sen rep representative congressman congresswoman mayor judge justice ambassador
    envoy commissioner chairman chairwoman chairperson director general gen lt col colonel
    maj captain capt cmdr commander admiral adm sgt sergeant king queen prince princess pope
    cardinal archbishop bishop rev reverend sheikh ayatollah spokesman spokeswoman
    spokesperson chief coach prosecutor attorney inspector superintendent speaker emir sultan
    imam rabbi chief-executive ceo chairman-designate corporal cpl pvt private marshal
    delegate
    """.split()
)
#: Heads only with their full stop: "Del. Stacey Plaskett" is a delegate, "Del Shannon" is not.
_DOTTED_HEADS = frozenset({"del."})

#: Words that may precede a head inside a title ("Foreign", "Deputy").
MODIFIERS = frozenset(
    """
    foreign prime deputy vice interior finance defence defense health trade justice economy
    economic home energy environment education agriculture labour labor transport culture
    information oil state executive chief acting former general attorney assistant under
    crown grand supreme senior junior first minority majority opposition party army police
    federal national central bank treasury industry commerce development security
    intelligence interim caretaker lieutenant lt major rear field staff chief-of-staff
    sports tourism water housing immigration communications fisheries mines petroleum
    planning privatisation privatization cabinet council emeritus district chief-justice special
    secretary-of-state high air naval navy world budget social affairs welfare public works
    """.split()
)

#: Words dropped from the kept role.
DROPPED = frozenset({"the", "a", "an"})
#: Forms of address: kept as roles, but no evidence of who someone is.
HONORIFICS = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend".split()
)
#: Words that say when someone held a role, not which role it is.
_TENSE = frozenset({"former", "ex", "then", "outgoing", "incoming", "late", "acting", "interim"})
_NATIONALITY = re.compile(r"^[A-Z][a-z'’-]*(?:an|ian|ese|ish|i|ic|ch)$")


def _bare(word: str) -> str:
    return word.lower().rstrip(".,")


def is_head(word: str) -> bool:
    return _bare(word) in HEADS or word.lower() in _DOTTED_HEADS


def is_title_word(word: str) -> bool:
    """A head, a modifier, or an acronym such as "UN" or "U.S." that can start a title."""
    if word.endswith((",", ";", ":")):
        return False  # a title never runs across punctuation ("public health, Dr.")
    bare = _bare(word)
    if bare in HEADS or bare in MODIFIERS or bare in _TENSE or is_head(word):
        return True
    letters = word.replace(".", "")
    return 1 < len(letters) <= 4 and letters.isalpha() and letters.isupper()


def role_text(words: list[str]) -> str:
    """The role as written ("former President", "U.N. special envoy"), edges tidied."""
    kept = [w.strip("\"'()[]\u201c\u201d\u2018\u2019") for w in words if _bare(w) not in DROPPED]
    return " ".join(w for w in kept if w).strip(" ,;:\u2014\u2013-")


def role_evidence(role: str) -> str | None:
    """What a role says about who someone is, comparable across articles.

    "former Foreign Minister" and "Kestrelian Foreign Minister" both give "foreign minister";
    forms of address ("Mr.", "Dr.") give nothing, since they fit too many people.
    """
    words = [_bare(w) for w in role.split()]
    core = [w for w in words if (w in HEADS or w in MODIFIERS) and w not in _TENSE]
    if not core or all(w in HONORIFICS for w in core):
        return None
    return " ".join(w for w in core if w not in HONORIFICS)


def leading_title(words: list[str]) -> int:
    """How many leading words form a title, leaving at least one word of name (0 if none)."""
    end = 0
    for i, word in enumerate(words[:-1]):
        if not is_title_word(word):
            break
        if is_head(word):
            end = i + 1
    return end


def trailing_title(words: list[str]) -> int:
    """How many final words (just before a name) form a title ending in a head."""
    if not words or not is_head(words[-1]):
        return 0
    count = 0
    for word in reversed(words):
        if not word[:1].isalpha() or not (
            is_title_word(word) or (count and _NATIONALITY.match(word))
        ):
            break
        count += 1
    return count
