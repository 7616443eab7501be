"""Russian: «…», „…“, dialogue dashes (— …, — заявил он); the past tense agrees in gender
and number (заявил, заявила, заявили), and the speaker usually follows the verb after a
quotation."""

from __future__ import annotations

from wiredesk.quotes.languages.model import QuoteLanguage, forms, words


def past(stem: str) -> list[str]:
    """Past-tense forms of a verb (заяви -> заявил, заявила, заявило, заявили)."""
    return [stem + e for e in ("л", "ла", "ло", "ли")]


_PAST = """заяви сказа сообщи отмети подчеркну добави поясни рассказа замети указа уточни
призна предупреди написа ответи призва говори сообща заявля отмеча подчеркива подчёркива
объясни добавля напомни утвержда резюмирова констатирова признава счита""".split()
_PRESENT = """заявляет заявляют говорит говорят сообщает сообщают отмечает отмечают
подчеркивает подчёркивает подчеркивают добавляет пишет пишут считает считают уверен
уверена полагает полагают утверждает утверждают напоминает поясняет уточняет признает
признаёт""".split()

_TITLES = """министр президент премьер премьер-министр председатель глава представитель
пресс-секретарь мэр губернатор директор депутат спикер руководитель генсек генеральный
секретарь эксперт замглавы заместитель прокурор судья официальный аналитик""".split()
#: Forms no rule below makes ("посол" drops its vowel; its locative "после" is "after").
_IRREGULAR = "посол посла послу послом послы послов послам послами послах".split()


def case_forms(title: str) -> list[str]:
    """A role noun in every case, singular and plural, by its ending ("министр" ->
    "министра", "министром"; "председатель" -> "председателя"; "глава" -> "главы"; an
    adjective "генеральный" -> "генерального"), so "по словам министра" names a role:
    the source after "по словам" is always in the genitive. A hyphenated one declines its
    last part ("пресс-секретаря"); an indeclinable compound ("замглавы") stays."""
    stem, last = title[:-1], title[-1]
    if title.endswith(("ый", "ий", "ой")):
        base = title[:-2]
        return [title] + [base + e for e in ("ого", "ому", "ым", "ом", "ые", "ых", "ыми")]
    if title.endswith("ы"):
        return [title]
    if last == "ь":
        return [title] + [stem + e for e in ("я", "ю", "ем", "е", "и", "ей", "ям", "ями", "ях")]
    if last == "я":
        return [title] + [stem + e for e in ("и", "е", "ю", "ей", "ям", "ями", "ях")]
    if last == "а":
        plural = "и" if stem[-1:] in "кгхжшчщ" else "ы"
        return [title] + [stem + e for e in (plural, "е", "у", "ой", "ам", "ами", "ах")]
    plural = "и" if last in "кгхжшчщ" else "ы"
    endings = ("а", "у", "ом", "е", plural, "ов", "ам", "ами", "ах")
    return [title] + [title + e for e in endings]


#: "In his words": the source is the person last named, as German "demnach" points back.
_OWN_WORDS = tuple(
    f"по {whose} {what}" for whose in ("его", "ее", "её", "их") for what in ("словам", "мнению")
)


def _stem(title: str) -> str:
    """What every case of a role noun starts with ("председатель" -> "председател")."""
    return title[:-1] if title[-1] in "ьая" else title


RESOURCES = QuoteLanguage(
    code="ru",
    cues=forms([f for stem in _PAST for f in past(stem)], _PRESENT),
    complementisers=words("что чтобы"),
    according_to=(
        "по словам",
        "по мнению",
        "по данным",
        "как сообщил",
        "как сообщила",
        "как заявил",
        "как заявила",
        "по сообщению",
        *_OWN_WORDS,
    ),
    zero_sources=frozenset(_OWN_WORDS),
    source_pronouns=words("его ее её их"),
    titles=frozenset(f for title in _TITLES for f in case_forms(title)) | set(_IRREGULAR),
    # "посол" has no stem its cases share but "пос" (as "после" has): its forms stand as written
    title_stems={form: _stem(title) for title in _TITLES for form in case_forms(title)},
    pronouns={"он": "m", "она": "f", "они": "p"},
    determiners=frozenset(),
    not_subject=words(
        """и но а также потом затем тогда в во на с со по к из за для при от до после
        вчера сегодня однако поэтому так ранее кроме того"""
    ),
    abbreviations=words("г гг т е им ул д тыс млн млрд руб"),
    dialogue_dash=True,
    framing=words("назвал назвала назвали называет называют охарактеризовал"),
)
