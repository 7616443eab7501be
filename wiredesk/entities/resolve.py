"""Within one article: the mentions that mean the same entity get one name, type and roles.

"Foreign Minister Amara Oyelaran" ... "Oyelaran" ... "Oyelaran's" are one person named
"Amara Oyelaran"; "International Energy Agency (IEA)" ... "the IEA" one organisation named
by its expansion; "the Taliban movement" and "the Taliban" one group. The name kept is the
fullest form the article uses, so the archive-wide linker compares like with like.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from wiredesk.entities.acronyms import abbreviates, is_acronym
from wiredesk.entities.mention import Mention, normalise_name
from wiredesk.entities.nicknames import QUOTED_NICKNAME
from wiredesk.entities.russian_names import nominative_names

#: When the votes for an entity's type tie, the first of these wins.
TYPE_PRIORITY = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")
#: Types whose lone words may be surnames the model mislabelled.
_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})
_DEFINITION = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z.&]{1,9})\)")
_INNER_DEFINITION = re.compile(r"^(?P<name>.+?)\s*\((?P<acr>[A-Z][A-Za-z.&]{1,9})\)$")


def base_name(text: str, language: str = "en") -> str:
    """The name in a surface form: no "the", possessive or lower-case descriptor noun.

    "the Taliban movement's" -> "Taliban"; capitalised words stay ("Labour Party"). In
    other languages lower-case words belong to names ("Assemblée nationale",
    "Министерство обороны"), so only spacing is made regular.
    """
    name = " ".join(text.split())
    if language != "en":
        return name
    name = QUOTED_NICKNAME.sub("", name)  # William "Bill" Smith -> William Smith
    name = re.sub(r"^(?:the|The|THE)\s+", "", name)
    name = re.sub(r"\s?['\u2019]s?$", "", name)
    inner = _INNER_DEFINITION.match(name)
    if inner:
        name = inner.group("name")
    words = name.split()
    while len(words) > 1 and words[-1].isalpha() and words[-1].islower():
        words.pop()
    return " ".join(words)


def _fullest(names: list[str]) -> str:
    """Most words, then most characters, then earliest (``names`` is in text order)."""
    return max(
        enumerate(names), key=lambda p: (len(p[1].split()), len(p[1]), not p[1].isupper(), -p[0])
    )[1]


def _acronym_definitions(text: str, mentions: list[Mention], bases: list[str]) -> dict[str, str]:
    """Acronyms the article defines: "International Energy Agency (IEA)"."""
    defined: dict[str, str] = {}
    for mention, base in zip(mentions, bases, strict=True):
        inner = _INNER_DEFINITION.match(mention.text.strip())
        after = _DEFINITION.match(text, mention.end_char) if text else None
        acronym = inner.group("acr") if inner else after.group("acr") if after else None
        if acronym and " " in base:
            defined.setdefault(acronym.replace(".", ""), base)
    return defined


def _person_targets(mentions: list[Mention], bases: list[str]) -> dict[int, str]:
    """Index -> full person name, for persons named by part of their name."""
    full: dict[str, list[str]] = defaultdict(list)
    for mention, base in zip(mentions, bases, strict=True):
        words = base.split()
        if mention.type == "PERSON" and len(words) > 1:
            full[words[-1]].append(base)
    targets: dict[int, str] = {}
    for i, (mention, base) in enumerate(zip(mentions, bases, strict=True)):
        words = base.split()
        if not words or mention.type not in _NAME_TYPES:
            continue
        known = dict.fromkeys(full.get(words[-1], []))
        candidates = [n for n in known if set(words) <= set(n.split())]
        if mention.type != "PERSON" and len(words) > 1:
            continue
        if len(candidates) == 1:
            targets[i] = candidates[0]
        elif candidates:
            before = [
                bases[j]
                for j in range(i)
                if bases[j] in candidates and mentions[j].type == "PERSON"
            ]
            if before:
                targets[i] = before[-1]
    # A shorter full form ("Amara Oyelaran") takes the fullest one that contains it.
    for i, name in list(targets.items()):
        longer = [n for n in full[name.split()[-1]] if set(name.split()) <= set(n.split())]
        targets[i] = _fullest([name, *longer])
    return targets


def _acronym_targets(
    mentions: list[Mention], bases: list[str], defined: dict[str, str]
) -> dict[int, str]:
    """Index -> expansion, for acronyms the article defines or spells out."""
    pairs = zip(mentions, bases, strict=True)
    expansions = [b for m, b in pairs if " " in b and m.type != "PERSON"]
    targets: dict[int, str] = {}
    for i, base in enumerate(bases):
        if not is_acronym(base):
            continue
        if base.replace(".", "") in defined:
            targets[i] = defined[base.replace(".", "")]
            continue
        matches = list(dict.fromkeys(e for e in expansions if abbreviates(base, e)))
        if len(matches) == 1:
            targets[i] = matches[0]
    return targets


def resolve_mentions(text: str, mentions: list[Mention], language: str = "en") -> list[Mention]:
    """Give mentions of the same entity in one article one name, type and set of roles."""
    ordered = sorted(mentions, key=lambda m: (m.start_char, m.end_char))
    # A name that differs from its text only in case (a dateline's "GENEVA" -> "Geneva").
    written = [m.name if m.name.lower() == m.text.lower() else m.text for m in ordered]
    bases = [base_name(w, language) or w for w in written]
    if language == "ru":  # declined names in the nominative: one entity in every case
        bases = nominative_names(bases, [m.type for m in ordered])
    if language in GENITIVE_S:
        bases = _genitive_bases(bases)
    defined = _acronym_definitions(text, ordered, bases)
    names = list(bases)
    for i, name in _person_targets(ordered, bases).items():
        names[i] = name
    for i, name in _acronym_targets(ordered, bases, defined).items():
        names[i] = name

    # Mentions sharing a normalised name are one entity: pool their types, roles, forms.
    groups: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(names):
        groups[normalise_name(name)].append(i)
    persons = {i for i in range(len(ordered)) if ordered[i].type == "PERSON"}
    resolved = list(ordered)
    for members in groups.values():
        counted = [i for i in members if ordered[i].type in _NAME_TYPES]
        votes = Counter(ordered[i].type for i in counted)
        if any(i in persons and len(bases[i].split()) > 1 for i in members):
            label = "PERSON"
        elif votes:
            label = max(votes, key=lambda t: (votes[t], -_priority(t)))
        else:
            label = None
        name = _fullest([names[i] for i in members])
        roles = tuple(dict.fromkeys(r for i in members for r in ordered[i].roles))
        for i in members:
            kind = label if label and ordered[i].type in _NAME_TYPES else ordered[i].type
            resolved[i] = replace(ordered[i], name=name, type=kind, roles=roles)
    return resolved


#: Languages that write a name's genitive with -s or an apostrophe ("Europas", "Merz'").
GENITIVE_S = frozenset({"de"})


def _genitive_bases(bases: list[str]) -> list[str]:
    """A name in the genitive read as the name itself when the article also writes the
    name plain ("die Spaltung Europas" … "Europa", "Merkels Kurs" … "Angela Merkel"):
    without the plain form nearby, "Andreas" or "Paris" may be a name ending in s."""
    plain = set(bases)
    surnames = {b.split()[-1]: b for b in bases if len(b.split()) > 1}
    out = []
    for base in bases:
        stem = base[:-1] if base.endswith(("s", "'", "\u2019")) and len(base) > 3 else None
        if stem and not stem.endswith("s") and stem in plain:
            out.append(stem)
        elif stem and " " not in stem and stem in surnames:
            out.append(surnames[stem])
        else:
            out.append(base)
    return out


def _priority(label: str) -> int:
    return TYPE_PRIORITY.index(label) if label in TYPE_PRIORITY else len(TYPE_PRIORITY)
