"""Russian names in the nominative, so every case of a name is one entity.

Russian declines names: "Сергей Лавров", "по словам Сергея Лаврова", "Лаврову",
"в Женеве", "Министерства обороны". Read as written, each case would be an entity of its
own, within one article and across the archive. So the name a mention resolves to is put in
the nominative with pymorphy3's dictionary (already loaded for the Russian recogniser):

- a person's first name, patronymic and surname each in the nominative of one gender: the
  first name's or the patronymic's; a surname alone takes the reading another mention in
  the article confirms ("Лавров" makes "Лаврова" his genitive, not a woman's name), else
  the dictionary's likeliest;
- a place or an organisation: its head (the first noun) and the adjectives before it in
  the nominative, agreeing with the head; the words after the head are its complement and
  keep their case ("мэрии Москвы" -> "мэрия Москвы", "Государственной думы" ->
  "Государственная дума", "Соединенных Штатов Америки" -> "Соединенные Штаты Америки").

Words the dictionary does not read as such (foreign names, acronyms, Latin script) stay as
written. Capitals are kept as the text has them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

#: Grammemes of a person's name parts.
_PERSON_PARTS = ("Name", "Patr", "Surn")
#: Parts of speech that agree with the head noun before it.
_AGREEING = ("ADJF", "PRTF")


@lru_cache(maxsize=65536)
def _parses(word: str) -> tuple[Any, ...]:
    from wiredesk.entities.russian_orgs import morph_analyser  # one analyser for both

    return tuple(morph_analyser().parse(word.lower()))


def _cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


def _written_like(form: str, original: str) -> str:
    """``form`` with the capitals of ``original``: all capitals for an acronym, also one
    declined ("МИДа" -> "МИД"), else each hyphenated part's first letter."""
    if "ё" not in original.lower():
        form = form.replace("ё", "е")  # the dictionary writes ё where the text may not
    if sum(ch.isupper() for ch in original) > 1 and original[:2].isupper():
        return form.upper()
    if original[:1].isupper():
        return "-".join(part[:1].upper() + part[1:] for part in form.split("-"))
    return form


def _inflected(parse: Any, wanted: set[str]) -> str | None:
    found = parse.inflect(wanted)
    return found.word if found is not None else None


def _part_parses(word: str, gender: str | None) -> list[Any]:
    """The word's readings as a part of a person's name, of ``gender`` when given."""
    if not _cyrillic(word) or word.isupper():
        return []
    found = [
        p for p in _parses(word) if {"NOUN", "sing"} <= p.tag.grammemes and _person_part(p)
    ]  # one person: never a plural reading ("Инаркиев" is no genitive plural of a name)
    if gender:
        found = [p for p in found if gender in p.tag.grammemes]
    return found


def _person_part(parse: Any) -> str | None:
    return next((part for part in _PERSON_PARTS if part in parse.tag.grammemes), None)


def _gender(words: Sequence[str]) -> str | None:
    """The gender a first name or a patronymic gives the whole name."""
    for word in words:
        for parse in _part_parses(word, None):
            if _person_part(parse) in ("Name", "Patr") and parse.tag.gender:
                return str(parse.tag.gender)
    return None


@lru_cache(maxsize=65536)
def person_readings(name: str) -> tuple[str, ...]:
    """The nominatives a person's name can be, likeliest first (one for a full name; a
    surname alone can be two: "Лаврова" is his genitive or her name)."""
    words = name.split()
    gender = _gender(words)
    genders = [gender] if gender else ["masc", "femn"]
    readings: list[tuple[float, str]] = []
    for wanted in genders:
        out, score, changed = [], 0.0, False
        for word in words:
            parses = _part_parses(word, wanted)
            if not parses:
                out.append(word)
                continue
            best = parses[0]
            form = _inflected(best, {"nomn", "sing"}) or word.lower()
            out.append(_written_like(form, word))
            score += best.score
            changed = True
        if changed:
            readings.append((score, " ".join(out)))
    readings.sort(key=lambda r: -r[0])
    found = tuple(dict.fromkeys(r for _, r in readings))
    return found or (name,)


@lru_cache(maxsize=65536)
def place_or_body_nominative(name: str) -> str:
    """A place's or an organisation's name with its head and the adjectives before it in
    the nominative (see the module's docstring)."""
    words = name.split()
    head_at = next(
        (
            i
            for i, w in enumerate(words)
            if _cyrillic(w)
            and not w.isupper()
            and "NOUN" in _parses(w)[0].tag.grammemes
            and not _adjective_of_next(words, i)
        ),
        None,
    )
    if head_at is None:
        return name
    head = _parses(words[head_at])[0]
    if "nomn" in head.tag.grammemes:
        return name
    number = str(head.tag.number or "sing")
    head_form = _inflected(head, {"nomn", number})
    if head_form is None:
        return name
    out = list(words)
    out[head_at] = _written_like(head_form, words[head_at])
    for i in range(head_at):
        agreeing = [
            p
            for p in _parses(words[i])
            if p.tag.POS in _AGREEING
            and p.tag.case == head.tag.case
            and p.tag.number == head.tag.number
            and (number == "plur" or p.tag.gender in (None, head.tag.gender))
        ]
        if not agreeing or not _cyrillic(words[i]):
            return name  # not an adjective of the head: leave the name as written
        wanted = {"nomn", number} | ({str(head.tag.gender)} if number == "sing" else set())
        form = _inflected(agreeing[0], wanted)
        if form is None:
            return name
        out[i] = _written_like(form, words[i])
    return " ".join(out)


def _adjective_of_next(words: Sequence[str], i: int) -> bool:
    """Whether a word the dictionary reads first as a noun is an adjective of the next word,
    agreeing with its noun reading ("Частного корреспондента": "частное" is a noun too)."""
    if i + 1 >= len(words) or not _cyrillic(words[i + 1]):
        return False
    head = _parses(words[i + 1])[0]
    if "NOUN" not in head.tag.grammemes:
        return False
    return any(
        p.tag.POS in _AGREEING and p.tag.case == head.tag.case and p.tag.number == head.tag.number
        for p in _parses(words[i])
    )


def nominative_names(names: Sequence[str], types: Sequence[str]) -> list[str]:
    """Each mention's name (one article's, in text order) in the nominative. A surname that
    reads two ways takes the one a full name or another surname in the article confirms."""
    readings = [
        person_readings(n) if t == "PERSON" else (place_or_body_nominative(n),)
        for n, t in zip(names, types, strict=True)
    ]
    certain = {
        r[0].split()[-1]
        for r, t in zip(readings, types, strict=True)
        if t == "PERSON" and len(r) == 1
    }
    out = []
    for options in readings:
        confirmed = [o for o in options if o.split()[-1] in certain]
        out.append((confirmed or options)[0])
    return out
