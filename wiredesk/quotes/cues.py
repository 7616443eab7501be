"""The verbs and phrases that introduce speech, and how to find them in a stretch of text."""

from __future__ import annotations

import re

#: Reporting verbs by stem; each is matched with its inflections (say/says/said/saying).
_IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing", "written"),
    "speak": ("speak", "speaks", "spoke", "speaking"),
}
_REGULAR = """add note stress warn insist argue explain ask reply respond continue recall
acknowledge admit announce assert claim comment conclude confirm declare emphasize emphasise
observe remark report state suggest tweet post predict promise vow urge caution complain
contend counter joke quip boast lament maintain muse pledge proclaim recount reiterate repeat
retort shout speculate testify thunder allege concede deny estimate exclaim mention answer
describe agree disclose grumble hint elaborate scoff sneer snap yell charge cry
reason concur plead""".split()

#: Verbs whose complement is commonly a reported clause ("X said that ..."): indirect speech.
CLAUSE_STEMS = frozenset(
    """say tell add note stress warn insist argue explain acknowledge admit announce assert
    claim conclude confirm declare emphasize emphasise observe report state suggest predict
    promise vow contend maintain allege concede deny estimate reiterate testify write
    complain caution agree disclose reason tweet""".split()
)

#: Multi-word cues matched as written; "according to" has its source after it.
PHRASES = (
    "according to",
    "told reporters",
    "told journalists",
    "said in a statement",
    "said in an interview",
    "pointed out",
    "went on",
    "made clear",
    "made it clear",
)


def _regular_forms(stem: str) -> tuple[str, ...]:
    stem = stem.rstrip("_")
    if stem.endswith("e"):
        base = stem[:-1]
        return (stem, stem + "s", stem + "d", base + "ing")
    if stem.endswith("y") and stem not in ("say",):
        if stem[-2] in "aeiou":
            return (stem, stem + "s", stem + "ed", stem + "ing")
        return (stem, stem[:-1] + "ies", stem[:-1] + "ied", stem + "ing")
    if stem in ("quip", "snap", "plead"):
        doubled = {"quip": "quipp", "snap": "snapp", "plead": "plead"}[stem]
        return (stem, stem + "s", doubled + "ed", doubled + "ing")
    if stem.endswith(("sh", "ch", "ss", "x")):
        return (stem, stem + "es", stem + "ed", stem + "ing")
    return (stem, stem + "s", stem + "ed", stem + "ing")


def _build() -> dict[str, str]:
    forms: dict[str, str] = {}
    for stem, inflected in _IRREGULAR.items():
        for form in inflected:
            forms[form] = stem
    for stem in _REGULAR:
        for form in _regular_forms(stem):
            forms.setdefault(form, stem.rstrip("_"))
    forms.pop("post", None)  # too often a noun
    forms.pop("report", None)
    forms.pop("state", None)
    forms.pop("answer", None)
    forms.pop("charge", None)
    forms.pop("cry", None)
    forms.pop("counter", None)
    forms.pop("comment", None)
    forms.pop("continue", None)
    return forms


#: Every cue word form -> its stem.
CUE_FORMS: dict[str, str] = _build()

#: Forms that need a finite reading to count ("to say" or "saying" alone is weak evidence).
_NON_FINITE = {f for f in CUE_FORMS if f.endswith("ing")}

_WORD = re.compile(r"[A-Za-z]+")
_PHRASE = re.compile(r"\b(?:" + "|".join(p.replace(" ", r"\s+") for p in PHRASES) + r")\b", re.I)


def cue_stem(word: str) -> str | None:
    """The stem of a cue word form, or None when the word is not a speech cue."""
    return CUE_FORMS.get(word.lower())


def is_finite_cue(word: str) -> bool:
    return cue_stem(word) is not None and word.lower() not in _NON_FINITE


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, stem) of each cue word or phrase in ``text[start:end]``, in order.

    Phrases win over the single words inside them ("according to", "told reporters").
    """
    end = len(text) if end is None else end
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for match in _PHRASE.finditer(text, start, end):
        words = match.group().lower().split()
        stem = "according" if words[0] == "according" else (cue_stem(words[0]) or words[0])
        found.append((match.start(), match.end(), stem))
        taken.append((match.start(), match.end()))
    for match in _WORD.finditer(text, start, end):
        if any(s <= match.start() < e for s, e in taken):
            continue
        stem = cue_stem(match.group())
        if stem is not None:
            found.append((match.start(), match.end(), stem))
    return sorted(found)


def has_cue(text: str, start: int = 0, end: int | None = None) -> bool:
    return bool(find_cues(text, start, end))


#: Verbs that frame a partial quote as someone's words ("called the plan "a serious step"").
FRAMING_FORMS = frozenset(
    """call calls called calling describe describes described describing label labels labeled
    labelled dub dubs dubbed brand brands branded characterize characterized characterise
    characterised term termed""".split()
)
