"""Speaker mentions a reader would point at: a name, a pronoun, or a description with its
head noun, never a clause.

The attribution shapes find the words before or after a cue by punctuation and stop words,
so now and then they take in a lead-in ("On September 27 they published…"), the verb of a
clause ("the Security Council issued a statement"), a relative pronoun ("a young woman
who") or a sentence adverb ("Still"). ``noun_phrase`` narrows such a span to the noun
phrase inside it, or rejects it, so that no clause is ever stored as a speaker mention.
"""

from __future__ import annotations

import re

from wiredesk.quotes.word_classes import finite_verb, never_heads

#: Pronouns that can be the subject of a reporting clause.
SUBJECT_PRONOUNS = frozenset("he she they we i it".split())
#: Words that end a noun phrase when they follow its head: relatives, conjunctions,
#: prepositions that start a complement the speaker does not need.
_CLAUSE_OPENERS = frozenset("who whom whose which that where when while because as".split())
_AUXILIARIES = frozenset(
    """is was are were be been being has have had did does do will would can could should
    may might must shall not cannot""".split()
)
#: Words a phrase cannot end on: it would be missing its head noun.
_DANGLING = frozenset(
    """for of to in on at by with from about into over under and or but nor the a an his
    her their its our my your this these those who whom whose which that as than""".split()
)
#: Words a phrase cannot start with: particles and prepositions of a verb before it.
_BAD_LEADS = frozenset(
    """out up off down away back over through about into onto upon from with for of to by
    at in on than as""".split()
)
#: Sentence adverbs and conjunctions that are capitalised at a sentence start.
_ADVERBS = frozenset(
    """still however meanwhile also instead then now but and yet so thus hence indeed
    moreover nevertheless nonetheless besides otherwise later earlier again here there
    today yesterday tonight afterward afterwards finally""".split()
)
_MONTHS = frozenset(
    """january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
#: Names of months and days: capitalised, and never anyone's name.
CALENDAR_WORDS = _MONTHS | _DAYS
#: Words of a time expression that opens a sentence ("On September 27", "Early Friday").
_TIME_LEAD = (
    _MONTHS
    | _DAYS
    | frozenset(
        """on in at during early late last next this that morning afternoon evening night
        week month year today yesterday tonight earlier later""".split()
    )
)
#: Words after which a verb-like word is a modifier, not a verb ("the embattled senator").
_DETERMINERS = frozenset(
    """the a an his her their its our my your this that these those some many several
    one two three another each every any no""".split()
)
_OBJECT_STARTS = _DETERMINERS | frozenset("by to out up".split()) | SUBJECT_PRONOUNS
#: Words that make a run of lead-in words a time expression rather than a description.
_TIME_NOUNS = (
    _MONTHS
    | _DAYS
    | frozenset("morning afternoon evening night week month year today yesterday tonight".split())
)
_ARTICLES = frozenset("the a an".split())
#: Words that go before an article inside one noun phrase ("all the members").
_QUANTIFIERS = frozenset("all both half such quite rather what".split())
_DASHES = re.compile(r"\s(?:--|\u2014|\u2013)\s?|\u2014")
_WORD = re.compile(r"\S+")
#: Words before an article that leave it opening a clause's subject ("a mechanism the
#: commission calls"), not a phrase inside the one before.
_NOT_BEFORE_SUBJECT = _DANGLING | _DETERMINERS | _QUANTIFIERS | _BAD_LEADS
#: Words that open a clause of their own or a phrase with a preposition, whatever the case:
#: what follows them ("If staff…", "Where the design…", "In a joint statement") is no speaker.
_NO_SPEAKER_LEADS = frozenset(
    """if where when while because although though whether unless until in at on for from
    with by around among amid during despite across against near without within via into
    through after before since once""".split()
)
#: A verb written onto the word before it ("they're", "we've", "didn't"); "'s" only after
#: words it cannot make possessive ("it's", "there's").
_CONTRACTION = re.compile(r"(?i)['\u2019](?:re|ve|ll|d|m)$|n['\u2019]t$")
_IS_CONTRACTED = frozenset("it that there here what who where how".split())
#: A number joined to a noun modifies the next word ("a three-hour", "a 400-page").
_NUMBER_COMPOUND = re.compile(
    r"(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred)-\w"
)


def _has_dash(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a character every ``_DASHES`` match has (most
    phrases have none, and three searches for one character cost less than the pattern)."""
    return (
        text.find("-", start, end) != -1
        or text.find("\u2014", start, end) != -1
        or text.find("\u2013", start, end) != -1
    )


def _bare(word: str) -> str:
    return word.strip(".,;:!?()[]\"'\u2019\u201c\u201d").lower()


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _is_time(word: str) -> bool:
    return _time_word(_bare(word))


def _time_word(bare: str) -> bool:
    """Whether a bare word (``_bare``) may belong to a time expression."""
    return bare in _TIME_LEAD or bare.isdigit() or bool(_ORDINAL.fullmatch(bare))


def _verb_like(word: str) -> bool:
    """A lower-case past or present participle form ("issued", "published", "meddling")."""
    bare = _bare(word)
    return word[:1].islower() and len(bare) > 4 and bare.endswith(("ed", "ing"))


#: Adverbs that stand after a subject, before its verb ("Carter however", "Priebus later").
_MIDDLE_ADVERBS = frozenset(
    """still however meanwhile also instead later earlier again today yesterday tonight
    afterward afterwards finally now""".split()
)
#: Irregular past forms that follow a subject as its verb ("his office put out").
_IRREGULAR_PAST = frozenset(
    """put sent made gave took went came got held kept left met ran saw set spoke thought
    brought began led found felt sat stood won lost paid chose drew sought fought bought
    taught caught struck spent built meant""".split()
)
#: Adverbs that come before a participle inside a noun phrase ("a textbook just published").
_PRE_VERB = frozenset("just not never once long far well".split())
#: Words ending in -ly that are nouns or adjectives, not adverbs.
_LY_WORDS = frozenset("family ally rally italy belly bully early only elderly holy july".split())


def _adverb(bare: str) -> bool:
    return len(bare) > 4 and bare.endswith("ly") and bare not in _LY_WORDS


def _ends_noun_phrase(words: list[tuple[int, int, str]], bares: list[str], index: int) -> bool:
    """Whether the lower-case word at ``index``, after a noun, starts the rest of the
    clause: an adverb ("her campaign quickly", "Carter however"), an irregular past verb
    ("his office put out"), or a past form ("the senator emailed supporters"). Before a
    participle that modifies the head ("a newly formed group", "the Senate's embattled
    leader") the phrase goes on."""
    previous = words[index - 1][2]
    bare, before = bares[index], bares[index - 1]
    if (
        before in _DETERMINERS
        or before in _DANGLING
        or before in _PRE_VERB
        or previous.endswith(("'s", "\u2019s"))
        or _adverb(before)
    ):
        return False
    if bare in _MIDDLE_ADVERBS or bare in _IRREGULAR_PAST:
        return True
    following = words[index + 1][2] if index + 1 < len(words) else ""
    if _adverb(bare):
        # "the campaign quickly", "Lee clearly erred"; not "a newly formed group"
        return not following or not following[:1].islower() or index + 2 >= len(words)
    return bare.endswith("ed") and len(bare) > 4


def _lead_in(words: list[tuple[int, int, str]], bares: list[str]) -> int:
    """How many words a leading time expression or sentence adverb takes ("On September 27
    they", "Still, the campaign"), ``bares`` being the words' ``_bare`` forms; all of them
    when nothing else is left."""
    lead = 0
    while lead < len(words) and _time_word(bares[lead]):
        lead += 1
    lead_words = set(bares[:lead])
    if lead == len(words) or not (lead_words & _TIME_NOUNS or any(w.isdigit() for w in lead_words)):
        lead = 0  # all of it a time expression: judged as a whole below
    while lead < len(words) and bares[lead] in _ADVERBS:
        lead += 1
    return lead


def _without_comma_lead(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Words after a lead-in set off by the first comma or colon: a phrase opened by a
    preposition or conjunction ("In a joint statement, the ministry"), an adverb or
    adjective with no name after it ("For now, a statement", "Better yet, they"; not
    "Democratic Sen. Chris Murphy, D-Conn."), or a dateline in capitals ("NEW DELHI: The
    ongoing agitation")."""
    for index, (_, _, word) in enumerate(words[:-1]):
        if not word.endswith((",", ":")):
            continue
        lead = words[: index + 1]
        first = _bare(lead[0][2])
        dateline = word.endswith(":") and all(w.upper() == w for _, _, w in lead)
        adverbial = first in _NO_SPEAKER_LEADS or (
            never_heads(first) and not any(w[:1].isupper() for _, _, w in lead[1:])
        )
        return words[index + 1 :] if dateline or adverbial else words
    return words


def _before_contraction(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Words before a verb written onto a word: "a team we've" -> "a team", "they're" ->
    "they"; "It's worth" leaves nothing (an expletive "it" is no one)."""
    for index, (w_start, _, word) in enumerate(words):
        if "'" not in word and "\u2019" not in word:
            continue  # no contraction without an apostrophe
        stripped = word.rstrip(".,;:!?")
        contracted = _CONTRACTION.search(stripped)
        is_contracted = (
            stripped[-2:] in ("'s", "\u2019s") and _bare(stripped[:-2]) in _IS_CONTRACTED
        )
        if not contracted and not is_contracted:
            continue
        if index or is_contracted or stripped.lower().endswith(("n't", "n\u2019t")):
            return words[:index]
        base = stripped[: contracted.start()] if contracted else stripped
        return [(w_start, w_start + len(base), base)]
    return words


def _name_starts(words: list[tuple[int, int, str]]) -> bool:
    """Whether the first two words are capitalised, as a name's are ("Via Rail")."""
    return len(words) > 1 and all(
        w.lstrip("\"'\u201c\u2018")[:1].isupper() for _, _, w in words[:2]
    )


def _after_leading_phrase(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The noun phrase after a leading prepositional phrase with no comma: it starts at a
    determiner right after a word that can end a phrase; empty when there is none."""
    closed = _DANGLING | _DETERMINERS | _QUANTIFIERS | _BAD_LEADS | _NO_SPEAKER_LEADS
    for index in range(2, len(words)):
        if _bare(words[index][2]) in _DETERMINERS and _bare(words[index - 1][2]) not in closed:
            return words[index:]
    return []


def _heads_nothing(word: str) -> bool:
    """Whether a lower-case last word leaves the phrase without its head noun ("A big",
    "Mexicans often", "a three-hour")."""
    bare = _bare(word)
    return word[:1].islower() and (never_heads(bare) or bool(_NUMBER_COMPOUND.match(bare)))


def noun_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The noun phrase a reader would point at inside ``text[start:end]``, or None.

    Offsets index ``text``. A pronoun subject inside a clause wins ("September 27 they
    published the results" -> "they"); otherwise the phrase is cut where a clause begins and
    trimmed of lead-ins and dangling words; what is left must end on a word that can head a
    noun phrase.
    """
    cut = list(_DASHES.finditer(text, start, end)) if _has_dash(text, start, end) else None
    if cut:
        start = cut[-1].end()  # "… the election -- meddling the congressman": the last part
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
    words = _before_contraction(_without_comma_lead(words))
    if not words:
        return None
    bares = [_bare(w) for _, _, w in words]
    if bares[0] in SUBJECT_PRONOUNS and len(words) > 1 and words[1][2][:1].islower():
        return words[0][0], words[0][0] + len(words[0][2].rstrip(".,;:"))  # "She met …"
    for index in range(1, len(words)):
        if bares[index] not in SUBJECT_PRONOUNS:
            continue
        w_start, _w_end, word = words[index]
        in_clause = word[:1].islower() and bares[index - 1] not in _DETERMINERS
        # "… after the polls close at 7 p.m. He": a sentence the abbreviation hid
        if in_clause or words[index - 1][2].endswith("."):
            return w_start, w_start + len(word.rstrip(".,;:"))
    lead = _lead_in(words, bares)
    words, bares = words[lead:], bares[lead:]
    if not words:
        return None  # "early Friday", "Still"
    if _verb_like(words[0][2]) and len(words) > 1 and bares[1] in _DETERMINERS:
        words, bares = words[1:], bares[1:]  # "meddling the California congressman"
    for index in range(1, len(words)):
        word = words[index][2]
        if not word[:1].islower():
            continue
        bare, previous = bares[index], bares[index - 1]
        if bare in _CLAUSE_OPENERS or bare in _AUXILIARIES:
            words = words[:index]
            break
        possessor = previous.endswith(("'s", "\u2019s"))
        if finite_verb(bare) and previous not in _DETERMINERS and not possessor:
            words = words[:index]  # "Rainfall occurs everywhere": the verb of a clause
            break
        follower = bares[index + 1] if index + 1 < len(words) else ""
        participle = len(bare) > 4 and bare.endswith(("ed", "ing"))  # _verb_like
        if participle and previous not in _DETERMINERS and follower in _OBJECT_STARTS:
            words = words[:index]  # "the Security Council issued a statement"
            break
        if _ends_noun_phrase(words, bares, index):
            words = words[:index]  # "the senator emailed supporters", "her campaign quickly"
            break
    for index in range(1, len(words) - 1):
        if bares[index] in ("on", "in", "at", "last", "this") and _is_time(words[index + 1][2]):
            if bares[index] != "in" or _bare(words[index + 1][2]) in _TIME_NOUNS:
                words = words[:index]  # "The mayor on Tuesday": the time is no part of it
                break
    for index in range(len(words) - 1, 0, -1):
        previous = words[index - 1][2]
        if (
            bares[index] in _ARTICLES
            and previous.isalpha()
            and previous.islower()
            and bares[index - 1] not in _NOT_BEFORE_SUBJECT
        ):
            words = words[index:]  # "a mechanism the commission (calls)": a clause's subject
            bares = bares[index:]
            break
    while words and (bares[len(words) - 1] in _DANGLING or _heads_nothing(words[-1][2])):
        words.pop()
    if not words:
        return None
    first, last = bares[0], bares[len(words) - 1]
    if words[0][2][:1].islower() and (first in _BAD_LEADS or first in _AUXILIARIES):
        return None
    if first in _NO_SPEAKER_LEADS and not _name_starts(words):
        # "At the convention in Cleveland his operatives" -> "his operatives"; none in "In a
        # joint statement", "If staff", "Where the design", "around Idlib"
        words = _after_leading_phrase(words)
        if not words:
            return None
    if (len(words) > 1 or words[0][2][:1].islower() or last in _DAYS) and all(
        _is_time(w) for _, _, w in words
    ):
        return None  # "early Friday", "September 27"
    phrase_start, phrase_end = words[0][0], words[-1][1]
    trailing = ',;:!?([]"\u201c\u201d' + ("" if "(" in text[phrase_start:phrase_end] else ")")
    while phrase_end > phrase_start and text[phrase_end - 1] in trailing:
        phrase_end -= 1
    return (phrase_start, phrase_end) if phrase_end > phrase_start else None


#: Relative pronouns that can be the subject of a cue ("Beck, who said", "the report, which
#: notes"): the mention is the pronoun, as it is for "he"; whom it means is the phrase before.
RELATIVE_PRONOUNS = frozenset({"who", "which"})
_NP_STARTS = _DETERMINERS - {"one", "two", "three", "no", "any", "each", "every"}
_ANTECEDENT_WORDS = 12
#: Prepositions that start a complement the antecedent is not ("a response from X, who").
_LINKS = frozenset("from at to by with for against about like as than".split())


def relative_antecedent(text: str, pos: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at ``pos`` refers to, or None.

    The phrase ends right before the pronoun (past its comma) and starts at its article or
    owner ("a lecture from the Mexican president, who" -> "the Mexican president"; "the head
    of the committee, who" keeps "of the committee"), or, with none, at the run of
    capitalised words that ends there ("endorsed Indiana Gov. Mike Pence, who" -> "Indiana
    Gov. Mike Pence").
    """
    floor = max(text.rfind("\n", 0, pos) + 1, pos - 200)
    end = pos
    while end > floor and text[end - 1] in " \t\u00a0,":
        end -= 1
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, floor, end)]
    taken: list[tuple[int, int, str]] = []
    for word in reversed(words):
        raw = word[2]
        if taken and (
            raw.endswith((",", ";", ":", ")", '"', "\u201d"))
            or raw[-1:] in ".!?"
            and not _abbreviated(raw)
        ):
            break
        if _bare(raw) in _CLAUSE_OPENERS | {"and", "but", "or"} or len(taken) >= _ANTECEDENT_WORDS:
            break
        taken.append(word)
    taken.reverse()
    if not taken:
        return None
    start_at = _phrase_start(taken)
    for i in range(len(taken) - 2, start_at - 1, -1):
        bare = _bare(taken[i][2])
        if bare in _AUXILIARIES or bare in _LINKS or (_verb_like(taken[i][2]) and i > start_at):
            start_at = i + 1  # "a harsh response from Donald Trump Jr., who"
            break
    start, stop = taken[start_at][0], taken[-1][1]
    while stop > start and text[stop - 1] in ",;:":
        stop -= 1
    return (start, stop) if stop > start else None


def _abbreviated(word: str) -> bool:
    """A title or initial ending in a period ("Gov.", "E.", "Jr."), not a sentence end."""
    bare = word.rstrip(".")
    return len(bare) <= 3 and bare[:1].isupper() or "." in bare


def _phrase_start(words: list[tuple[int, int, str]]) -> int:
    """Where the antecedent starts among the words before the pronoun: at its last article
    or owner, taking in the phrase an "of" complement or an owner belongs to ("the head of
    the committee", "the party's chairman"), else at the capitalised run that ends the words
    ("Sen. Marco Rubio of Florida")."""
    bares = [_bare(w) for _, _, w in words]
    starts = [
        i
        for i, (_, _, word) in enumerate(words)
        if bares[i] in _NP_STARTS or word.endswith(("'s", "\u2019s"))
    ]
    if starts:
        at = starts[-1]
        for before in reversed(starts[:-1]):
            between = bares[before + 1 : at]
            if between and between[-1] != "of":
                break
            at = before
        return at
    at = len(words)
    while at > 0 and (
        words[at - 1][2][:1].isupper() or (bares[at - 1] == "of" and at < len(words) and at > 1)
    ):
        at -= 1
    while at < len(words) - 1 and bares[at] == "of":
        at += 1
    return min(at, len(words) - 1)
