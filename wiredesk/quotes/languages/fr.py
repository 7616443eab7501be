"""French: « … » with (narrow) no-break spaces, “…”, dialogue dashes; the passé composé
("a déclaré") and inversion with a hyphenated pronoun ("a-t-il ajouté", "estime-t-elle")."""

from __future__ import annotations

from wiredesk.quotes.languages.model import QuoteLanguage, forms, words


def first_group(stem: str) -> list[str]:
    """Forms of an -er verb: present, imperfect, simple past, participle in its agreements
    (déclar -> déclare, déclarent, déclarait, déclara, déclaré, déclarée, déclarés)."""
    return [
        stem + "e",
        stem + "ent",
        stem + "ait",
        stem + "aient",
        stem + "a",
        stem + "èrent",
        stem + "é",
        stem + "ée",
        stem + "és",
        stem + "ées",
    ]


_FIRST = """déclar affirm ajout expliqu précis indiqu estim soulign insist rappel confi
annonc assur avert lanc résum jug dénonc martel raconté racont critiqu commenté comment
tweet observ not signal proclam témoign tranch insist exclam reconn confirm répét
constat prévien argu""".split()
_OTHER = """dit dite dits dire disait disaient dirait dis écrit écrite écrivait écrivent
avertit averti reconnaît reconnu reconnue admet admis admise poursuit poursuivi
répond répondu répondait soutient soutenu souligne prévient prévenu conclut conclu
promet promis""".split()

RESOURCES = QuoteLanguage(
    code="fr",
    cues=forms([f for stem in _FIRST for f in first_group(stem)], _OTHER)
    - words("note notes comment commente lance"),
    complementisers=words("que qu"),
    according_to=("selon", "d'après", "d’après", "aux yeux de"),
    titles=words(
        """ministre président présidente porte-parole directeur directrice maire chef cheffe
        secrétaire ambassadeur ambassadrice député députée procureur procureure patron
        patronne premier dirigeant dirigeante responsable sénateur sénatrice gouvernement
        préfet préfète commissaire juge avocat avocate général porte-parolat expert
        experte envoyé envoyée émissaire représentant représentante négociateur
        négociatrice"""
    ),
    pronouns={"il": "m", "elle": "f", "ils": "p", "elles": "p", "on": "p"},
    source_pronouns=words("lui elle eux elles"),
    determiners=words("le la les l' l’ un une des du ce cette son sa ses leur leurs"),
    not_subject=words(
        """et mais aussi puis alors donc ensuite enfin en à au aux dans de du pour sur par
        avec sans lors mardi lundi mercredi jeudi vendredi samedi dimanche hier
        aujourd'hui or cependant toutefois pourtant ainsi"""
    ),
    abbreviations=words("m mme mlle dr pr st ste etc av n°"),
    naming=words("baptisé baptisée intitulé intitulée surnommé surnommée appelé appelée dit"),
    auxiliaries=words("a ont avait avaient aurait va"),
    dialogue_dash=True,
    framing=words(
        "qualifie qualifié qualifiée qualifiait évoque évoqué parle parlé dénonce dénoncé "
        "traite traité"
    ),
)
