"""Spanish: « … », “…”, dialogue dashes (—…—, dijo); the subject is often left out
("…», añadió), so an attribution without one refers to the speaker last named."""

from __future__ import annotations

from wiredesk.quotes.languages.model import QuoteLanguage, forms, words


def ar_verb(stem: str) -> list[str]:
    """Forms of an -ar verb (declar -> declara, declaran, declaró, declararon, declaraba,
    declaraban, declarado). Only the participle of the compound tenses ("ha declarado"),
    which never agrees: a feminine or plural one ("la medida, criticada por …") describes
    a noun, and says nothing was said."""
    return [stem + e for e in ("a", "an", "ó", "aron", "aba", "aban", "ado")]


def er_ir_verb(stem: str) -> list[str]:
    """Forms of an -er or -ir verb (añad -> añade, añaden, añadió, añadieron, añadía,
    añadido; as ``ar_verb``, no feminine participle)."""
    return [stem + e for e in ("e", "en", "ió", "ieron", "ía", "ían", "ido")]


_AR = """declar afirm explic señal asegur indic destac subray insist recalc apunt
expres reiter comunic anunci conclu matiz precis manifest critic denunci confirm
advirt lament reconoc cuestion relat narr pregunt contest agreg""".split()
_ER_IR = """añad insist admit respond sosten advert""".split()
_IRREGULAR = """dijo dice dicen dijeron decía decían dicho sostuvo sostienen sostiene
advirtió advierte advierten reconoció reconoce reconocido escribió escribe escrito
concluyó concluye respondió responde prometió promete""".split()

RESOURCES = QuoteLanguage(
    code="es",
    cues=forms(
        [f for stem in _AR for f in ar_verb(stem)],
        [f for stem in _ER_IR for f in er_ir_verb(stem)],
        _IRREGULAR,
    )
    - words("destaca señala indica"),
    complementisers=words("que"),
    according_to=("según", "de acuerdo con", "a juicio de"),
    titles=words(
        """presidente presidenta ministro ministra portavoz alcalde alcaldesa director
        directora secretario secretaria jefe jefa embajador embajadora fiscal diputado
        diputada senador senadora gobernador gobernadora responsable líder canciller
        consejero consejera delegado delegada juez jueza abogado abogada experto experta
        gobierno policía"""
    ),
    pronouns={"él": "m", "ella": "f", "ellos": "p", "ellas": "p"},
    source_pronouns=words("él ella ellos ellas"),
    determiners=words("el la los las un una unos unas del al este esta"),
    not_subject=words(
        """y pero también luego entonces además en a al de del para por con sin tras ante
        ayer hoy este lunes martes miércoles jueves viernes sábado domingo así sin embargo
        no"""
    ),
    abbreviations=words("sr sra srta dr dra d dña ud uds etc"),
    naming=words("llamado llamada denominado denominada titulado titulada bautizado apodado"),
    auxiliaries=words("ha han había habían habría"),
    pro_drop=True,
    dialogue_dash=True,
    framing=words("calificó califica calificado tildó tilda habló habla definió define llamó"),
)
