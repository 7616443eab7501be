"""Who a speaker phrase means, in copy of any language: a named entity, a pronoun, a title.

Phrases are resolved against the article's entity mentions when it has them; without them
(a language with no recogniser) a name stays as written and a later surname is joined to
the fuller name said before ("Friedrich Merz" … "Merz"); a pronoun or a verb without a
subject means the speaker last named; a title ("der Minister", "le ministre") the person
last seen with that title.
"""

from __future__ import annotations

from collections.abc import Sequence

from wiredesk.entities import Mention
from wiredesk.quotes.languages import QuoteLanguage
from wiredesk.quotes.phrases import NAME_PARTICLES, Word, words_in
from wiredesk.quotes.speakers import Speaker

_SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "NORP")
_NONE = Speaker(None, None, None)
#: Words that make the capitals after them a complement ("del Estado", "di Stato").
_LINKS = frozenset({"de", "di", "da", "von", "vom", "d'", "d\u2019"})
#: What ends the text before a sentence's first word: a stop, a line, a quotation mark, a
#: dash opening dialogue.
_SENTENCE_ENDS = frozenset('.!?:\n\u00ab\u00bb\u201c\u201d\u201e"\u2014\u2013')


class PhraseResolver:
    """Resolves the speaker phrases of one article, in reading order."""

    def __init__(self, text: str, mentions: Sequence[Mention], lang: QuoteLanguage) -> None:
        self.text = text
        self.lang = lang
        self.mentions = sorted(
            (m for m in mentions if m.type in _SPEAKER_TYPES), key=lambda m: m.start_char
        )
        self.last: Speaker = _NONE
        #: Full names written after a title, with where each was written.
        self._titled: list[tuple[int, Speaker]] = self._titled_names()
        self._named: list[Speaker] = [speaker for _, speaker in self._titled]
        #: Whether a recogniser read the article: then a lone capitalised word it left
        #: alone is no name when a sentence opens with it, or in German, where every noun
        #: is capitalised ("Многие", "Pourquoi", "Gesetz").
        self._recognised = bool(mentions)

    def _titled_names(self) -> list[tuple[int, Speaker]]:
        """Full names written after a title anywhere in the text ("Bundeskanzler Friedrich
        Merz", "министр Сергей Лавров"), so a later surname alone resolves to them; each
        with the offset of its title."""
        found = []
        words = words_in(self.text, 0, len(self.text))
        for i, word in enumerate(words[:-2]):
            if not self.lang.is_title(word.text):
                continue
            run = []
            for nxt in words[i + 1 : i + 5]:
                if not nxt.text[:1].isupper() or self.lang.is_title(nxt.text):
                    break
                if self.text[(run[-1] if run else word).end : nxt.start].strip():
                    break
                run.append(nxt)
            if len(run) >= 2:
                name = " ".join(w.text for w in run)
                found.append((word.start, Speaker(name, f"{word.text} {name}", None)))
        return found

    def resolve(self, start: int, end: int) -> Speaker:
        tidied = self._tidy(start, end)
        if tidied is None:
            return _NONE
        start, end = tidied
        phrase = " ".join(self.text[start:end].split())
        found = self._resolve(phrase, start, end)
        if found.name or (found.mention and found.mention.lower() not in self.lang.pronouns):
            self.last = found
        return found

    def _tidy(self, start: int, end: int) -> tuple[int, int] | None:
        """The span a reader would point at: after an ellipsis that ran two sentences
        together ("una buena actuación…Los azules"), without the article or preposition it
        ends on ("El alcalde del municipio Pedro María Ureña, del")."""
        words = words_in(self.text, start, end)
        cut = max(self.text.rfind("\u2026", start, end), self.text.rfind("...", start, end))
        if cut >= 0:
            words = [w for w in words if w.start > cut]
            if not words:
                return None
            start = words[0].start
        dangling = self.lang.determiners | self.lang.not_subject | _LINKS
        if len(words) > 1 and words[-1].lower in dangling:
            while len(words) > 1 and words[-1].lower in dangling:
                words.pop()
            end = words[-1].end
        return start, end

    def zero(self) -> Speaker:
        """A verb of saying with no subject, or a sentence in the reported mood: the
        speaker last named, as the text named them."""
        return self.last

    def _resolve(self, phrase: str, start: int, end: int) -> Speaker:
        lower = phrase.lower()
        if lower in self.lang.pronouns or lower in self.lang.source_pronouns:
            person = self._last_person(start)
            nearer = self._named_in_paragraph(start)
            if nearer is not None:
                return Speaker(nearer.name, phrase, nearer.entity_key)
            if self.last.name:
                return Speaker(self.last.name, phrase, self.last.entity_key)
            if person is not None:
                return Speaker(person.name, phrase, person.entity_key)
            titled = [named for at, named in self._titled if at < start]
            if titled and not self._recognised:  # no recogniser: "El ministro Carlos Cuerpo"
                return Speaker(titled[-1].name, phrase, None)
            return Speaker(None, phrase, None)
        inside = [m for m in self.mentions if m.start_char < end and start < m.end_char]
        words = words_in(self.text, start, end)
        people = [m for m in inside if m.type == "PERSON"]
        if people:
            return self._fuller(people[-1], phrase)
        apposed = self._apposed_name(words)
        if apposed is not None:  # "Dolkun Isa, der Sekretär des Weltkongresses"
            return self._named_speaker(apposed, phrase)
        comma = self.text.rfind(",", start, end)
        if comma >= 0:  # "la ministre des Affaires étrangères, Amara Oyelaran": the name
            named = self._resolve(" ".join(self.text[comma + 1 : end].split()), comma + 1, end)
            if named.name:
                return Speaker(named.name, phrase, named.entity_key)
        titled = any(self.lang.is_title(w.text) for w in words)
        # A place in a titled phrase says where the office is ("der Gouverneur von Tabasco").
        for wanted in ("ORG", "NORP") if titled else ("ORG", "GPE", "NORP"):
            typed = [m for m in inside if m.type == wanted]
            if typed:
                return self._fuller(typed[-1], phrase)
        title_at = max((i for i, w in enumerate(words) if self.lang.is_title(w.text)), default=-1)
        rest = words[title_at + 1 :]
        linked = False
        while rest and not rest[0].text[:1].isupper() and len(rest) > 1:
            linked = rest[0].lower in self.lang.determiners or rest[0].lower in _LINKS
            rest = rest[1:]  # "министр иностранных дел Сергей Лавров"
        # After "of" the capitals name the office, not its holder ("la abogada del Estado",
        # "der Sprecher des Ministeriums").
        particles = not self.lang.capitalised_nouns
        after_title = [] if linked else _leading_capitals(rest, particles)
        if title_at >= 0 and after_title:
            # "Bundeskanzler Friedrich Merz", "el presidente Pedro Sánchez"
            return self._named_speaker(" ".join(w.text for w in after_title[:4]), phrase)
        if title_at >= 0:
            holder = self._title_holder(words[title_at].lower, start)
            if holder is not None:
                return Speaker(holder.name, phrase, holder.entity_key)
            return self._epithet(words, phrase, start)  # "der CSU-Chef"
        described = self._described_name(words)
        if described:  # "el economista Juan Pérez", "l'economista Mario Rossi"
            return self._named_speaker(" ".join(w.text for w in described[:4]), phrase)
        names = _leading_capitals(words)
        if not words or words[0].lower in self.lang.determiners or not names:
            return self._epithet(words, phrase, start)  # "der SPD-Politiker", "die Polizei"
        if len(names) == 1 and self._recognised and not inside:
            if self.lang.capitalised_nouns or _opens_sentence(self.text, start):
                return Speaker(None, phrase, None)  # "Многие", "Pourquoi", "Gesetz"
        return self._named_speaker(" ".join(w.text for w in names[:4]), phrase)

    def _described_name(self, words: list[Word]) -> list[Word]:
        """The name after a description that is no listed role, where nouns are not
        capitalised: an article, lower-case words, then two capitalised words or more
        ("el economista Juan Pérez", "l'économiste Philippe Aghion"); none after a word
        that links a complement ("el director del Banco Central": the bank, not a name)."""
        if self.lang.capitalised_nouns or not words:
            return []
        first = words[0]
        noun = self.lang.after_article(first.text)
        if first.lower in self.lang.determiners:
            needed = 1  # the description's noun follows the article
        elif noun is not None and noun[:1].islower():
            needed = 0  # "l'économiste": article and noun in one word
        else:
            return []
        rest = words[1:]
        lower = 0
        while lower < len(rest) and not rest[lower].text[:1].isupper():
            if rest[lower].lower in _LINKS or rest[lower].lower in self.lang.determiners:
                return []
            lower += 1
        if lower < needed:
            return []
        name = _leading_capitals(rest[lower:], particles=True)
        return name if len(name) >= 2 else []

    def _epithet(self, words: list[Word], phrase: str, start: int) -> Speaker:
        """A description that stands for the person last named ("Bundesfinanzminister Lars
        Klingbeil … sagte der SPD-Politiker", "erklärte der 58-Jährige"): an article and
        one of the language's epithets, the person named in the same paragraph or the one
        before; any other description names no one."""
        if len(words) != 2 or words[0].lower not in self.lang.determiners:
            return Speaker(None, phrase, None)
        head = words[1].lower.rpartition("-")[2]
        if "-" not in words[1].text or head not in self.lang.epithet_heads:
            return Speaker(None, phrase, None)
        person = self._last_person(start)
        if person is not None and person.start_char >= _previous_paragraph(self.text, start):
            fuller = self._fuller(person, phrase)
            return Speaker(fuller.name, phrase, fuller.entity_key)
        if not self.mentions and self.last.name:
            return Speaker(self.last.name, phrase, self.last.entity_key)
        return Speaker(None, phrase, None)

    def _apposed_name(self, words: list[Word]) -> str | None:
        """The name a phrase opens with when a comma sets a description after it."""
        names = _leading_capitals(words)
        for k in range(1, len(names)):
            if "," in self.text[names[k - 1].end : names[k].start]:
                names = names[:k]  # "General Anupong Paochinda, Oberbefehlshaber der Armee"
                break
        if not 2 <= len(names) <= 4 or len(names) == len(words):
            return None
        if names[0].lower in self.lang.determiners:
            return None
        if "," not in self.text[names[-1].end : words[len(names)].start]:
            return None
        return " ".join(w.text for w in names)

    def _named_speaker(self, name: str, phrase: str) -> Speaker:
        """A name as written, joined to a fuller one said before ("Merz" -> "Friedrich Merz")."""
        surname = name.split()[-1].lower()
        for earlier in reversed(self._named):
            if earlier.name and earlier.name.lower().split()[-1] == surname:
                if len(earlier.name.split()) >= len(name.split()):
                    return Speaker(earlier.name, phrase, earlier.entity_key)
        for mention in reversed(self.mentions):
            if mention.type == "PERSON" and mention.name.lower().split()[-1] == surname:
                return Speaker(mention.name, phrase, mention.entity_key)
        speaker = Speaker(name, phrase, None)
        self._named.append(speaker)
        return speaker

    def _fuller(self, mention: Mention, phrase: str) -> Speaker:
        """A surname the recogniser left alone ("Renner", "Mme Halvorsen") as the full name
        written earlier, after a title ("Notenbankchefin Sofia Renner", which it may have
        typed otherwise) or as a person's name ("Ingrid Halvorsen"), with the entity key of
        a mention bearing that name, so the quote links to the person's entity."""
        plain = Speaker(mention.name, phrase, mention.entity_key)
        parts = mention.name.split()
        if len(parts) == 2 and parts[0].lower().rstrip(".") in self.lang.abbreviations:
            parts = parts[1:]  # "Mme Halvorsen", "Dr. Kamau"
        if len(parts) != 1:
            return plain
        surname = parts[0].lower()
        fuller = [e.name for e in self._named if e.name] + [
            m.name for m in self.mentions if m.type == "PERSON"
        ]
        for candidate in reversed(fuller):
            words = candidate.split()
            honorific = words[0].lower().rstrip(".") in self.lang.abbreviations
            if len(words) >= 2 and not honorific and words[-1].lower() == surname:
                keys = [m.entity_key for m in self.mentions if m.name == candidate]
                return Speaker(candidate, phrase, keys[-1] if keys else mention.entity_key)
        return plain

    def _named_in_paragraph(self, pos: int) -> Mention | None:
        """The person last named in the pronoun's own paragraph, when the speaker last
        named is not named after them there ("Le porte-parole, Pierre Jourdan, a indiqué
        que … « … », a-t-il précisé" after a quote of Halvorsen's): the finder resolves
        direct and reported speech in two passes, so ``last`` can be the earlier one."""
        floor = self.text.rfind("\n\n", 0, pos) + 1
        person = self._last_person(pos)
        if person is None or person.start_char < floor or not self.last.name:
            return None
        if person.name == self.last.name:
            return None
        later = [m for m in self.mentions if person.end_char <= m.start_char < pos]
        if any(m.name == self.last.name for m in later):
            return None
        return person

    def _last_person(self, pos: int) -> Mention | None:
        people = [m for m in self.mentions if m.type == "PERSON" and m.end_char <= pos]
        return people[-1] if people else None

    def _title_holder(self, title: str, pos: int) -> Speaker | None:
        """The person last written with this title before ``pos`` ("Bundeskanzler Merz"),
        or given it as a role; a declined title by its stem ("министра" finds "министр")."""
        title = self.lang.title_stems.get(title, title)
        for mention in reversed(self.mentions):
            if mention.type != "PERSON" or mention.start_char >= pos:
                continue
            before = self.text[max(0, mention.start_char - 40) : mention.start_char].lower()
            if title in before or any(title in role.lower() for role in mention.roles):
                return Speaker(mention.name, None, mention.entity_key)
        for earlier in reversed(self._named):
            if earlier.mention and title in earlier.mention.lower():
                return earlier  # "Bundeskanzler Friedrich Merz" … "der Kanzler"
        return None


def _previous_paragraph(text: str, pos: int) -> int:
    """Where the paragraph before the one holding ``pos`` starts (0 in the first two)."""
    line = text.rfind("\n", 0, pos)
    if line < 0:
        return 0
    previous_end = len(text[:line].rstrip("\n"))
    return text.rfind("\n", 0, previous_end) + 1


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` is the first of its sentence, paragraph or quotation."""
    before = text[max(0, pos - 20) : pos].rstrip(" \t\u00a0")
    return not before or before[-1] in _SENTENCE_ENDS


def _leading_capitals(words: list[Word], particles: bool = False) -> list[Word]:
    """The run of capitalised words a phrase opens with: the name before any "von der …";
    with ``particles``, over a particle between two of them ("Amélie de Montchalin",
    "Luiz Inácio da Silva"), where a capital after "von" or "de" is not a name's own."""
    run: list[Word] = []
    for index, word in enumerate(words):
        if word.text[:1].isupper():
            run.append(word)
            continue
        following = words[index + 1] if index + 1 < len(words) else None
        if not (particles and run and word.lower in NAME_PARTICLES and following is not None):
            break
        if not following.text[:1].isupper():
            break
        run.append(word)
    return run
