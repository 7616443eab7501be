"""Recasing all-caps lines (headlines, datelines) so the statistical model can read them.

Models trained on mixed-case text see every word of "LEICESTERSHIRE TAKE OVER AT TOP" as
an acronym. Each all-caps word is rewritten to its usual form from the casing lexicon
(lower case or kept in capitals), otherwise Title case, since unknown words in headlines
are mostly names. The result has the same length, so character offsets carry over.
"""

from __future__ import annotations

import re

from wiredesk.entities.lexicon import casing_lexicon

_WORD = re.compile(r"[^\W\d_]+")
_LINE = re.compile(r"[^\n]+")
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def is_shouting(line: str, min_letters: int = 4, share: float = 0.8) -> bool:
    """True for a line written (almost) wholly in capitals."""
    # ASCII letters counted in C; the few other characters one by one.
    raw = line.encode("ascii", "ignore")
    upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
    cased = upper + len(raw) - len(raw.translate(None, _ASCII_LOWER))
    if len(raw) != len(line):
        others = _NON_ASCII.findall(line)
        letters = [ch for ch in others if ch.isalpha() and ch.lower() != ch.upper()]
        upper += sum(ch.isupper() for ch in letters)
        cased += len(letters)
    if cased < min_letters:
        return False
    return upper / cased >= share


def recase_word(word: str, lexicon: dict[str, str]) -> str:
    """The usual written form of an all-caps word, same length or unchanged."""
    if not word.isupper():
        return word
    form = lexicon.get(word.lower())
    if form == "u" or (form is None and len(word) == 1):
        return word
    new = word.lower() if form == "l" else word[0] + word[1:].lower()
    return new if len(new) == len(word) else word


def recase_line(line: str, lexicon: dict[str, str], first_upper: bool = True) -> str:
    out = _WORD.sub(lambda m: recase_word(m.group(), lexicon), line)
    if first_upper:
        first = _WORD.search(out)
        if first and first.group()[0].islower():
            i = first.start()
            out = out[:i] + out[i].upper() + out[i + 1 :]
    return out


def recase(text: str) -> str:
    """The text with every all-caps line recased; other lines untouched."""
    lexicon = casing_lexicon()

    def fix(match: re.Match[str]) -> str:
        line = match.group()
        return recase_line(line, lexicon) if is_shouting(line) else line

    out = _LINE.sub(fix, text)
    return out if len(out) == len(text) else text
