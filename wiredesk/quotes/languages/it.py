"""Italian: « … », “…”, dialogue dashes; the passato prossimo ("ha detto", "ha
aggiunto") and a subject often left out, as in Spanish."""

from __future__ import annotations

from wiredesk.quotes.languages.model import QuoteLanguage, forms, words


def are_verb(stem: str) -> list[str]:
    """Forms of an -are verb (dichiar -> dichiara, dichiarano, dichiarò, dichiararono,
    dichiarava, dichiarato, dichiarata)."""
    return [stem + e for e in ("a", "ano", "ò", "arono", "ava", "avano", "ato", "ata", "ati")]


_ARE = """dichiar afferm spieg sottoline annunci precis ricord confer conferm assicur
avvert osserv denunci ribad comment rivel raccont dichiar insist lament specific evidenzi
chiar esord segnal replic ammonisc twitt""".split()
_IRREGULAR = """detto detta dice dicono disse dissero diceva dicevano aggiunge aggiungono
aggiunse aggiunto aggiunta sostiene sostengono sostenne sostenuto ribadisce ribadito ribadì
ammette ammesso ammise conclude concluso concluse scrive scritto scrisse risponde risposto
rispose avverte avvertito avvertì promette promesso promise""".split()

RESOURCES = QuoteLanguage(
    code="it",
    cues=forms([f for stem in _ARE for f in are_verb(stem)], _IRREGULAR)
    - words("ricorda conferma segnala commenta"),
    complementisers=words("che"),
    according_to=("secondo", "a detta di", "stando a"),
    titles=words(
        """presidente ministro ministra premier portavoce sindaco sindaca direttore
        direttrice segretario segretaria ambasciatore ambasciatrice procuratore procuratrice
        capo leader deputato deputata senatore senatrice governatore responsabile
        commissario giudice avvocato avvocata esperto esperta governo polizia"""
    ),
    pronouns={"lui": "m", "lei": "f", "loro": "p", "egli": "m", "ella": "f"},
    source_pronouns=words("lui lei loro"),
    determiners=words("il lo la i gli le l' l’ un uno una un' del della dello dei degli delle"),
    not_subject=words(
        """e ma anche poi allora quindi inoltre in a al alla di del della per con su da dopo
        ieri oggi lunedì martedì mercoledì giovedì venerdì sabato domenica così però non"""
    ),
    abbreviations=words("sig sigg dott dr prof on ing avv etc"),
    naming=words("chiamato chiamata denominato denominata intitolato intitolata soprannominato"),
    auxiliaries=words("ha hanno aveva avevano avrebbe è"),
    pro_drop=True,
    dialogue_dash=True,
    framing=words("definito definisce definì bollato bolla parlato parla chiamato chiama"),
)
