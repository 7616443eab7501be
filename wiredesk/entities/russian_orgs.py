"""Russian organisations after the model: whole names and names it missed.

An organisation's span is extended the way factRuEval-2016 marks them: over the rest of a
hyphenated word ("Газпром-медиа"), past a closing preposition ("Фонд борьбы с
коррупцией"), to the closing quotation mark of its quoted name, which factRuEval leaves
out ("телеканал «Россия 1"), over an English name's "The" ("The Independent"), over a
one-word place after it ("Госдепартамента США"), and, when it is named by a lower-case
noun, over the relational adjectives before it ("круглосуточного телеканала", "российской
социальной сети"; not "новый", "крупнейшего").

``data/ru_orgs.tsv`` lists the names (``name``, times marked as an organisation, times
written) that factRuEval-2016's training documents mark as an organisation at least
``MIN_MARKED`` times and in at least ``MIN_SHARE`` of the places they are written, such as
"Голос Америки" or "ВКонтакте". Only documents not held back for the benchmark are read (see
``wiredesk.entities.factrueval``). Rebuild with
``python -m wiredesk.entities.russian_orgs [EVAL_DIR]`` (default ``../shared/eval``).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from wiredesk.entities.mention import Mention

DATA = Path(__file__).resolve().parent / "data" / "ru_orgs.tsv"
MIN_MARKED = 2
MIN_SHARE = 0.6
#: Types a listed name may replace when the model gave the very same words another type.
_REPLACED = frozenset({"PERSON", "MISC"})


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def count_names(documents: list) -> list[tuple[str, int, int]]:
    """(name, times marked ORG, times written) for names worth listing."""
    marked: Counter[str] = Counter()
    for doc in documents:
        for start, end, label in doc.spans:
            name = doc.text[start:end]
            if label == "ORG" and name[:1].isupper() and "\n" not in name:
                marked[name] += 1
    listed = []
    for name, times in marked.items():
        if times < MIN_MARKED:
            continue
        written = sum(len(_occurrences(doc.text, name)) for doc in documents)
        if written and times / written >= MIN_SHARE:
            listed.append((name, times, written))
    return sorted(listed)


@lru_cache(maxsize=1)
def known_orgs() -> tuple[str, ...]:
    """The listed names, longest first."""
    if not DATA.exists():
        return ()
    names = [
        line.split("\t", 1)[0]
        for line in DATA.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _known_pattern() -> re.Pattern[str] | None:
    """One pattern for every listed name, longer names tried first at each place."""
    names = known_orgs()
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


def _org(text: str, start: int, end: int) -> Mention:
    words = text[start:end]
    return Mention(text=words, type="ORG", start_char=start, end_char=end, name=words)


def extend_hyphenated(text: str, mentions: list[Mention]) -> list[Mention]:
    """An organisation cut at a hyphen takes the rest of the word: "Газпром-медиа"."""
    out = []
    for m in mentions:
        tail = re.match(r"-[^\W_]+", text[m.end_char :]) if m.type == "ORG" else None
        out.append(_org(text, m.start_char, m.end_char + tail.end()) if tail else m)
    return out


#: Words an organisation's name does not end with: "Фонд борьбы с" goes on to "коррупцией".
_OPEN_ENDS = frozenset({"с", "со", "по", "в", "во", "на", "и", "для", "при", "о", "об", "за"})


def extend_open_ends(text: str, mentions: list[Mention]) -> list[Mention]:
    """An organisation ending in a preposition or "и" takes the next word."""
    out = []
    for m in mentions:
        last = m.text.rsplit(None, 1)[-1].lower() if m.type == "ORG" else ""
        tail = re.match(r" [^\W\d_]+", text[m.end_char :]) if last in _OPEN_ENDS else None
        out.append(_org(text, m.start_char, m.end_char + tail.end()) if tail else m)
    return out


_OPENING = {"«": "»", "„": "“", '"': '"'}


def extend_to_closing_quote(text: str, mentions: list[Mention]) -> list[Mention]:
    """An organisation cut inside its quoted name runs to the closing mark, without it:
    "телеканал «Россия" -> "телеканал «Россия 1" in "телеканал «Россия 1»"."""
    out = []
    for m in mentions:
        opened = next((q for q in _OPENING if m.type == "ORG" and m.text.count(q) % 2 == 1), None)
        if opened is None or (opened == "«" and "»" in m.text):
            out.append(m)
            continue
        rest = re.match(
            r"[^\n" + re.escape(_OPENING[opened]) + "«»]{1,40}" + re.escape(_OPENING[opened]),
            text[m.end_char :],
        )
        if rest and len(rest.group().split()) <= 4:
            out.append(_org(text, m.start_char, m.end_char + rest.end() - 1))
        else:
            out.append(m)
    return out


def extend_over_the(text: str, mentions: list[Mention]) -> list[Mention]:
    """An organisation's English name takes its article: "The Independent"."""
    out = []
    for m in mentions:
        if m.type == "ORG" and text[max(0, m.start_char - 4) : m.start_char] == "The ":
            out.append(_org(text, m.start_char - 4, m.end_char))
        else:
            out.append(m)
    return out


def extend_over_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """An organisation followed by a one-word place takes it in ("Госдепартамента США");
    the place stays a place of its own."""
    places = {m.start_char: m for m in mentions if m.type in ("GPE", "LOC") and " " not in m.text}
    out = []
    for m in mentions:
        place = places.get(m.end_char + 1) if m.type == "ORG" else None
        if place is not None and text[m.end_char] == " ":
            out.append(_org(text, m.start_char, place.end_char))
        else:
            out.append(m)
    return out


@lru_cache(maxsize=1)
def morph_analyser():  # noqa: ANN201 - pymorphy3.MorphAnalyzer
    """pymorphy3's Russian analyser, loaded once per process (0.14 CPU s)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=4096)
def is_adjective(word: str) -> bool:
    """A relational adjective ("российской", "социальной"): not a participle, a pronoun's
    ("этой", "своего"), an ordinal, nor one of quality ("новый", "крупнейшего")."""
    tag = morph_analyser().parse(word)[0].tag
    return tag.POS == "ADJF" and not ({"Apro", "Anum", "Qual", "Supr"} & tag.grammemes)


def extend_adjectives(text: str, mentions: list[Mention]) -> list[Mention]:
    """An organisation named by a lower-case noun takes the adjectives before it
    ("круглосуточного телеканала World Fashion Channel"), as factRuEval marks them."""
    out = []
    for m in mentions:
        start = m.start_char
        if m.type == "ORG" and m.text[:1].islower():
            while (
                word := re.search(r"(?<![\w-])([а-яё][а-яё-]*) $", text[max(0, start - 40) : start])
            ) and is_adjective(word.group(1)):
                start -= len(word.group())
        out.append(_org(text, start, m.end_char) if start != m.start_char else m)
    return out


def add_known_orgs(text: str, mentions: list[Mention]) -> list[Mention]:
    """Listed names the model left out, as organisations.

    A name is added where no mention overlaps it other than places inside it ("Москвы" in
    "Эха Москвы", which is also a place); the same words given as a person or MISC become
    the organisation.
    """
    pattern = _known_pattern()
    if pattern is None:
        return mentions
    out = list(mentions)
    for match in pattern.finditer(text):
        start, end = match.span()
        same = [m for m in out if (m.start_char, m.end_char) == (start, end)]
        if same:
            if any(m.type == "ORG" for m in same) or not all(m.type in _REPLACED for m in same):
                continue
            out = [m for m in out if m not in same]
        overlapping = [m for m in out if m.start_char < end and start < m.end_char]
        if all(
            m.type in ("GPE", "LOC")
            and start <= m.start_char
            and m.end_char <= end
            and (m.start_char, m.end_char) != (start, end)
            for m in overlapping
        ):
            out.append(_org(text, start, end))
    return sorted(out, key=lambda m: (m.start_char, -m.end_char))


def refine_russian(text: str, mentions: list[Mention]) -> list[Mention]:
    """The Russian rule layers, in order, on the model's cleaned mentions."""
    mentions = extend_hyphenated(text, mentions)
    mentions = extend_open_ends(text, mentions)
    mentions = extend_to_closing_quote(text, mentions)
    mentions = extend_over_the(text, mentions)
    mentions = extend_over_places(text, mentions)
    mentions = extend_adjectives(text, mentions)
    mentions = add_known_orgs(text, mentions)
    return mentions


def write_list(eval_dir: Path, path: Path = DATA) -> int:
    from wiredesk.entities.factrueval import factrueval_split

    documents = factrueval_split(eval_dir / "factrueval")["train"]
    rows = count_names(documents)
    header = (
        "# Russian organisation names: name, times marked Org, times written, in the\n"
        "# training documents of factRuEval-2016 (dialogue-evaluation/factRuEval-2016, MIT;\n"
        "# every fifth document and every tenth of the rest not read). Rebuild:\n"
        "# python -m wiredesk.entities.russian_orgs\n"
    )
    body = "".join(f"{name}\t{marked}\t{written}\n" for name, marked, written in rows)
    path.write_text(header + body, encoding="utf-8")
    known_orgs.cache_clear()
    _known_pattern.cache_clear()
    return len(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default="../shared/eval", type=Path)
    args = parser.parse_args(argv)
    print(f"{write_list(args.eval_dir)} names written to {DATA}")


if __name__ == "__main__":
    main()
