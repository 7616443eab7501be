"""The verbs and phrases that introduce speech, and how to find them in a stretch of text."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import pairwise

from wiredesk.quotes.patterns import trie_pattern, word_start

#: Reporting verbs by stem; each is matched with its inflections (say/says/said/saying).
_IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing", "written"),
    "speak": ("speak", "speaks", "spoke", "speaking"),
    "read": ("read", "reads"),  # a document's words: '"…," the letter reads'
}
_REGULAR = """add note stress warn insist argue explain ask reply respond continue recall
acknowledge admit announce assert claim comment conclude confirm declare emphasize emphasise
observe remark report state suggest tweet post predict promise vow urge caution complain
contend counter joke quip boast lament maintain muse pledge proclaim recount reiterate repeat
retort shout speculate testify thunder allege concede deny estimate exclaim mention answer
describe agree disclose grumble hint elaborate scoff sneer snap yell charge cry
reason concur plead bark press scream whisper""".split()
#: Verbs that frame words as someone's and report them only as written, never a clause of
#: what someone means: 'accused the union of "bad faith"' quotes, "accused him of lying"
#: reports no clause.
_QUOTING_ONLY = """accuse assure interject mock praise blast criticize criticise denounce decry
cite thank credit dismiss slam bemoan quote""".split()
#: Phrases that do the same ("as the minister put it, …", '"…," she shot back').
_QUOTING_PHRASES = ("put it", "puts it", "shot back", "fired back")
#: Stems whose base and -s forms are usually nouns: only "stated", "reported", … are cues.
_NOUN_STEMS = """post report state answer charge cry counter comment continue press""".split()
#: -s forms that are verbs after a name or pronoun but nouns after a determiner.
_AMBIGUOUS_S = frozenset(
    """claims notes remarks calls jokes pledges promises estimates vows tweets comments
    replies answers reports""".split()
)
#: What may stand right before such an -s form when it is a verb: a name, a pronoun or
#: an adverb ("Trump tweets", "she claims", "he repeatedly warns").
_SUBJECT_END = frozenset("he she it they who which that".split())

#: Verbs whose complement is commonly a reported clause ("X said that ..."): indirect speech.
CLAUSE_STEMS = frozenset(
    """say tell add note stress warn insist argue explain acknowledge admit announce assert
    claim conclude confirm declare emphasize emphasise observe report state suggest predict
    promise vow contend maintain allege concede deny estimate reiterate testify write
    complain caution agree disclose reason tweet""".split()
)

#: Cue stems of quoted words only (the clause model proposes no reported clause from them):
#: those above, a phrase's first word (its stem), and "read" ('"…," the letter reads', but
#: "please read the guides" reports nothing).
QUOTED_WORDS_ONLY = frozenset(
    ["read", *_QUOTING_ONLY, *(phrase.split()[0] for phrase in _QUOTING_PHRASES)]
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
    *_QUOTING_PHRASES,
)


#: Stems that double their last consonant before -ed and -ing.
_DOUBLING = frozenset("admit quip snap rebut regret submit commit concur".split())


def _regular_forms(stem: str) -> tuple[str, ...]:
    stem = stem.rstrip("_")
    if stem.endswith("e"):
        base = stem[:-1]
        return (stem, stem + "s", stem + "d", base + "ing")
    if stem.endswith("y") and stem not in ("say",):
        if stem[-2] in "aeiou":
            return (stem, stem + "s", stem + "ed", stem + "ing")
        return (stem, stem[:-1] + "ies", stem[:-1] + "ied", stem + "ing")
    if stem in _DOUBLING:
        doubled = stem + stem[-1]  # admit -> admitted, quip -> quipped
        return (stem, stem + "s", doubled + "ed", doubled + "ing")
    if stem.endswith(("sh", "ch", "ss", "x")):
        return (stem, stem + "es", stem + "ed", stem + "ing")
    return (stem, stem + "s", stem + "ed", stem + "ing")


def _build() -> dict[str, str]:
    forms: dict[str, str] = {}
    for stem, inflected in _IRREGULAR.items():
        for form in inflected:
            forms[form] = stem
    for stem in (*_REGULAR, *_QUOTING_ONLY):
        for form in _regular_forms(stem):
            forms.setdefault(form, stem.rstrip("_"))
    for stem in _NOUN_STEMS:
        # The base and -s forms are mostly nouns ("the report", "states"); the past is a verb.
        for form in _regular_forms(stem)[:2]:
            forms.pop(form, None)
    return forms


#: Every cue word form -> its stem.
CUE_FORMS: dict[str, str] = _build()


def cue_stem(word: str) -> str | None:
    """The stem of a cue word form, or None when the word is not a speech cue."""
    return CUE_FORMS.get(word.lower())


#: A form of "be" right before a cue: the passive ("is said to be divided").
_PASSIVE = re.compile(r"\b(?:is|was|are|were|be|been)\s+$", re.IGNORECASE)
#: How far before a cue the passive's "be" is looked for.
_PASSIVE_REACH = 16


def passive_before(text: str, floor: int, cue_start: int) -> bool:
    """Whether a cue is in the passive ("is said to be", "was told"), which reports nothing;
    read in the few characters before it, not from ``floor`` (the sentence's start)."""
    window = max(floor, cue_start - _PASSIVE_REACH)
    return _PASSIVE.search(text, window, cue_start) is not None


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, stem) of each cue word or phrase inside ``text[start:end]``, in order.

    Phrases win over the single words inside them ("according to", "told reporters"). The
    whole text is scanned once and kept, since attribution asks about many small windows.
    """
    index = _cue_index(text)
    end = len(text) if end is None else end
    first = bisect_left(index.starts, start)
    last = bisect_left(index.starts, end, first)
    found = index.cues[first:last]
    if found and found[-1][1] > end or not index.ordered_ends:
        return [cue for cue in found if cue[1] <= end]
    return found  # every cue ends by the last one's end: none runs past ``end``


class _CueIndex:
    __slots__ = ("cues", "ordered_ends", "starts")

    def __init__(self, cues: list[tuple[int, int, str]]) -> None:
        self.cues = cues
        self.starts = [c[0] for c in cues]
        #: Whether the ends rise with the starts (cues do not overlap), as they do.
        self.ordered_ends = all(a[1] <= b[1] for a, b in pairwise(cues))


@lru_cache(maxsize=4)
def _cue_index(text: str) -> _CueIndex:
    lowered = text.lower()
    if len(lowered) != len(text):
        # A letter whose lower case is longer (rare): fold it alone, keeping offsets.
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    runs = _letter_runs(lowered)
    for first_word in _PHRASE_FIRST.finditer(runs):
        match = _PHRASE_LOWER.match(lowered, first_word.start())
        if match is None:
            continue
        first = match.group().split()[0]
        stem = "according" if first == "according" else (cue_stem(first) or first)
        found.append((match.start(), match.end(), stem))
        taken.add(match.start())
    for form in _FORM_RUNS.finditer(runs):
        start, end = form.start(), form.end() - 1
        if start in taken:
            continue
        prev_start, prev_word = _previous_word(text, start)
        word = text[start:end]
        if word[:1].isupper() and prev_word[:1].isupper():
            continue  # part of a name: "United States", "Daily Report"
        lower_prev = prev_word.lower()
        if lower_prev in _NOUN_LEFT or text[start - 3 : start - 1] in _POSSESSIVE:
            continue  # a noun: "the claims", "his remarks", "Trump's tweet"
        if lower_prev == "so":
            continue  # "so-called", "so called"
        if lower_prev == "to" and _previous_word(text, prev_start)[1].lower() not in _SPEECH_CHAIN:
            continue  # an infinitive ("refusal to call"), unless "went on to say"
        if word in _AMBIGUOUS_S and not (
            prev_word[:1].isupper() or lower_prev in _SUBJECT_END or lower_prev.endswith("ly")
        ):
            continue  # "late-night tweets"
        found.append((start, end, CUE_FORMS[lowered[start:end]]))
    found.sort()
    return _CueIndex(found)


#: Every character but the ASCII lower-case letters, as a space (bytes.translate table).
_LETTERS_ONLY = bytes(ch if 97 <= ch <= 122 else 32 for ch in range(256))


def _letter_runs(lowered: str) -> bytes:
    """The runs of ASCII lower-case letters of a lower-cased text (what ``[a-z]+`` matches,
    whole), one byte per character and every other character a space, between two spaces:
    a word is then found whole as " word " by a pattern that opens with a space (which
    the engine skips to quickly), and an offset in it is one past the same one in the text."""
    # One byte per character (anything else becomes "?", then a space): offsets stay.
    return b" " + lowered.encode("ascii", "replace").translate(_LETTERS_ONLY) + b" "


def _previous_word(text: str, pos: int) -> tuple[int, str]:
    """Start and letters of the word before ``pos``, skipping spaces and punctuation."""
    end = pos
    while end > 0 and not text[end - 1].isalpha():
        end -= 1
        if pos - end > 12:
            return pos, ""
    start = end
    while start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
        start -= 1
    return start, text[start:end]


#: A cue form, or the first word of a phrase, standing whole in ``_letter_runs``: the space
#: before it is matched (where the match starts, the word starts in the text), the one
#: after it only looked at (it may open the next word).
_FORM_RUNS = re.compile(f" {trie_pattern(sorted(CUE_FORMS))}(?= )".encode("ascii"))
_PHRASE_FIRST = re.compile(
    f" {trie_pattern(sorted({p.split()[0] for p in PHRASES}))}(?= )".encode("ascii")
)
_PHRASE_LOWER = re.compile(
    "(?:"
    + "|".join(word_start([p.split()[0]]) + r"\s+" + r"\s+".join(p.split()[1:]) for p in PHRASES)
    + r")\b"
)


#: Words after which an -s form is a noun.
_NOUN_LEFT = frozenset(
    """the a an his their its our my your these those such other new some many several
    any no of whose recent earlier latest""".split()
)
_POSSESSIVE = ("'s", "\u2019s")
#: Verbs before "to" that keep the following cue a report of speech: "went on to say".
_SPEECH_CHAIN = frozenset("on continued continues proceeded proceeds went goes".split())


#: Verbs that frame a partial quote as someone's words ("called the plan "a serious step"").
FRAMING_FORMS = frozenset(
    """call calls called calling describe describes described describing label labels labeled
    labelled dub dubs dubbed brand brands branded characterize characterized characterise
    characterised term termed""".split()
)
