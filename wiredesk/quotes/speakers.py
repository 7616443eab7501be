"""Who a speaker phrase means within one article: names, surnames, roles, pronouns, groups.

Resolution only uses the article's own entity mentions (the pipeline ran the recogniser
already) plus the words around them, since wire stories introduce a person once in full
("Foreign Minister Amara Oyelaran") and then use a surname, a role or a pronoun.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from wiredesk.entities import Mention, first_name_gender
from wiredesk.quotes.layout import ABBREVIATIONS
from wiredesk.quotes.mentions import (
    CALENDAR_WORDS,
    RELATIVE_PRONOUNS,
    SUBJECT_PRONOUNS,
    noun_phrase,
    relative_antecedent,
)
from wiredesk.quotes.referents import (
    Referent,
    antecedent,
    find_referents,
    gender_votes,
    sentence_starts,
)
from wiredesk.quotes.roles import Role, parse_role, role_fits

SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "NORP")
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
OTHER_PRONOUNS = frozenset({"i", "we", "they", "it", "you", "who", "one"})
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "many", "two", "three"})
DETERMINERS = INDEFINITE | {"the", "this", "that", "his", "her", "their", "its", "our"}
_HONORIFICS = frozenset("mr mrs ms miss dr sir lady prof rev".split())
_HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f"}
_GENDERED_NOUNS = {
    "spokeswoman": "f",
    "spokesman": "m",
    "chairwoman": "f",
    "chairman": "m",
    "congresswoman": "f",
    "congressman": "m",
    "businesswoman": "f",
    "businessman": "m",
    "wife": "f",
    "husband": "m",
    "mother": "f",
    "father": "m",
    "daughter": "f",
    "son": "m",
    "sister": "f",
    "brother": "m",
    "woman": "f",
    "man": "m",
    "queen": "f",
    "king": "m",
    "actress": "f",
    "widow": "f",
    "grandmother": "f",
    "grandfather": "m",
}
#: A few first names common in the news, some of them rarely given in the US (see
#: ``first_names`` for the wider list); only to break ties between "he" and "she".
_FIRST_NAMES = {
    **dict.fromkeys(
        """john james robert michael william david richard joseph thomas charles mark paul
        donald george kevin brian peter bernie barack joe mike ted marco jeb chris ben jim
        tim bill tom steve eric jeff dan sergei sergey vladimir emmanuel olaf boris rishi
        xi narendra justin recep""".split(),
        "m",
    ),
    **dict.fromkeys(
        """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy
        lisa hillary michelle melania ivanka kellyanne sheryl angela theresa ursula kamala
        carly nikki elizabeth maria anna sandra donna amy jane emily olga giorgia annalena
        christine""".split(),
        "f",
    ),
}
#: Titles written before a name, capitalised like it: "Atlantic City Mayor Don Guardian".
_NAME_TITLES = frozenset(
    """mayor sen senator rep representative gov governor president secretary director
    chairman chairwoman leader chief minister judge commissioner ambassador spokesman
    spokeswoman""".split()
)
#: Lower-case words before a capitalised run that do not make it a person's name.
NOT_TITLES = frozenset("of for at from in with by to on and or the".split())
#: Articles before a name that modifies the noun after it: "a Trump supporter".
#: Prepositions that tie a name to the noun a description is about ("an adviser to").
_GOVERNING = frozenset("for to of with at from".split())
#: Nouns whose complement is the one heard ("footage of Hillary Clinton").
_HEARD_IN = frozenset("footage video videos clip clips audio recording tape mouth voice".split())
_MODIFIER_ARTICLES = frozenset("a an the one another this that".split())
#: Head nouns of a description that means one prominent person: "the senator", "the
#: billionaire". Posts that usually stand for someone unnamed ("the official", "the aide",
#: "the spokesman", "the doctor") are not among them.
PERSON_NOUNS = frozenset(
    """senator congressman congresswoman lawmaker representative governor mayor president
    candidate nominee contender front-runner frontrunner challenger incumbent minister
    secretary chairman chairwoman leader speaker businessman businesswoman billionaire
    mogul developer neurosurgeon general admiral commander judge justice ambassador envoy
    author host anchor commentator columnist founder chief premier chancellor king queen
    prince pope pontiff archbishop bishop pastor reverend rabbi imam actor actress singer
    star""".split()
)
#: Posts written before a name as its title, in any case ("campaign manager Robby Mook",
#: "Democratic presidential nominee Hillary Clinton"): the titles above, the posts that
#: stand for a prominent person alone, and more.
TITLE_POSTS = (
    _NAME_TITLES
    | PERSON_NOUNS
    | frozenset(
        """spokesperson aide adviser advisor manager official economist analyst professor
        lawyer attorney strategist chair head executive officer pollster activist""".split()
    )
)
#: Nouns for groups and unnamed sources: "Diplomats said", "the source said".
GROUP_NOUNS = frozenset(
    """officials diplomats analysts sources experts critics residents witnesses traders
    economists observers lawmakers activists protesters ministers aides investigators police
    authorities organisers organizers officers negotiators delegates leaders scientists
    researchers doctors workers members people voters supporters opponents campaigners
    prosecutors lawyers brokers agents strategists insiders""".split()
)
_APPOSITION = re.compile(
    r"\s*,\s*(?:who\s+is\s+|who\s+was\s+)?(?P<role>(?:the|a|an)\s+[^,.;:()\"\u201c\u201d]{2,60}?)"
    r"\s*[,.;:)]"
)
#: A description right before a name: "the envoy, ", "Kenya's director of public health, ".
_ROLE_LEAD = re.compile(r"(?:\b[Tt]he|\ba|\ban|\w['\u2019]s)\s+([\w' \u2019-]{2,50}?),?\s*$")
_TRAILING_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?[\s\u00a0]*$")
_ROLE_WORDS_BEFORE = re.compile(r"((?:[A-Z][\w.'\u2019-]*\s+){1,4})$")
#: Characters the two patterns above cannot match: a match ends the text, so it starts
#: after the last of them (searching from there is the same search, only cheaper).
_NOT_IN_TITLE = re.compile(r"[^\w\s.'\u2019-]")
_NOT_IN_LEAD = re.compile(r"[^\w\s'\u2019,-]")
_HAS_HONORIFIC = re.compile(r"Mr|Ms|Dr|Prof")
#: Read at the start of the reversed text, one place each: whether the text ends with a
#: word holding a capital in its last run of title characters, then space (exactly when
#: ``_ROLE_WORDS_BEFORE`` matches), and whether it can end with ``_ROLE_LEAD`` (with the
#: lead word's boundary and the length of the role left out). Most names follow neither.
_TITLE_AT_END = re.compile(r"\s+[\w.'\u2019-]*?[A-Z]")
_MAY_LEAD = re.compile(r"\s*,?[\w\s'\u2019-]*?\s(?:eh[Tt]|a|na|s['\u2019]\w)")
#: Subject pronouns as written alone, which ``noun_phrase`` keeps as they are.
_LONE_PRONOUNS = frozenset(
    form for pronoun in SUBJECT_PRONOUNS for form in (pronoun, pronoun.capitalize())
) - {"i"}


def _tail_start(backwards: str, outside: re.Pattern[str]) -> int:
    """Offset after the last character of a text that ``outside`` matches (else 0), given
    the text reversed."""
    found = outside.search(backwards)
    return len(backwards) - found.start() if found else 0


@lru_cache(maxsize=16384)
def _cached_key(type_: str, name: str, roles: tuple[str, ...]) -> str:
    return Mention("", type_, 0, 0, name, roles).entity_key


def key_of(mention: Mention) -> str:
    """``mention.entity_key``, hashed once per (type, name, roles): an article names the
    same people many times and every speaker candidate asks for its key."""
    return _cached_key(mention.type, mention.name, mention.roles)


class Speaker(NamedTuple):
    """A resolved speaker phrase: the name (or None) and the words the text used (a named
    tuple: the rules and the chooser make thousands per batch of articles)."""

    name: str | None
    mention: str | None
    entity_key: str | None


def _clean(words: str) -> str:
    return " ".join(words.replace("\u00a0", " ").split())


def head_noun(phrase: str) -> str:
    words = [w.strip(".,;:'\u2019").lower() for w in phrase.split()]
    words = [w for w in words if w]
    if not words:
        return ""
    # "the head of the commission": the head is before the preposition.
    for i, word in enumerate(words):
        if word in ("of", "for", "at", "in", "with", "from", "close", "familiar", "on") and i:
            return words[i - 1]
    return words[-1]


def _plural(word: str) -> bool:
    return (word.endswith("s") and not word.endswith(("ss", "us", "is"))) or word in (
        "people",
        "police",
        "staff",
        "leadership",
    )


#: Small words that may stand inside a name written in capitals ("Bank of England").
_NAME_JOINERS = frozenset("of and for on the de".split())


#: Kinds of organisation written before a one-word name: "the Israeli newspaper Haaretz".
_KINDS_BEFORE_NAMES = frozenset(
    """newspaper paper daily tabloid magazine journal website site blog network broadcaster
    channel station agency group firm company publisher press outlet airline bank union
    party band""".split()
)


def _one_word_name(word: str, kind: str) -> bool:
    """A single capitalised word of letters after a kind of organisation, not a day or a
    month: that organisation's name."""
    bare = word.rstrip(",;:")
    return (
        kind.lower() in _KINDS_BEFORE_NAMES
        and bare.isalpha()
        and not bare.isupper()
        and bare.lower() not in CALENDAR_WORDS
    )


def _proper_name(words: list[str]) -> str | None:
    """A name the recogniser missed, written after "the" ("the Orlando Sentinel", "The New
    Hampshire Union Leader"): two or more capitalised words, maybe joined by "of" or "and",
    with nothing lower-case after them. A capitalised description of one word ("the
    President") is a title, not a name."""
    if words[0].lower() != "the":
        return None
    name = [w.strip(",;:") for w in words[1:]]
    capitalised = [w for w in name if w[:1].isupper()]
    if len(capitalised) < 2 or not name[-1][:1].isupper() or name[0].lower() in _NAME_JOINERS:
        return None
    if not all(w[:1].isupper() or w in _NAME_JOINERS for w in name):
        return None
    if any(w.endswith(("'s", "\u2019s")) for w in name):
        return None  # "the Senate Majority Leader's office" is someone's
    return " ".join(name)


class SpeakerResolver:
    """Resolves speaker phrases of one article against its mentions."""

    def __init__(self, text: str, mentions: Sequence[Mention]) -> None:
        self.text = text
        self.mentions = sorted(
            (m for m in mentions if m.type in SPEAKER_TYPES), key=attrgetter("start_char")
        )
        self.people = [m for m in self.mentions if m.type == "PERSON"]
        self.roles: dict[str, set[str]] = {}
        #: "m" or "f" per name: from a title or a gendered noun, else from a first name
        #: nearly always given to one sex, else from the pronouns the text uses about the
        #: person (the weakest evidence: "He" opening a sentence may mean someone else).
        self.gender: dict[str, str] = {}
        for mention in self.people:
            self._learn(mention)
        self.quoted: list[tuple[int, int]] = []
        self._quoted_starts: list[int] = []
        self._mention_starts = [m.start_char for m in self.mentions]
        self._starts: list[int] | None = None
        self._referents: list[Referent] | None = None
        # The rules and the chooser ask about the same phrases: resolve each span once.
        self._resolved: dict[tuple[int, int], Speaker] = {}
        self._salient: dict[int, Mention | None] = {}
        self._narrowed: dict[tuple[int, int], tuple[int, int] | None] = {}
        self._roles_parsed: dict[str, list[Role]] = {}

    def _salience(self) -> tuple[list[Referent], list[int]]:
        """Referents and sentence starts, built on the first pronoun (many texts have none)."""
        if self._referents is None or self._starts is None:
            self._starts = sentence_starts(self.text)
            heads = {k for keys in self.roles.values() for k in keys if " " not in k}
            heads = {h for h in heads if len(h) >= 4 and h.isalpha()}

            def holder(phrase: str, pos: int) -> Mention | None:
                lower = [w.lower() for w in _clean(phrase).split()]
                return self._role_holder(lower, pos)

            self._referents = find_referents(
                self.text, self.people, sorted(heads), holder, self._starts
            )
            for name, gender in gender_votes(self.text, self._referents, self._starts).items():
                self.gender.setdefault(name, gender)
        return self._referents, self._starts

    def set_quoted(self, spans: Sequence[tuple[int, int]]) -> None:
        """Quoted stretches: people named inside a quote are not who a pronoun means."""
        self.quoted = sorted(spans)
        self._quoted_starts = [s for s, _ in self.quoted]
        self._resolved.clear()  # pronouns skip people named inside quotes
        self._salient.clear()

    def in_quote(self, pos: int) -> bool:
        index = bisect_right(self._quoted_starts, pos) - 1
        return index >= 0 and pos < self.quoted[index][1]

    # -- what the text says about each person -------------------------------------------
    def _learn(self, mention: Mention) -> None:
        roles = self.roles.setdefault(mention.name, set())
        for role in mention.roles:
            roles.update(self._role_keys(role))
        before = self.text[max(0, mention.start_char - 60) : mention.start_char]
        backwards = before[::-1]
        # (A no-break space is white space to the pattern and to ``_role_keys``.)
        if _TITLE_AT_END.match(backwards) and (
            titled := _ROLE_WORDS_BEFORE.search(before, _tail_start(backwards, _NOT_IN_TITLE))
        ):
            title = titled.group(1).strip()
            roles.update(self._role_keys(title))
            honorific = title.split()[-1].rstrip(".").lower()
            if honorific in _HONORIFIC_GENDER:
                self.gender.setdefault(mention.name, _HONORIFIC_GENDER[honorific])
        if _HAS_HONORIFIC.search(before):
            plain = _TRAILING_HONORIFIC.sub("", before)
            backwards = plain[::-1]
        else:
            plain = before
        if _MAY_LEAD.match(backwards):
            lead = _ROLE_LEAD.search(plain, _tail_start(backwards, _NOT_IN_LEAD))
            if lead and not "A" <= lead.group(1)[0] <= "Z":
                roles.update(self._role_keys(lead.group(1)))
        after = _APPOSITION.match(self.text, mention.end_char)
        if after:
            roles.update(self._role_keys(after.group("role")))
        if mention.name in self.gender:
            return  # the first evidence stays: nothing below could change it
        for role in roles:
            if role in _GENDERED_NOUNS:
                self.gender.setdefault(mention.name, _GENDERED_NOUNS[role])
        words = mention.name.split()
        first = words[0].lower() if words else ""
        # A lone word is as often a surname ("Warren") as a first name: only full names.
        prior = _FIRST_NAMES.get(first) or (first_name_gender(first) if len(words) > 1 else None)
        if prior is not None:
            self.gender.setdefault(mention.name, prior)

    @staticmethod
    @lru_cache(maxsize=4096)
    def _role_keys(role: str) -> frozenset[str]:
        """Lower-cased role phrase and its head noun: "Foreign Minister" -> both forms."""
        phrase = _clean(role).lower()
        words = [w for w in phrase.split() if w not in DETERMINERS]
        if not words:
            return frozenset()
        head = head_noun(" ".join(words))
        return frozenset((" ".join(words), head))

    # -- resolution ----------------------------------------------------------------------
    def mentions_in(self, start: int, end: int) -> list[Mention]:
        first = bisect_left(self._mention_starts, start)
        last = bisect_left(self._mention_starts, end)
        return [m for m in self.mentions[first:last] if m.end_char <= end]

    def resolve(self, start: int, end: int) -> Speaker:
        """The speaker meant by the phrase ``text[start:end]`` at its place in the article.

        The phrase is first narrowed to the noun phrase in it (never a clause); with none,
        there is no speaker.
        """
        span = (start, end)
        found = self._resolved.get(span)
        if found is None:
            found = self._resolved[span] = self._resolve(start, end)
        return found

    def narrow(self, start: int, end: int) -> tuple[int, int] | None:
        """``noun_phrase`` of a span, kept: the chooser asks again about the rules' spans."""
        span = (start, end)
        if span not in self._narrowed:
            words = self.text[start:end]
            # A lone pronoun is its own noun phrase (the chooser asks about every one).
            alone = words in _LONE_PRONOUNS or words.lower() in RELATIVE_PRONOUNS
            self._narrowed[span] = span if alone else noun_phrase(self.text, start, end)
        return self._narrowed[span]

    def _resolve(self, start: int, end: int) -> Speaker:
        narrowed = self.narrow(start, end)
        if narrowed is None:
            return Speaker(None, None, None)
        start, end = narrowed
        phrase = _clean(self.text[start:end]).strip(" ,;:-\u2014\u2013")
        last = phrase.rsplit(" ", 1)[-1]
        if last.endswith(".") and "." not in last[:-1] and last[:-1].lower() not in ABBREVIATIONS:
            phrase = phrase[:-1]  # the sentence's period: "said one diplomat."
        if not phrase:
            return Speaker(None, None, None)
        inside = [m for m in self.mentions_in(start, end) if not self.is_possessive(m)]
        people = [
            m
            for m in inside
            if m.type == "PERSON"
            and not self.modifies(m, start, end)
            and not self.complements(m, start)
        ]
        if people:
            chosen = people[-1]
            words = _clean(chosen.text)
            lead = self.text[start : chosen.start_char].split()
            if len(lead) == 1 and lead[0].rstrip(".").lower() in _HONORIFICS:
                words = f"{lead[0]} {words}"  # "Mr. Kovac", as written
            return Speaker(chosen.name, words, key_of(chosen))
        heading = [m for m in inside if self.heads(m, start, end)]
        if heading:
            chosen = heading[0]
            if chosen.type == "NORP":  # "Republicans said": a group, no one in particular
                return Speaker(None, phrase, None)
            return Speaker(chosen.name, phrase, key_of(chosen))
        words = phrase.split()
        lower = [w.lower() for w in words]
        if len(words) == 1 and lower[0] in PRONOUN_GENDER:
            return self._pronoun(phrase, PRONOUN_GENDER[lower[0]], start)
        if len(words) == 1 and lower[0] in RELATIVE_PRONOUNS:
            return self._relative(phrase, start)
        if len(words) == 1 and lower[0] == "it":
            return self._organisation_before(phrase, start)
        if len(words) == 1 and lower[0] in OTHER_PRONOUNS:
            return Speaker(None, phrase, None)
        if lower[-1].strip(".,") in GROUP_NOUNS and not any(w[:1].isupper() for w in words[1:]):
            return Speaker(None, phrase, None)  # "Diplomats", "Western officials"
        if self._looks_like_name(words):
            return self._bare_name(phrase, start)
        titled = self._titled_name(words)
        if titled is not None:
            found = self._bare_name(titled, start)
            return Speaker(found.name, phrase, found.entity_key)
        proper = _proper_name(words)
        if proper is not None:
            return Speaker(proper, phrase, None)
        return self._description(phrase, lower, start)

    @staticmethod
    def _titled_name(words: list[str]) -> str | None:
        """A name the recogniser missed at the end of a description that introduces it:
        "former presidential candidate Herman Cain" -> "Herman Cain", "the consulting
        firm Oxford Economics" -> "Oxford Economics"."""
        for i in range(len(words) - 2, 0, -1):
            if words[i].rstrip(".").lower() in _NAME_TITLES:
                name = words[i + 1 :]
                if len(name) <= 3 and all(w[:1].isupper() and w.isalpha() for w in name):
                    return " ".join(name)  # "Atlantic City Mayor Don Guardian"
                break
        run = 0
        while run < len(words) and run < 4 and words[-1 - run][:1].isupper():
            run += 1
        # One word names an organisation after its kind: "the Israeli newspaper Haaretz".
        one_word = run == 1 and len(words) >= 3 and _one_word_name(words[-1], words[-2])
        if not one_word and (not 2 <= run <= 3 or run == len(words)):
            return None
        name, before = words[-run:], words[-run - 1]
        if any(w.replace(".", "").isupper() or w.lower() in DETERMINERS for w in name):
            return None  # "the F.B.I.", "the Democratic National Committee"
        if before[:1].islower() and before.lower() not in DETERMINERS | NOT_TITLES:
            return " ".join(name)
        return None

    def heads(self, mention: Mention, start: int, end: int) -> bool:
        """Whether an organisation or place is the phrase itself ("the ministry", "Russia")
        rather than a modifier inside it ("a salesman from South Carolina")."""
        lead = self.text[start : mention.start_char].split()
        if len(lead) > 1 or not all(w.lower() in DETERMINERS for w in lead):
            return False
        return not self.text[mention.end_char : end].strip(" ,.;:'\u2019s")

    def modifies(self, mention: Mention, start: int, end: int) -> bool:
        """Whether a name between an article and a noun describes someone else ("a Trump
        supporter", "the Clinton campaign", "one Clinton aide", "a senior Cruz adviser")."""
        lead = self.text[start : mention.start_char].split()
        if not lead:
            return False
        if lead[-1].lower() not in _MODIFIER_ARTICLES and (
            len(lead) > 3
            or lead[0].lower() not in _MODIFIER_ARTICLES
            or not all(w.isalpha() and w.islower() for w in lead[1:])
        ):
            return False  # "a senior Cruz adviser" is one; "the aide to Senator Cruz" not
        after = self.text[mention.end_char : end].split()
        head = after[0].rstrip(".,;:") if after else ""
        return head[:1].islower() and head.isalpha()

    def complements(self, mention: Mention, start: int) -> bool:
        """Whether a name is the object of a preposition after a common noun ("a
        spokesman for Bernie Sanders", "Nelson Diaz, a former aide to Mr. Rubio"): the
        noun is who speaks. Titles written with "of" are no such noun ("Speaker of the
        House Paul Ryan")."""
        lead = self.text[start : mention.start_char].split()
        i = len(lead) - 1
        while i >= 0 and (lead[i][:1].isupper() or lead[i].lower() in DETERMINERS):
            if lead[i].endswith(","):
                return False  # an apposition: "the leader of the league, Dana Holm"
            i -= 1  # "for President Obama", "to the Rev. Jesse Jackson"
        if i < 1 or lead[i].lower() not in _GOVERNING:
            return False
        head = lead[i - 1].strip(",")
        return head.isalpha() and head.islower() and head not in _HEARD_IN

    def is_possessive(self, mention: Mention) -> bool:
        tail = self.text[mention.end_char : mention.end_char + 2]
        return mention.text.endswith(("'s", "\u2019s")) or tail in ("'s", "\u2019s")

    @staticmethod
    def _looks_like_name(words: list[str]) -> bool:
        if not 1 <= len(words) <= 3 or words[0].lower() in DETERMINERS:
            return False
        return all(w[:1].isupper() for w in words) and words[0].lower() not in OTHER_PRONOUNS

    def _bare_name(self, phrase: str, pos: int) -> Speaker:
        """A name the recogniser missed: tie it to a person whose name ends with it."""
        last = phrase.split()[-1]
        for mention in reversed(self.people):
            if mention.name.split()[-1] == last:
                return Speaker(mention.name, phrase, key_of(mention))
        return Speaker(phrase, phrase, None)

    def salient_person(self, pos: int) -> Mention | None:
        """The person most in focus at ``pos``, named outside quotes (asked by the rules and
        the chooser for the same quotes, so kept)."""
        if pos in self._salient:
            return self._salient[pos]
        referents, starts = self._salience()
        found = antecedent(self.text, referents, starts, pos, lambda _name: True, self.in_quote)
        self._salient[pos] = found.mention if found is not None else None
        return self._salient[pos]

    def possessive(self, start: int, end: int) -> Speaker:
        """Whom a possessive pronoun before a noun of saying means ("his call for …"):
        "his" and "her" as "he" and "she" would; "their" and "its" no one in particular.
        The mention stays the pronoun, as the text credits the words with it."""
        phrase = self.text[start:end]
        gender = {"his": "m", "her": "f"}.get(phrase.lower())
        if gender is None:
            return Speaker(None, phrase, None)
        return self._pronoun(phrase, gender, start)

    def _organisation_before(self, phrase: str, pos: int) -> Speaker:
        """ "It" as a speaker is a body, not a person: the nearest organisation named before
        it in its paragraph, outside quotes ("The Security Council condemned the test,
        which it called …"), not one that owns a noun ("Apple's new take", which "it" may
        mean instead); the mention stays the pronoun."""
        if self.text.startswith(("'s", "\u2019s"), pos + len(phrase)):
            return Speaker(None, phrase, None)  # "It's the pull of …": no one speaks
        floor = self.text.rfind("\n", 0, pos) + 1
        for mention in reversed(self.mentions[: bisect_left(self._mention_starts, pos)]):
            if mention.start_char < floor:
                break
            if (
                mention.type == "ORG"
                and not self.in_quote(mention.start_char)
                and not self.is_possessive(mention)
            ):
                return Speaker(mention.name, phrase, key_of(mention))
        return Speaker(None, phrase, None)

    def _relative(self, phrase: str, pos: int) -> Speaker:
        """A relative pronoun means the phrase it follows ("Beck, who said"); the mention
        stays the pronoun, as the text attributes the words with it."""
        span = relative_antecedent(self.text, pos)
        if span is None:
            return Speaker(None, phrase, None)
        meant = self.resolve(*span)
        return Speaker(meant.name, phrase, meant.entity_key)

    def _pronoun(self, phrase: str, gender: str, pos: int) -> Speaker:
        referents, starts = self._salience()

        def compatible(name: str) -> bool:
            return self.gender.get(name, gender) == gender

        found = antecedent(self.text, referents, starts, pos, compatible, self.in_quote)
        if found is None:
            return Speaker(None, phrase, None)
        # "He" meant this person: a later "she" means someone else.
        self.gender.setdefault(found.name, gender)
        return Speaker(found.name, phrase, key_of(found.mention))

    def _description(self, phrase: str, lower: list[str], pos: int) -> Speaker:
        """A role ("the minister") means the person introduced with it; groups stay anonymous."""
        head = head_noun(phrase)
        if not head or lower[0] in INDEFINITE or _plural(head) or head in GROUP_NOUNS:
            return Speaker(None, phrase, None)
        if lower[0] not in ("the", "this", "that"):
            return Speaker(None, phrase, None)
        holder = self._role_holder(lower, pos)
        if holder is None and not any(w.endswith(("'s", "\u2019s")) for w in lower):
            # "the prime minister's spokesman" is someone else's aide: not the one in focus
            holder = self._described_person(head, pos)
        if holder is None:
            return Speaker(None, phrase, None)
        return Speaker(holder.name, phrase, key_of(holder))

    def _described_person(self, head: str, pos: int) -> Mention | None:
        """A post no one was introduced with ("the Florida senator", "the retired
        neurosurgeon") means the person the story is about at that point, as a pronoun
        would, when that person is of the noun's gender and has no other post the text
        names ("the senator" is not a person introduced as "the governor"). A guess, as
        a pronoun's antecedent is: right about three times in four on political news."""
        if head not in PERSON_NOUNS:
            return None
        for mention in self.people:
            if mention.start_char >= pos:
                break
            if any(r.head == head for r in self._parsed_roles(mention.name)):
                return None  # people were introduced with it, and none or several fit
        gender = _GENDERED_NOUNS.get(head)

        def compatible(name: str) -> bool:
            return gender is None or self.gender.get(name, gender) == gender

        referents, starts = self._salience()
        found = antecedent(self.text, referents, starts, pos, compatible, self.in_quote)
        if found is None:
            return None
        heads = {r.head for r in self._parsed_roles(found.name)}
        if heads and head not in heads and heads & PERSON_NOUNS:
            return None
        return found.mention

    def _role_holder(self, lower: list[str], pos: int) -> Mention | None:
        """The person introduced before ``pos`` with this role, when only one fits.

        A description fits a person's role by head noun and modifiers (see ``roles``); when
        several people fit, the one whose role is written the same way wins, if only one is.
        """
        words = [w.strip(".,;:") for w in lower]
        full = " ".join(w for w in words if w not in DETERMINERS)
        query = parse_role(full)
        if query is None:
            return None
        last: dict[str, Mention] = {}
        for mention in self.people:
            if mention.start_char >= pos:
                break
            last[mention.name] = mention
        fitting = [n for n in last if any(role_fits(query, r) for r in self._parsed_roles(n))]
        if len(fitting) > 1:
            fitting = [n for n in fitting if full in self.roles.get(n, set())]
        return last[fitting[0]] if len(fitting) == 1 else None

    def _parsed_roles(self, name: str) -> list[Role]:
        """A person's roles as head and modifiers; a bare head noun only when no fuller
        role has that head ("negotiator" beside "senior Ukrainian negotiator" adds nothing)."""
        found = self._roles_parsed.get(name)
        if found is None:
            parsed = [r for k in self.roles.get(name, set()) if (r := parse_role(k)) is not None]
            described = {r.head for r in parsed if r.modifiers}
            found = [r for r in parsed if r.modifiers or r.head not in described]
            self._roles_parsed[name] = found  # roles are all learnt when the article is read
        return found
