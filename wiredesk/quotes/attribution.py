"""Find the cue and the speaker phrase that attribute a stretch of text.

Works on words and punctuation near the quote rather than on a parse: wire attribution is
formulaic ("…," she said / said Brandt / Brandt, the vice-president, said: / according to X),
so a few shapes cover most of it and stay fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from wiredesk.quotes.cues import CUE_FORMS, cue_stem, find_cues
from wiredesk.quotes.layout import is_abbreviation
from wiredesk.quotes.marks import ALL_MARKS, has_speech_mark
from wiredesk.quotes.mentions import RELATIVE_PRONOUNS, noun_phrase
from wiredesk.quotes.speakers import NOT_TITLES, TITLE_POSTS
from wiredesk.quotes.word_classes import finite_verb

#: Words that can sit between a subject and its cue ("she later said", "he has argued").
BETWEEN = frozenset(
    """also later then again previously recently once repeatedly reportedly publicly
    privately quickly simply flatly bluntly has have had was would will could might may
    did does do has already often frequently further subsequently separately earlier
    angrily calmly firmly softly quietly told since long even never repeatedly now still
    just ever first finally""".split()
)
#: Verbs chaining to a cue through "to"/"by": "went on to say", "began by saying".
CHAIN = frozenset(
    """to by on go goes went going begin began begins continue continued continues want
    wanted wants try tried tries proceed proceeded used went seem seemed seems refuse
    refused decline declined""".split()
)
#: Words that end a subject phrase when walking back from a cue.
STOP = frozenset(
    """that and but because while when as after before since if although though which so
    than or nor where whom whose what how why until unless whether""".split()
)
#: Lead-ins that are not part of the speaker ("On Tuesday the minister said").
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    morning afternoon evening night week month year earlier later recently""".split()
)
MAX_SUBJECT_WORDS = 10
_WORD = re.compile(r"\S+")
_TOKEN = re.compile(r"[\w'\u2019.&-]+|[^\w\s]")
_OWNER = re.compile(r"\w+['\u2019]s")
#: A short attribution that ends its sentence: ', she said.'
_SHORT_TAIL = re.compile(r"\s*(?:\w+\s*){0,4}[.!?]")
#: Punctuation and space between a closing mark and its attribution.
_LEAD_AFTER = re.compile(r"[\s,\u2014\u2013-]*")
_NEXT_SENTENCE = re.compile(r"[.!?]\s+[A-Z]")
_BOUNDARY = set(",;:.!?()[]{}" + ALL_MARKS + "\u2014\u2013")


@dataclass(frozen=True)
class Attribution:
    cue_start: int
    cue_end: int
    speaker_start: int
    speaker_end: int
    inverted: bool = False

    def cue(self, text: str) -> str:
        return " ".join(text[self.cue_start : self.cue_end].split())


def _breaks(text: str, start: int, end: int, stops: str) -> bool:
    """Whether ``text[start:end]`` holds a stop other than an abbreviation's period."""
    depth = 0
    for pos in range(start, end):
        ch = text[pos]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in stops and not depth and not (ch == "." and is_abbreviation(text, pos)):
            return True  # periods inside "(D-Md.)" do not end the sentence
    return False


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _subject_words(
    tokens: list[tuple[int, int, str]], i: int
) -> tuple[list[tuple[int, int, str]], int]:
    """The words ending at token ``i``, back to a boundary, a stop word or a speech verb
    (at most MAX_SUBJECT_WORDS), in reading order; and the index before them."""
    words: list[tuple[int, int, str]] = []
    while i >= 0 and len(words) < MAX_SUBJECT_WORDS:
        token = tokens[i][2]
        lower = token.lower()
        if lower in STOP or lower in CUE_FORMS or _is_boundary(token):  # a stop, a cue
            break
        words.append(tokens[i])
        i -= 1
    words.reverse()
    return words, i


def _is_boundary(token: str) -> bool:
    return token in _BOUNDARY or (len(token) == 1 and not token.isalnum() and token != "'")


def _is_adverb(token: str) -> bool:
    return token.endswith("ly") and token.islower() and len(token) > 4 and token not in _NOT_ADVERB


_NOT_ADVERB = frozenset("family italy july rally ally supply reply".split())


def _skip_parenthesis(tokens: list[tuple[int, int, str]], i: int) -> int:
    """Step back over a parenthetical such as a party tag: "Paul (R-Ky.) said"."""
    if i >= 0 and tokens[i][2] == ")":
        j = i - 1
        while j >= 0 and tokens[j][2] != "(" and i - j < 8:
            j -= 1
        if j >= 0 and tokens[j][2] == "(":
            return j - 1
    return i


@lru_cache(maxsize=512)  # asked again by the rules and the reported-clause model
def subject_before(text: str, cue_start: int, floor: int) -> tuple[int, int] | None:
    """Span of the subject phrase that ends right before the cue, or None.

    Handles apposition: "Brandt, the commission's vice-president, said" gives "Brandt";
    "the Vatican spokesman, Federico Lombardi, said" gives the whole phrase, so the name
    inside it is what the speaker resolves to.
    """
    tokens = _tokens(text, floor, cue_start)
    i = len(tokens) - 1
    if i >= 0 and tokens[i][2].lower() in ("to", "by"):
        # "goes on to say", "began by saying": the subject is before the verb chain.
        while i >= 0 and (tokens[i][2].lower() in CHAIN or tokens[i][2].lower() in BETWEEN):
            i -= 1
    while i >= 0 and (tokens[i][2].lower() in BETWEEN or _is_adverb(tokens[i][2])):
        i -= 1  # "she later said", "He memorably promised"
    i = _skip_parenthesis(tokens, i)
    appositive_end: int | None = None
    consumed = 0
    # Appositions between subject and cue: "Brandt, the commission's vice-president, said",
    # "Ayrault, the foreign minister of France, a permanent member…, said".
    while i >= 0 and tokens[i][2] == "," and consumed < 3:
        j = i - 1
        while j >= 0 and not _is_boundary(tokens[j][2]):
            j -= 1
        if j < 0 or tokens[j][2] != ",":
            if consumed:
                break  # what lies before is the subject itself
            return None
        if i - j - 1 > 14:
            return None
        appo = tokens[j + 1][2] if j + 1 < i else ""
        if appo.lower() in ("the", "a", "an", "who", "whose", "which") or appo[:1].islower():
            pass
        elif appo[:1].isdigit():
            pass  # an age: "Ramos, 58, told"
        elif appo[:1].isupper() and not consumed:
            appositive_end = i - 1  # a name after a description: "the spokesman, Lombardi,"
        elif appo[:1].isupper():
            break
        else:
            return None
        consumed += 1
        i = j
    if consumed:
        i -= 1
    if i >= 0 and tokens[i][2] == ",":
        return None
    i = _skip_parenthesis(tokens, i)
    end_index = i
    words, i = _subject_words(tokens, i)
    if not words or end_index < 0:
        return None
    words = _joined_description(tokens, words, i)
    relative = _relative_subject(words)
    if relative is not None:
        return relative
    if words[0][2].lower() in RELATIVE_PRONOUNS:
        words = words[1:]  # "Bannon, who Beck called …": Beck is the subject
    while words and (words[0][2].lower() in TIME_WORDS or words[0][2].lower() in ("on", "in")):
        words.pop(0)
    if not words:
        return None
    start, end = words[0][0], words[-1][1]
    lead = words[0][2]
    described = lead.lower() in _DETERMINERS or lead[:1].islower() or lead.endswith(_POSSESSIVE)
    if appositive_end is not None and described:
        end = tokens[appositive_end][1]  # "the spokesman, Federico Lombardi,"
    return (start, end) if plausible_speaker(text, start, end) else None


def _joined_description(
    tokens: list[tuple[int, int, str]], words: list[tuple[int, int, str]], i: int
) -> list[tuple[int, int, str]]:
    """One description of two posts joined by "and" under one article ("the former
    secretary of state and current Democratic presidential nominee said"), whole; two
    people ("Trump and Clinton", "the senator and her aide") stay as found."""
    if i < 1 or tokens[i][2].lower() != "and" or words[0][2].lower() in _DETERMINERS:
        return words
    first, _ = _subject_words(tokens, i - 1)
    if not first or first[0][2].lower() not in ("the", "a", "an") or not words[-1][2].islower():
        return words  # the second ends with a post's noun, not a name ("and China")
    if len(first) + 1 + len(words) > MAX_SUBJECT_WORDS + 4:
        return words
    return [*first, tokens[i], *words]


def _relative_subject(words: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """The relative pronoun of an apposition when it is the cue's subject ("Beck, who
    said", "the report, which notes"), as a pronoun is: whom it means is resolved from the
    phrase before it. Not when another subject follows it ("Bannon, who Beck called"); nor
    a restrictive "who" ("an architect who said he was stiffed"), which often sits in a
    clause inside the sentence whose cue is another's."""
    if words[0][2].lower() not in RELATIVE_PRONOUNS:
        return None
    rest = [w for w in words[1:] if w[2].lower() not in TIME_WORDS | {"on", "in", "at", "last"}]
    if rest and (rest[0][2][:1].isupper() or rest[0][2].lower() in PRONOUNS):
        return None
    return words[0][0], words[0][1]


@lru_cache(maxsize=512)
def phrase_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase starting at ``pos`` (inverted speaker, "according to" source)."""
    words: list[tuple[int, int, str]] = []
    for match in _TOKEN.finditer(text, pos, limit):  # the phrase ends within a few words
        word = match.group()
        token = (match.start(), match.end(), word)
        if _is_boundary(word) or word.lower() in STOP:
            break
        if words and (word.lower() in ("on", "in", "at", "during") or cue_stem(word)):
            break
        words.append(token)
        if len(words) >= MAX_SUBJECT_WORDS:
            break
    if not words or words[0][2].lower() in TIME_WORDS | {"on", "in", "at", "to"}:
        return None
    start, end = words[0][0], words[-1][1]
    return (start, end) if plausible_speaker(text, start, end) else None


#: Words that make a phrase a clause or an adverbial rather than someone who speaks.
_NOT_IN_SPEAKER = frozenset(
    """is was are were be been being has have had did does do will would can could should
    not may might must shall than if""".split()
)
_PREPOSITIONS = frozenset("for at by to on in with from about into over under as".split())
_POSSESSIVE = ("'s", "\u2019s")
PRONOUNS = frozenset("he she they i we it you who one".split())
_DETERMINERS = frozenset(
    """the a an his her their its our my your this that these those another some many
    several one two three four five both all each every most few other any""".split()
)


def plausible_speaker(text: str, start: int, end: int) -> bool:
    """Whether a phrase can name whoever speaks: a name, a pronoun, a described person or
    group ("the minister", "senior officials"), not a clause fragment ("did not")."""
    words = [w.strip(".,;:()\u2019'\"") for w in text[start:end].split()]
    words = [w for w in words if w]
    if not words:
        return False
    lower = [w.lower() for w in words]
    if any(w in _NOT_IN_SPEAKER for w in lower) or lower[0] in _PREPOSITIONS:
        return False
    first = words[0]
    if len(words) == 1:
        if lower[0] in PRONOUNS or first[:1].isupper():
            return True
        return lower[0].endswith("s") and not lower[0].endswith("ly") and len(lower[0]) > 3
    if first[:1].isupper() or lower[0] in _DETERMINERS:
        return True
    if any(w[:1].isupper() for w in words[1:]):
        return True  # "former Obama adviser David Axelrod"
    if _OWNER.fullmatch(first):
        return True  # "Trayvon's father"
    return len(words) <= 3 and lower[-1].endswith("s") and not lower[-1].endswith("ly")


#: An epigraph's source after the quote: '"…" ― Francisco Herrero'.
_BYLINE_DASH = re.compile(r"[ \t\u00a0]*[\u2015\u2014][ \t\u00a0]*")


def after_quote(text: str, pos: int, limit: int, closed: bool = False) -> Attribution | None:
    """Attribution right after a closing mark: ', she said', ' said Brandt', ', Brandt noted.'

    ``closed`` says the quote ended its own sentence ('…ready."'); then only a short
    attribution that ends right there counts, not the subject of the next sentence.
    """
    dash = _BYLINE_DASH.match(text, pos, limit)
    if dash is not None and dash.group().strip():
        name = phrase_after(text, dash.end(), limit)
        if name is not None and text[name[0]].isupper():
            return Attribution(dash.start(), dash.end(), name[0], name[1], inverted=True)
    found = _after_quote(text, pos, limit)
    if found is None or not closed:
        return found
    tail = text[max(found.cue_end, found.speaker_end) : limit]
    if len(tail.split()) > 4 or not _SHORT_TAIL.match(tail):
        return None
    return found


def _after_quote(text: str, pos: int, limit: int) -> Attribution | None:
    start = _LEAD_AFTER.match(text, pos, max(pos, limit)).end()
    window_end = min(limit, start + 160)
    cues = find_cues(text, start, window_end)
    if not cues:
        return None
    c_start, c_end, stem = cues[0]
    before = text[start:c_start]
    if _breaks(text, start, c_start, ".;!?:") or has_speech_mark(before):
        return None
    if not before.strip():
        if stem == "tell":
            return None  # "told reporters": what follows is the listener
        span = phrase_after(text, c_end, window_end)
        if span is None:
            return None
        return Attribution(c_start, c_end, span[0], span[1], inverted=True)
    span = subject_before(text, c_start, start)
    if span is None or len(text[start:c_start].split()) > MAX_SUBJECT_WORDS + 10:
        return None
    return Attribution(c_start, c_end, span[0], span[1])


def before_quote(text: str, floor: int, pos: int) -> Attribution | None:
    """Attribution leading into a quote: 'Brandt said: "', 'she told reporters that "'."""
    cues = [c for c in find_cues(text, floor, pos) if not _inside_marks(text, floor, c[0])]
    if not cues:
        return None
    c_start, c_end, stem = cues[-1]
    gap = text[c_end:pos]
    gap_words = gap.split()
    ends_open = gap.rstrip().endswith((",", ":")) or not gap.strip()
    if _breaks(text, c_end, pos, ".!?;") or has_speech_mark(gap):
        return None
    if not ends_open and len(gap_words) > 3:
        return None
    if len(gap_words) > 10:
        return None
    if stem == "according":
        span = phrase_after(text, c_end, pos)
        if span is None:
            return None
        return Attribution(c_start, c_end, span[0], span[1], inverted=True)
    if text[c_start:c_end].lower().endswith("ing") and text[:c_start].rstrip().endswith(","):
        # '…, saying, "…"': the participle shares the subject of the verb it hangs on.
        for p_start, p_end, _stem in reversed(cues[:-1]):
            if text[p_start:p_end].lower().endswith("ing"):
                continue
            span = subject_before(text, p_start, floor) or phrase_after(text, p_end, c_start)
            if span is not None:
                return Attribution(c_start, c_end, span[0], span[1])
        return None  # the sentence's subject: left to the caller, which knows the mentions
    span = subject_before(text, c_start, floor)
    if span is None:
        # Inverted lead-in: 'Said Brandt: "…"' or 'added the minister, "…"'.
        span = phrase_after(text, c_end, pos)
        if span is None:
            return None
        return Attribution(c_start, c_end, span[0], span[1], inverted=True)
    return Attribution(c_start, c_end, span[0], span[1])


_SUBJECT_LEAD = re.compile(
    r"\s*(?:(?:(?:and|but|yet|so|still|then|now|later|also|meanwhile|instead|however)\b|"
    r"(?:on|in|at|after|during|since|asked|[a-z]+ing)\s+[^,;:.]{1,60},)[\s,]*)*",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(r"(He|She|They|I|We|It)\b")


#: How far into a sentence its opening subject may start: after capitalised words
#: ("Sen. Ted Cruz"), or further after a title in lower case.
_NAMED_REACH = 30
_SUBJECT_REACH = 50
_TITLE_WORDS_BEFORE = 4
_NOT_IN_TITLES = NOT_TITLES | {"a", "an"}


def _is_title(words: list[str]) -> bool:
    """Words that make a title before a name: a post, with capitalised or plain modifiers
    ("Democratic presidential nominee", "Former state senator"), no verb or preposition."""
    return (
        0 < len(words) <= _TITLE_WORDS_BEFORE
        and words[-1].lower() in TITLE_POSTS
        and all(w.replace("-", "").isalpha() for w in words)
        and not any(w.lower() in STOP or w.lower() in _NOT_IN_TITLES for w in words)
    )


def sentence_subject(text: str, floor: int, pos: int, mentions: list) -> tuple[int, int] | None:
    """Fallback speaker: the person, organisation or pronoun the sentence opens with."""
    lead = _SUBJECT_LEAD.match(text, floor, pos)
    start = lead.end() if lead else floor
    pronoun = _PRONOUN_SUBJECT.match(text, start, pos)
    if pronoun:
        return pronoun.start(), pronoun.end()
    for mention in mentions:
        if mention.start_char > start + _SUBJECT_REACH or mention.end_char > pos:
            break
        if mention.start_char >= start and mention.type in ("PERSON", "ORG"):
            words_before = text[start : mention.start_char].split()
            if (
                mention.start_char <= start + _NAMED_REACH
                and len(words_before) <= 3
                and all(w[:1].isupper() for w in words_before)
            ) or (mention.type == "PERSON" and _is_title(words_before)):
                if mention.type == "ORG":
                    titled = _titled_person(text, mention.end_char, pos, mentions)
                    if titled is not None:
                        return titled
                return mention.start_char, mention.end_char  # "Sen. Ted Cruz", "The RNC"
    return None


#: Words that open a description of whoever speaks ("The ad", "His campaign", "A staffer").
_DESCRIPTION_OPENERS = frozenset("the a an his her their its our one this that".split())
_OPENING_WORDS = 8
_NOT_OWNERS = frozenset("he she it that there here what who let where".split())


def opening_description(text: str, floor: int, pos: int) -> tuple[int, int] | None:
    """The description a sentence opens with, as the subject of its verb ("The ad claims
    …", "His campaign protested that …", "The Florida senator is telling reporters …"), or
    None when the sentence does not open with an article or owner and a noun before a verb.

    A partial quote with no cue in its sentence is most often that subject's wording."""
    lead = _SUBJECT_LEAD.match(text, floor, pos)
    start = lead.end() if lead else floor
    found = islice(_WORD.finditer(text, start, pos), _OPENING_WORDS + 1)  # read no further
    words = [(m.start(), m.end(), m.group()) for m in found]
    if len(words) < 3:
        return None
    first = words[0][2]
    owner = (
        first.endswith(("'s", "\u2019s"))
        and first[:1].isupper()
        and first[:-2].lower() not in _NOT_OWNERS  # "He's claiming", "That's"
    )
    if first.lower() not in _DESCRIPTION_OPENERS and not owner:
        return None
    end = words[-1][1]
    for i in range(2, len(words)):
        word, before = words[i][2], words[i - 1][2]
        if (
            word.islower()
            and word.isalpha()
            and word.endswith("s")
            and not word.endswith(("ss", "us", "is"))
            and not before.endswith("s")
            and before.isalpha()
            and not _auxiliary_next(words, i)  # "The final results aren't in"
        ):
            end = words[i][0]  # "The ad claims": a verb after a singular head
            break
        if _tensed_verb(word) and _may_end_subject(before):
            end = words[i][0]  # "The piece used …": a verb with a tense after its head
            break
    span = noun_phrase(text, start, end)
    if span is None or span[0] != start or span[1] >= words[-1][1]:
        return None
    if any(ch in text[span[0] : span[1]] for ch in ",;:()"):
        return None
    return span


def _tensed_verb(word: str) -> bool:
    """A verb with a tense: one the tagged corpus nearly always tags so ("took", "says",
    ``word_classes``), or a word in "-ed" (most past forms)."""
    return (
        word.isalpha()
        and word.islower()
        and ((word.endswith("ed") and len(word) > 3) or finite_verb(word))
    )


def _may_end_subject(word: str) -> bool:
    """Whether a verb may follow ``word`` as its subject's last word: not after an adverb,
    an article or a preposition ("newly elected", "of registered voters")."""
    lowered = word.lower()
    return (
        word.isalpha()
        and not lowered.endswith("ly")
        and lowered not in _DESCRIPTION_OPENERS
        and lowered not in STOP
        and lowered not in _NOT_IN_TITLES
    )


def _auxiliary_next(words: list[tuple[int, int, str]], i: int) -> bool:
    """Whether the word after ``words[i]`` is an auxiliary, so ``words[i]`` is a noun."""
    if i + 1 >= len(words):
        return False
    following = words[i + 1][2].lower().replace("\u2019", "'")
    return following.split("'")[0] in _NOT_IN_SPEAKER or following.endswith("n't")


def _titled_person(text: str, end: int, pos: int, mentions: list) -> tuple[int, int] | None:
    """The person an organisation's name is a title of: "Senate Majority Leader Mitch
    McConnell" opens with the Senate but names McConnell."""
    for mention in mentions:
        if mention.start_char < end:
            continue
        if mention.start_char > end + 50 or mention.end_char > pos:
            break
        between = text[end : mention.start_char].split()
        if not all(w[:1].isupper() for w in between) or len(between) > 4:
            break
        if mention.type == "PERSON":
            return mention.start_char, mention.end_char
    return None


def _inside_marks(text: str, floor: int, pos: int) -> bool:
    """Whether an odd number of double marks precede ``pos`` since ``floor`` (inside a quote)."""
    segment = text[floor:pos]
    return sum(segment.count(m) for m in '"\u201c\u201d\u201e\u00ab\u00bb') % 2 == 1


def is_attribution_only(text: str, start: int, end: int) -> Attribution | None:
    """Whether the gap between two quotes is just their attribution (an interrupted quote)."""
    gap = text[start:end]
    if "\n" in gap or len(gap.split()) > 14 or not gap.strip(" ,.:;\u00a0\u2014\u2013-"):
        return None
    if not gap.rstrip().endswith((",", ":", ";", "\u2014", "\u2013", "-")):
        return None  # '…," he said on "Meet the Press."': the second stretch is a title
    attribution = after_quote(text, start, end)
    if attribution is None:
        return None
    rest = text[max(attribution.cue_end, attribution.speaker_end) : end]
    rest_words = rest.strip(" ,.:;\u00a0\u2014\u2013-").split()
    if len(rest_words) > 6:
        return None
    return attribution


def is_attribution_sentence(text: str, start: int, end: int) -> Attribution | None:
    """Whether the gap between two quotes is one sentence attributing the first of them.

    Wire copy continues a speaker's words after the attribution sentence ('"…," she said
    after the vote. "…"'); the quote after it belongs to the same statement.
    """
    gap = text[start:end]
    if "\n" in gap or has_speech_mark(gap) or len(gap.split()) > 45:
        return None
    body = gap.rstrip()
    if not body.endswith((".", "!", "?")) or any(ch in body[:-1] for ch in "!?;"):
        return None
    attribution = after_quote(text, start, end)
    if attribution is None or attribution.cue_start - start > 80:
        return None
    tail = text[max(attribution.cue_end, attribution.speaker_end) : start + len(body) - 1]
    if _NEXT_SENTENCE.search(tail):
        return None  # a second sentence follows the attribution
    return attribution


#: Verbs of showing and saying that follow a subject in the present or past, besides the
#: speech cues: "The letter continues", "A footnote in the report makes (that clear)".
_SUBJECT_VERBS = frozenset(
    """continues shows showed makes made reads finds found puts gives gave offers offered
    includes included contains contained calls called describes described""".split()
)


def _before_verb(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The words of a sentence's opening phrase before the verb it is the subject of: a
    noun phrase ends at its verb ("The letter continues" -> "The letter", "At least half of
    voters in each state say" -> "At least half of voters in each state"). A verb right
    after a determiner is a noun ("the calls"), and the phrase is kept whole."""
    later = text[start:end].split()[1:]
    if _OPENING_VERBS.isdisjoint(w.strip(".,;:") for w in later) and not any(
        map(_tensed_verb, later[1:])
    ):
        return start, end  # most openings: no verb among their words
    words = list(_WORD.finditer(text, start, end))
    for index in range(1, len(words)):
        word = words[index].group()
        before = words[index - 1].group()
        if word.strip(".,;:") not in _OPENING_VERBS and not (
            index >= 2 and _tensed_verb(word) and _may_end_subject(before)
        ):
            continue  # "An early tweet": a cue's bare form is often a noun
        if before.lower() in _DETERMINERS_BEFORE_NOUN:
            continue
        stop = words[index - 1].end()
        while stop > start and text[stop - 1] in ",;:":
            stop -= 1
        return (start, stop) if stop > start else None
    return start, end


#: Cue stems whose bare form after a subject is a verb, not a noun ("voters say").
_PLAIN_VERBS = frozenset("say tell argue insist agree warn explain".split())
#: The verb forms written in lower case that end an opening phrase: the speech cues in an
#: inflected form ("says", "said") or the bare forms above, and the verbs of showing.
_OPENING_VERBS = _SUBJECT_VERBS | frozenset(
    form for form, stem in CUE_FORMS.items() if form != stem or form in _PLAIN_VERBS
)
_DETERMINERS_BEFORE_NOUN = frozenset("the a an his her their its our my your this that".split())


def clause_subjects(
    text: str, floor: int, pos: int
) -> tuple[tuple[int, int] | None, list[tuple[int, int]]]:
    """Phrases of the sentence before a quote that may be whoever it quotes, besides the
    attribution the rules chose: the noun phrase the sentence opens with, as the subject of
    whatever verb follows ("The audience in the East Room echoed "too many"", "A letter
    from the Legion warns that "…"", "The report: "…""), and the subject of each speech
    verb between ("the groups, which say", "it reads"): (opening phrase or None, the cues'
    subjects in reading order)."""
    found: list[tuple[int, int]] = []
    lead = _SUBJECT_LEAD.match(text, floor, pos)
    start = lead.end() if lead else floor
    opening = None
    if start < pos:
        words = list(islice(_WORD.finditer(text, start, pos), _OPENING_WORDS + 4))
        # a subject longer than a dozen words is not read: the phrase must end before it
        opening = noun_phrase(text, start, words[-1].end()) if words else None
        if opening is not None and (opening[0] != start or opening[1] >= words[-1].end()):
            opening = None
        if opening is not None:
            opening = _before_verb(text, *opening)
    for cue_start, _cue_end, _stem in find_cues(text, floor, pos):
        if _inside_marks(text, floor, cue_start):
            continue
        span = subject_before(text, cue_start, floor)
        if span is not None and span not in found:
            found.append(span)
    return opening, found
