"""Tidying the edges of recognised spans so names match however they are written.

The model's spans often carry a leading "the", a possessive "'s", quotes or a title;
names are compared across articles, so these are cut (titles move to ``roles``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from wiredesk.entities.mention import Mention
from wiredesk.entities.titles import leading_title, role_text, trailing_title

#: A slash too: "CDU/" taken from "die CDU/FDP-Mehrheit" (inside a name it stays: "AC/DC").
_EDGE_PUNCT = " \t\r\n\"'`()[]{},;:!?-\u2013\u2014\u2018\u2019\u201c\u201d*/"
#: Quotation marks of German, French and Russian copy too: „…“, ‚…‘, «…», ‹…›.
_ANY_EDGE_PUNCT = _EDGE_PUNCT + "\u201e\u201a\u00ab\u00bb\u2039\u203a\u00a0\u202f"
_POSSESSIVE = re.compile(r"\s?['\u2019]s?$")
_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_NUMBER = re.compile(r"[+\-]?\d[\d,.\-/]*")
_KEEP_DOT = frozenset({"inc", "corp", "co", "ltd", "jr", "sr", "bros", "st", "mt", "ft", "no"})
#: "Paris-based", "U.N.-led": the name is the part before the hyphen.
_COMPOUND = re.compile(
    r"-(?:based|led|run|hosted|born|backed|owned|controlled|funded|made|brokered|sponsored|"
    r"linked|bound|style)$"
)
#: The rest of a given name written with a hyphen ("Park Geun-hye", "Moon Jae-in", "Ban
#: Ki-moon"): a short capitalised syllable, a hyphen, a lower-case one; not a compound made
#: from the name ("Cruz-led", "Gore-like", "Obama-era").
_HYPHENED_GIVEN_NAME = re.compile(r"-([a-z]{1,4})\b(?!-)")
_SHORT_SYLLABLE = 5
_NOT_SYLLABLES = frozenset({"led", "run", "era", "like", "ish", "type", "made", "born", "held"})
#: What no name holds: a web address, a handle, a quote's ticker ("XAU=", "GBP=").
_NOT_A_NAME = re.compile(r"://|\bwww\.|^@|=")
#: Words before a name are looked at back to this many characters for a title.
_LOOKBEHIND = 60


def _with_span(text: str, mention: Mention, start: int, end: int) -> Mention | None:
    if end <= start:
        return None
    surface = text[start:end]
    return replace(mention, text=surface, start_char=start, end_char=end, name=surface)


def _longest_line(text: str, start: int, end: int) -> tuple[int, int]:
    """A span never crosses a line break: keep its longest line."""
    best = (start, start)
    pos = start
    for part in text[start:end].split("\n"):
        if len(part.strip()) > best[1] - best[0]:
            best = (pos, pos + len(part))
        pos += len(part) + 1
    return best


def _last_part(text: str, start: int, end: int) -> tuple[int, int]:
    """Names never contain a spaced dash; headlines do ("CRICKET - ENGLAND"): keep the end."""
    cut = text.rfind(" - ", start, end)
    return (cut + 3, end) if cut >= 0 else (start, end)


def _drop_numbers(text: str, start: int, end: int, person: bool) -> tuple[int, int]:
    """Scores and figures after a name ("M. Vaughan 57", "G. Rose 7-73") are not the name."""
    while True:
        words = text[start:end].rsplit(None, 1)
        if len(words) < 2 or not _NUMBER.fullmatch(words[1]):
            return start, end
        if not person and not any(ch in words[1] for ch in "+-,/"):
            return start, end
        end = start + len(words[0])


def _strip_edges(text: str, start: int, end: int, punct: str = _EDGE_PUNCT) -> tuple[int, int]:
    """Drop punctuation, "the", possessives and sentence-final full stops at the edges."""
    for _ in range(4):
        before = (start, end)
        while start < end and text[start] in punct:
            start += 1
        while end > start and text[end - 1] in punct and text[end - 1] != "'":
            end -= 1
        article = _ARTICLE.match(text[start:end])
        if article and article.end() < end - start:
            start += article.end()
        possessive = _POSSESSIVE.search(text[start:end])
        if possessive and possessive.start() > 0:
            end = start + possessive.start()
        if end > start and text[end - 1] == "'":
            end -= 1
        if end > start and text[end - 1] == ".":
            last = text[start : end - 1].split()[-1:] or [""]
            word = last[0]
            if "." not in word and len(word) > 3 and word.lower() not in _KEEP_DOT:
                end -= 1
        if (start, end) == before:
            break
    return start, end


def clean_mention(text: str, mention: Mention, english: bool = True) -> Mention | None:
    """The mention with tidy edges and titles moved to roles; ``None`` if nothing is left.

    ``english=False``: only what holds in any language (line breaks, spaced dashes,
    figures, punctuation and quotation marks at the edges); no English titles or suffixes.
    """
    start, end = _longest_line(text, mention.start_char, mention.end_char)
    start, end = _last_part(text, start, end)
    start, end = _drop_numbers(text, start, end, mention.type == "PERSON")
    compound = _COMPOUND.search(text, start, end) if english else None
    if compound and compound.end() == end:
        end = compound.start()
    start, end = _strip_edges(text, start, end, _EDGE_PUNCT if english else _ANY_EDGE_PUNCT)
    underscore = text.rfind("_", start, end)
    if underscore >= 0:
        start = underscore + 1  # "Art Director_Park Dong Woo": a caption's field before it
    cleaned = _with_span(text, mention, start, end)
    if cleaned is None or not any(ch.isalnum() for ch in cleaned.text):
        return None
    if _NOT_A_NAME.search(cleaned.text):
        return None
    if cleaned.type == "PERSON" and not any(ch.isupper() for ch in cleaned.text):
        return None  # "david", "x. j.": a name is written with a capital
    if cleaned.type == "PERSON" and english:
        cleaned = take_titles(text, cleaned)
    if cleaned is not None and cleaned.type == "PERSON":
        cleaned = _with_given_name_rest(text, cleaned)
    return cleaned


def _with_given_name_rest(text: str, mention: Mention) -> Mention:
    """A person cut at the hyphen of a given name takes the rest: "Park Geun" -> "Park
    Geun-hye"; the family name comes first, so the name has two words at least."""
    words = mention.text.split()
    rest = _HYPHENED_GIVEN_NAME.match(text, mention.end_char)
    if (
        rest is None
        or len(words) < 2
        or len(words[-1]) > _SHORT_SYLLABLE
        or not words[-1][:1].isupper()
        or rest.group(1) in _NOT_SYLLABLES
    ):
        return mention
    return _with_span(text, mention, mention.start_char, rest.end()) or mention


def take_titles(text: str, mention: Mention) -> Mention | None:
    """Move a title inside or just before a person span into ``roles``."""
    roles = list(mention.roles)
    words = mention.text.split()
    cut = leading_title(words)
    start = mention.start_char
    if cut:
        roles.append(role_text(words[:cut]))
        offset = mention.text.index(words[cut])
        start += offset
    else:
        left = text[max(0, mention.start_char - _LOOKBEHIND) : mention.start_char]
        if left.endswith((" ", "\t")) and "\n" not in left[-2:]:
            before = left.split("\n")[-1].split()
            count = trailing_title(before)
            if count:
                roles.append(role_text(before[-count:]))
    if not cut and words and leading_title(words + ["x"]) == len(words):
        return None  # the span is only a title ("President")
    roles = [r for r in dict.fromkeys(roles) if r]
    out = _with_span(text, mention, start, mention.end_char)
    return replace(out, roles=tuple(roles)) if out else None


#: Words that belong to a person's name though written in lower case ("Ursula von der Leyen").
NAME_PARTICLES = frozenset("de du des d' von van der den ter zu da di del della dos".split())
#: A lower-case name no longer than this is read as an agency's initials ("dpa", "sid").
_INITIALS = 4
_ELIDED = re.compile(r"[ldLD]['\u2019](?=[^\W\d_])")


def trim_lowercase_lead(text: str, mention: Mention) -> Mention | None:
    """Drop the common words a model took in before a name: "la France" -> "France",
    "fleuve Sénégal" -> "Sénégal", "l'Élysée" -> "Élysée". For languages whose names start
    with a capital (German, French); a span with no capitalised word is no name ("ministre"),
    except a short one: agencies write their initials in lower case ("dpa", "ots"). A word
    capitalised inside ("eBay") counts as capitalised.

    A person keeps particles right before a capitalised word ("von der Leyen").
    """
    start, end = mention.start_char, mention.end_char
    while start < end:
        elided = _ELIDED.match(text, start, end)
        if elided:
            start = elided.end()
            continue
        word = text[start:end].split(None, 1)[0]
        if any(ch.isupper() for ch in word) or not word[:1].isalpha():
            break
        if mention.type == "PERSON" and word.lower() in NAME_PARTICLES:
            rest = text[start + len(word) : end].split()
            if rest and (rest[0][:1].isupper() or rest[0].lower() in NAME_PARTICLES):
                break
        start += len(word)
        while start < end and text[start].isspace():
            start += 1
    initials = start == end and mention.text.isalpha() and len(mention.text) <= _INITIALS
    if start == mention.start_char or initials:
        return mention
    return _with_span(text, mention, start, end)


def trim_lowercase_tail(text: str, mention: Mention) -> Mention:
    """Drop lower-case words a model took in after a person's name: "Jonas Albrecht von
    (der Handelsbank)" -> "Jonas Albrecht". In German and French a person's name ends in a
    capitalised word (no person in GermEval's gold ends otherwise); a particle belongs
    only before one ("von der Leyen")."""
    if mention.type != "PERSON":
        return mention
    start, end = mention.start_char, mention.end_char
    words = text[start:end].split()
    while len(words) > 1 and words[-1][:1].isalpha() and not any(c.isupper() for c in words[-1]):
        end = text.rindex(words.pop(), start, end)
        while end > start and text[end - 1].isspace():
            end -= 1
    return mention if end == mention.end_char else _with_span(text, mention, start, end)
