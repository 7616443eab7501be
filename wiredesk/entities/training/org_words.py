"""Words that tell a German organisation's name: head nouns of its compounds and legal forms.

German names most bodies with one compound whose last part says what kind of body it is
("Bundesärztekammer", "Umweltbundesamt", "Landgericht"), a kind few thousand training
sentences show only a handful of times each; a company's name ends in its legal form
("Siemens AG", "Müller GmbH") and a sports club's starts with its initials ("FC", "VfB").
The recogniser reads the mark this module gives (``Org=Head``: a compound ending in a
body's head noun, ``Org=Noun``: the head noun itself, ``Org=Form``: a legal form or a
club's initials) as one more word feature; whether the word is a name is left to it.
"""

from __future__ import annotations

#: Last parts of compounds that name bodies (lower case, singular nominative).
HEADS = (
    "ministerium",
    "amt",
    "gericht",
    "gerichtshof",
    "verband",
    "partei",
    "bank",
    "kammer",
    "institut",
    "stiftung",
    "gesellschaft",
    "verein",
    "vereinigung",
    "behörde",
    "rat",
    "bund",
    "bündnis",
    "konzern",
    "universität",
    "hochschule",
    "akademie",
    "agentur",
    "anstalt",
    "kommission",
    "komitee",
    "ausschuss",
    "direktion",
    "polizei",
    "staatsanwaltschaft",
    "regierung",
    "parlament",
    "senat",
    "landtag",
    "bundestag",
    "versicherung",
    "sparkasse",
    "genossenschaft",
    "gewerkschaft",
    "verlag",
    "zeitung",
    "rundfunk",
    "fraktion",
    "kabinett",
    "präsidium",
    "armee",
    "bundeswehr",
    "verwaltung",
    "organisation",
    "union",
    "liga",
    "klub",
    "club",
    "werke",
    "holding",
    "klinikum",
    "orchester",
    "dienst",
    "kirche",
    "gemeinschaft",
    "konferenz",
    "allianz",
    "zentrale",
)
#: Written after a company's name, or before a club's (as written, case matters).
FORMS = frozenset(
    {
        "AG",
        "GmbH",
        "mbH",
        "KG",
        "KGaA",
        "OHG",
        "GbR",
        "SE",
        "eG",
        "e.V.",
        "e.V",
        "Co.",
        "Co",
        "Inc.",
        "Inc",
        "Ltd.",
        "Ltd",
        "Corp.",
        "Corp",
        "LLC",
        "plc",
        "PLC",
        "S.A.",
        "N.V.",
        "B.V.",
        "FC",
        "SC",
        "SV",
        "TSV",
        "VfB",
        "VfL",
        "TuS",
        "SpVgg",
        "BSC",
        "FSV",
    }
)
#: Inflected endings tried off a word before matching a head ("Ministeriums", "Amtes").
_ENDINGS = ("es", "s", "en", "n", "e")
#: Shortest first part a compound keeps before its head ("Landrat", not "Rat" in "Apparat").
_MIN_FIRST = 3
#: Heads longest first: the longest head a word ends with is the one it is checked against.
_SORTED_HEADS = sorted(HEADS, key=len, reverse=True)


def _head_of(stem: str) -> str:
    """The head ``stem`` ends with, longest first; "" for none."""
    for head in _SORTED_HEADS:
        if stem.endswith(head):
            return head
    return ""


def org_mark(word: str) -> str:
    """The word's mark as written: "Form", "Head", "Noun" or "" (none)."""
    if word in FORMS:
        return "Form"
    if not word[:1].isupper():
        return ""
    lower = word.lower().rsplit("-", 1)[-1] if "-" in word else word.lower()
    for stem in (lower, *(lower[: -len(e)] for e in _ENDINGS if lower.endswith(e))):
        head = _head_of(stem)
        if not head:
            continue
        if stem == head:
            return "Noun" if "-" not in word else "Head"
        if len(stem) - len(head) >= _MIN_FIRST or "-" in word:
            return "Head"
    return ""
