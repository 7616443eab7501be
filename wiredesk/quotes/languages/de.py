"""German: „…“, »…«, ‚…‘, ›…‹; verb-second inversion ("sagte der Minister", „…“, so Merz);
reported speech in the Konjunktiv I ("Die Lage sei ernst"), which marks a clause as someone
else's words even without a verb of saying."""

from __future__ import annotations

from wiredesk.quotes.languages.model import QuoteLanguage, forms, words

_INSEPARABLE = ("be", "er", "ver", "ent", "zer", "über", "unter", "wider", "miss", "hinter", "ge")


def weak(stem: str, particle: str = "") -> list[str]:
    """Forms of a weak verb: present and past 3rd person, participle (sag -> sagt, sagte,
    sagten, gesagt); a separable particle goes into the participle (hinzugefügt) and stands
    apart in the finite forms, which are matched alone (fügte … hinzu)."""
    joint = "e" if stem.endswith(("t", "d")) or stem.endswith(("chn", "ffn", "gn")) else ""
    finite = [stem + joint + "t", stem + joint + "te", stem + joint + "ten", stem + "en"]
    if stem.endswith("er") or stem.endswith("el"):
        finite[-1] = stem + "n"  # äußern, erläutern
    no_ge = stem.startswith(_INSEPARABLE) or stem.endswith("ier")
    participle = particle + ("" if no_ge else "ge") + stem + joint + "t"
    return [*finite, participle]


_WEAK = """sag erklär beton bericht erzähl behaupt mein warn forder kritisier bestätig erläuter
ergänz versicher äußer mahn klag bekräftig verkünd twitter informier argumentier kommentier
präzisier erwider entgegn antwort beklag bemängel vermut wiederhol verlaut signalisier
appellier berichtig dementier bilanzier resümier prognostizier betont unterstell beteuer
schilder zitier frag meld vermeld hoff befürcht fürcht glaub schätz verlang droh begründ
beschuldig leugn bezweifel vernein bejah plädier spekulier resümier folger skandier
empfehl beschreib urteil""".split()
_SEPARABLE = [
    ("hinzu", "füg"),
    ("mit", "teil"),
    ("an", "kündig"),
    ("ein", "räum"),
    ("klar", "stell"),
    ("fest", "stell"),
    ("dar", "leg"),
]
_STRONG = """schreibt schrieb schrieben geschrieben spricht sprach sprachen gesprochen
ruft rief riefen gerufen unterstrich unterstreicht unterstrichen verwies verweist verwiesen
versprach verspricht versprochen hieß heißt geheißen gab zugegeben warf vorgeworfen
wies hingewiesen betonte sagt sprach fügte teilte kündigte räumte stellte legte
bekannte bekennt bekannt räumte bestreitet bestritt bestritten gesteht gestand gestanden
befand befindet rät riet rieten geraten empfiehlt empfahl empfahlen empfohlen
widersprach widerspricht widersprachen widersprochen bekanntgegeben zurückgewiesen""".split()


def joined(separable: dict[str, frozenset[str]]) -> list[str]:
    """Separable verbs written as one word at the end of a subordinate clause ("…, wie
    die Polizei mitteilte", "indem sie aufforderte")."""
    return [particle + finite for finite, particles in separable.items() for particle in particles]


_SEPARABLE_FINITE = {
    finite: frozenset(particles.split())
    for finite, particles in (
        ("teilt", "mit"),
        ("teilte", "mit"),
        ("teilten", "mit"),
        ("fügt", "hinzu"),
        ("fügte", "hinzu"),
        ("fügten", "hinzu"),
        ("kündigt", "an"),
        ("kündigte", "an"),
        ("kündigten", "an"),
        ("räumt", "ein"),
        ("räumte", "ein"),
        ("räumten", "ein"),
        ("stellt", "klar fest"),
        ("stellte", "klar fest"),
        ("stellten", "klar fest"),
        ("gibt", "an bekannt zu"),
        ("gab", "an bekannt zu"),
        ("gaben", "an bekannt zu"),
        ("wies", "hin zurück"),
        ("weist", "hin zurück"),
        ("wiesen", "hin zurück"),
        ("warf", "vor"),
        ("wirft", "vor"),
        ("warfen", "vor"),
        ("legte", "dar"),
        ("legt", "dar"),
        ("führte", "aus"),
        ("führt", "aus"),
        ("sprach", "aus"),
        ("rief", "auf"),
        ("ruft", "auf"),
        ("hob", "hervor"),
        ("hebt", "hervor"),
        ("machte", "deutlich klar"),
        ("macht", "deutlich klar"),
        ("ging", "aus"),
        ("geht", "aus"),
        ("fuhr", "fort"),
        ("fährt", "fort"),
        ("forderte", "auf"),
        ("fordert", "auf"),
    )
}

RESOURCES = QuoteLanguage(
    code="de",
    cues=forms(
        [f for stem in _WEAK for f in weak(stem)],
        [f for particle, stem in _SEPARABLE for f in weak(stem, particle)],
        _STRONG,
        joined(_SEPARABLE_FINITE),
    )
    - words("meinen fragen klagen sagen heißt bekannt gab stellte legte teilte wies warf"),
    complementisers=words("dass ob"),
    according_to=(
        "laut",
        "nach angaben",
        "nach ansicht",
        "nach auffassung",
        "nach aussage",
        "nach aussagen",
        "zufolge",
        "wie",
        "demnach",
    ),
    zero_sources=words("demnach"),
    titles=words(
        """kanzler kanzlerin bundeskanzler bundeskanzlerin minister ministerin präsident
        präsidentin sprecher sprecherin vorsitzende vorsitzender chef chefin bürgermeister
        bürgermeisterin staatsanwalt staatsanwältin abgeordnete abgeordneter generalsekretär
        botschafter botschafterin direktor direktorin leiter leiterin experte expertin trainer
        polizei regierung ministerium behörde behörden sprecherin senator senatorin
        ministerpräsident ministerpräsidentin bischof papst richter richterin anwalt anwältin
        polizeisprecher kommissar kommissarin gouverneur premier premierminister"""
    ),
    title_suffixes=(
        "minister",
        "ministerin",
        "sprecher",
        "sprecherin",
        "präsident",
        "präsidentin",
        "vorsitzende",
        "vorsitzender",
        "chef",
        "chefin",
        "leiter",
        "leiterin",
        "direktor",
        "meister",
        "anwalt",
        "sekretär",
    ),
    pronouns={"er": "m", "sie": "f", "es": "n"},
    determiners=words("der die das den dem des ein eine einer einem eines einen"),
    not_subject=words(
        """und aber auch dann so dazu zudem außerdem am im vor nach bei später bereits jedoch
        daher deshalb in an auf aus mit von zu zum zur für gegen über unter nun jetzt
        gestern heute morgen damals dort hier weiter ferner schließlich zuvor anschließend
        dabei darin darauf gegenüber wie als während seit bis doch noch es insgesamt
        unterdessen indes indessen inzwischen derweil mittlerweile zugleich gleichzeitig
        allerdings ebenfalls ebenso trotzdem dennoch zuletzt erstmals bislang bisher vorerst
        zunächst zuerst danach damit somit also nur erst vielmehr immerhin offenbar
        offensichtlich angeblich seither kürzlich jüngst letztlich überdies weiterhin
        hingegen dagegen andererseits einerseits stattdessen deswegen darum folglich
        wiederholt mehrfach mehrmals ausdrücklich öffentlich wörtlich sodann ebenda ganz
        sehr besonders gerade eben genau kaum fast"""
    ),
    abbreviations=words("dr prof bzw nr st vgl ca u a z b d h inkl evtl ggf usw etc mio mrd"),
    inverted_markers=words("so"),
    subjunctive=words(
        """sei seien seiest habe werde könne könnten müsse solle wolle dürfe möge gebe
        liege stehe gehe komme bleibe brauche plane wisse sehe handle trage"""
    ),
    subjunctive_weak=words("hätte hätten würde würden wäre wären müssten sollten wollten"),
    auxiliaries=words("hat haben hatte hatten habe"),
    naming=words(
        "sogenannte sogenannten sogenannter genannt genannte titel namens heißt motto "
        "slogan aufschrift überschrift parole"
    ),
    ordinal_dates=True,
    capitalised_nouns=True,
    epithet_heads=words(
        """politiker politikerin chef chefin vorsitzende vorsitzender abgeordnete abgeordneter
        kandidat kandidatin mann frau"""
    ),
    oblique_determiners=words("den dem einen einem"),
    object_pronouns=words("ihn ihm ihr ihnen uns mir mich dir dich sich euch"),
    source_prepositions=words("aus von vom"),
    finite_before_subject=words(
        "hat haben hatte hatten ließ ließen lässt will wollte wollten muss musste mussten "
        "soll sollte sollten kann konnte konnten wird wurde"
    ),
    copulas=words("ist sind war waren sei seien"),
    opinion_nouns=words("meinung ansicht auffassung überzeugung"),
    document_verbs=words("heißt hieß steht stand"),
    document_verbs_with_es=words("heißt hieß"),
    document_prepositions=words("in im bei beim"),
    inverted_subjects=words("er wir ich"),
    separable=_SEPARABLE_FINITE,
    framing=forms(
        weak("bezeichn"),
        weak("charakterisier"),
        weak("wert"),
        "nennt nannte nannten spricht sprach sprachen nennen".split(),
    ),
)
