"""Pair quotation marks into quoted stretches, in any typographic convention.

Wire copy mixes straight, curly, German and French marks, sometimes within one quote, and
editing leaves marks unbalanced; pairing therefore works on the role of each mark in its
context (opening, closing or either) instead of on exact pairs, and never fails: a mark it
cannot pair lowers the confidence of the quote it belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wiredesk.quotes.layout import Layout

DOUBLE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb\u201f'
SINGLE_MARKS = "'\u2018\u2019\u201a"
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS

_DOUBLE = re.compile(f"[{DOUBLE_MARKS}]")
_SINGLE = re.compile(f"[{SINGLE_MARKS}]")
_OPEN_LEFT = set("([{/\u2014\u2013-:")
_CLOSE_RIGHT = set(".,;:!?)]}\u2014\u2013-\u2026")
#: Leading apostrophes that elide letters or digits: 'em, 'til, the '90s, rock 'n' roll.
_ELISION = re.compile(r"(?:\d\d?s?\b|em\b|til\b|tis\b|twas\b|n\b|cause\b)", re.IGNORECASE)

OPEN, CLOSE, EITHER = "open", "close", "either"


@dataclass
class Quoted:
    """A quoted stretch: parts are (first mark, after last mark) spans, one per paragraph."""

    parts: list[tuple[int, int]]
    balanced: bool = True
    single: bool = False

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


DOUBLED_MARKS = ("''", "``", "\u2018\u2018", "\u2019\u2019")
_DOUBLED = re.compile("''|\u2018\u2018|\u2019\u2019|``")
_CLOSES_AFTER = set(",.;:!?)]}\u2026\u2014\u2013-")
_SPEECH_MARK = re.compile(f"[{DOUBLE_MARKS}]|(?:^|(?<=[\\s(\\[]))[{SINGLE_MARKS}](?=\\w)|\u2018")


def is_mark(ch: str) -> bool:
    return bool(ch) and ch in ALL_MARKS


def has_speech_mark(text: str, start: int = 0, end: int | None = None) -> bool:
    """A double mark, or a single one opening a word: apostrophes ("the minister’s") are not."""
    return _SPEECH_MARK.search(text, start, len(text) if end is None else end) is not None


_MARKUP = re.compile(r"</?[A-Za-z][^<>\n]{0,400}>")


#: Typographic double marks: copy set with these has no use for doubled apostrophes.
_TYPOGRAPHIC_DOUBLES = "\u201c\u201d\u201e\u00ab\u00bb"


def normalise_marks(text: str, typographic_wins: bool = False) -> str:
    """Same-length copy of the text that the pairing rules can read directly.

    Some newsrooms set quotation marks as two apostrophes ('' or ``); each double becomes
    a straight mark padded by a space on its outer side. With ``typographic_wins``, copy
    that sets its quotations in „…“, “…” or «…» keeps its doubled apostrophes as they are
    (left-over wiki markup, not speech). Markup left in the text (<tweet author="…">) is
    blanked, so its attribute quotes are not taken for speech.
    """
    chars: list[str] | None = None
    if "<" in text:
        for match in _MARKUP.finditer(text):
            chars = chars or list(text)
            chars[match.start() : match.end()] = " " * (match.end() - match.start())
    doubled = any(double in text for double in DOUBLED_MARKS)
    if doubled and typographic_wins and any(mark in text for mark in _TYPOGRAPHIC_DOUBLES):
        doubled = False
    if doubled:
        chars = chars or list(text)
        for match in _DOUBLED.finditer(text):
            pos = match.start()
            before = text[pos - 1] if pos else " "
            after = text[pos + 2] if pos + 2 < len(text) else " "
            closing = match.group() != "``" and (before.isalnum() or before in _CLOSES_AFTER)
            if not closing and (after.isspace() or after in _CLOSES_AFTER):
                closing = True
            chars[pos : pos + 2] = ['"', " "] if closing else [" ", '"']
    return text if chars is None else "".join(chars)


def _context_role(text: str, pos: int) -> str:
    """Opening when glued to the following word, closing when glued to the preceding one."""
    left = text[pos - 1] if pos > 0 else " "
    right = text[pos + 1] if pos + 1 < len(text) else " "
    left_free = left.isspace() or left in _OPEN_LEFT or left in ALL_MARKS
    right_free = right.isspace() or right in _CLOSE_RIGHT or right in ALL_MARKS
    if left_free and not right_free:
        return OPEN
    if right_free and not left_free:
        return CLOSE
    return EITHER


def _double_role(text: str, pos: int, open_char: str | None) -> str:
    ch = text[pos]
    ctx = _context_role(text, pos)
    if ch == '"':
        return ctx
    if ch in "\u201e":
        return OPEN
    if ch in "\u201c\u201f":
        # German „…“ closes with the English opening mark; so does sloppy typesetting.
        if open_char == "\u201e" or (open_char and ctx == CLOSE):
            return CLOSE
        return OPEN
    if ch == "\u201d":
        return OPEN if open_char is None and ctx == OPEN else CLOSE
    if ch == "\u00ab":
        return CLOSE if open_char == "\u00bb" else OPEN
    # » closes «…», but opens the German »…« style.
    if open_char is None and ctx == OPEN:
        return OPEN
    return CLOSE


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _opens_paragraph(text: str, start: int, end: int) -> int | None:
    """Offset of the opening mark a paragraph begins with (the wire continuation convention)."""
    pos = start
    while pos < end and text[pos].isspace():
        pos += 1
    if pos < end and text[pos] in DOUBLE_MARKS and _double_role(text, pos, None) == OPEN:
        return pos
    return None


def _pair_double(text: str, layout: Layout) -> list[Quoted]:
    found: list[Quoted] = []
    carried: Quoted | None = None  # a quote left open at the end of the previous paragraph
    for p_start, p_end in layout.paragraphs:
        open_at: int | None = None
        open_char: str | None = None
        current: Quoted | None = None
        if carried is not None:
            reopen = _opens_paragraph(text, p_start, p_end)
            if reopen is None:
                carried.balanced = False
                found.append(carried)
            elif TURN_LABEL.match(text, reopen + 1, p_end):
                # A transcript: each speaker's turn is a quote of its own.
                found.append(carried)
                current, open_at, open_char = Quoted([]), reopen, text[reopen]
            else:
                current, open_at, open_char = carried, reopen, text[reopen]
            carried = None
        last_end = p_start
        nested = 0
        for match in _DOUBLE.finditer(text, p_start, p_end):
            pos = match.start()
            if pos == open_at or _is_inch_mark(text, pos):
                continue
            role = _double_role(text, pos, open_char)
            if nested and role == CLOSE:
                nested -= 1  # closes a quote inside the quote
                continue
            if open_at is None:
                if role == CLOSE:
                    found.append(Quoted([(last_end, pos + 1)], balanced=False))
                    last_end = pos + 1
                    continue
                open_at, open_char, current = pos, text[pos], Quoted([])
                continue
            if role == OPEN and text[pos] == open_char and text[pos] != '"':
                if _closers_after(text, pos, p_end, open_char) >= 2:
                    nested += 1  # “… what he calls “hell” than …”: a quote inside a quote
                    continue
                # A second opener: the first quote was never closed.
                assert current is not None
                current.parts.append((open_at, _strip_end(text, open_at, pos)))
                current.balanced = False
                found.append(current)
                open_at, open_char, current = pos, text[pos], Quoted([])
                continue
            assert current is not None
            current.parts.append((open_at, pos + 1))
            found.append(current)
            last_end = pos + 1
            open_at, open_char, current = None, None, None
        if open_at is not None and current is not None:
            current.parts.append((open_at, _strip_end(text, open_at, p_end)))
            carried = current
    if carried is not None:
        carried.balanced = False
        found.append(carried)
    return [q for q in found if q.end - q.start > 1]


def _is_inch_mark(text: str, pos: int) -> bool:
    """A straight mark after a number is a unit: 6'3", a 12" pipe."""
    return (
        text[pos] == '"'
        and pos > 0
        and (
            text[pos - 1].isdigit() or (text[pos - 1] == "'" and text[pos - 2 : pos - 1].isdigit())
        )
    )


def _closers_after(text: str, pos: int, end: int, opener: str) -> int:
    closer = _CLOSER_OF.get(opener)
    return text.count(closer, pos, end) if closer else 0


#: A speaker label opening a transcript turn: "PENCE: Well, …", "Q: …".
TURN_LABEL = re.compile(r"\s*([A-Z][A-Z.'\u2019-]*(?: [A-Z][A-Z.'\u2019-]*){0,2}):\s")

_CLOSER_OF = {"\u201c": "\u201d", "\u201e": "\u201c", "\u00ab": "\u00bb"}


def _is_apostrophe(text: str, pos: int) -> bool:
    left = text[pos - 1] if pos > 0 else " "
    right = text[pos + 1] if pos + 1 < len(text) else " "
    if left.isalnum() and right.isalnum():
        return True  # it's, Kestrelia's, rock'n'roll
    return bool(_ELISION.match(text, pos + 1)) and not left.isalnum()


def _pair_single(text: str, layout: Layout, taken: list[tuple[int, int]]) -> list[Quoted]:
    """Single-mark quotes outside double ones (headlines, British style); unpaired ones drop."""

    def inside_double(pos: int) -> bool:
        return any(s <= pos < e for s, e in taken)

    found: list[Quoted] = []
    for p_start, p_end in layout.paragraphs:
        opener: int | None = None
        for match in _SINGLE.finditer(text, p_start, p_end):
            pos = match.start()
            if _is_apostrophe(text, pos) or inside_double(pos):
                continue  # most single marks are apostrophes: that test is the cheaper
            role = _context_role(text, pos)
            if text[pos] in "\u2018\u201a" and role != CLOSE:
                role = OPEN
            if opener is None:
                if role == OPEN:
                    opener = pos
            elif role in (CLOSE, EITHER):
                left = text[pos - 1]
                possessive = left in "sS" and text[pos + 1 : pos + 2].isspace()
                if possessive and text.find("\u2019", pos + 1, p_end) != -1:
                    continue  # the players' union ... ’ : keep looking for the real closer
                if pos - opener > 1:
                    found.append(Quoted([(opener, pos + 1)], single=True))
                opener = None
            elif role == OPEN:
                opener = pos
    return found


def find_quoted(text: str, layout: Layout) -> list[Quoted]:
    """All quoted stretches, in text order; single-mark quotes nested in double ones are text."""
    doubles = _pair_double(text, layout)
    taken = [(q.start, q.end) for q in doubles]
    singles = _pair_single(text, layout, taken)
    return sorted(doubles + singles, key=lambda q: q.start)


def inner_text(text: str, quoted: Quoted) -> str:
    """The quoted words without their marks, parts joined by a space."""
    pieces = []
    for start, end in quoted.parts:
        s, e = start, end
        if s < e and is_mark(text[s]):
            s += 2 if text[s : s + 2] in DOUBLED_MARKS else 1
        if e > s and is_mark(text[e - 1]):
            e -= 2 if text[e - 2 : e] in DOUBLED_MARKS and e - 2 >= s else 1
        pieces.append(text[s:e].strip())
    return " ".join(p for p in pieces if p)
