"""Synthetic wire archives of any size, in the formats the sample uses, deterministic by seed.

    python -m benchmarks.corpus OUT_DIR --articles 10000 [--days 10] [--seed 7]

writes ``OUT_DIR/drop/<agency>/<day>/`` (NewsML-G2, NITF, plain text), ``OUT_DIR/web/<outlet>/``
(RSS feed + HTML pages, some of them syndicated agency copy with small edits), revised
NewsML items (same guid, version 2) and ``OUT_DIR/sources.yaml``. Articles carry direct,
partial, multi-paragraph and indirect quotes, speakers named in full, by surname, by role
and by pronoun, and organisations with acronyms, so every stage has real work to do.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

FIRST_F = [
    "Amara",
    "Ingrid",
    "Sofia",
    "Hanna",
    "Marta",
    "Nadia",
    "Leila",
    "Elena",
    "Ruth",
    "Tove",
    "Chiara",
    "Noor",
    "Beatriz",
    "Yuki",
    "Ines",
    "Greta",
    "Olena",
    "Mei",
]
FIRST_M = [
    "Lukas",
    "Radek",
    "Peter",
    "Eirik",
    "Joaquim",
    "Pierre",
    "Tomas",
    "Kofi",
    "Milan",
    "Arvid",
    "Dario",
    "Samir",
    "Henrik",
    "Jonas",
    "Pavel",
    "Omar",
    "Karel",
    "Anders",
]
SURNAMES = [
    "Oyelaran",
    "Halvorsen",
    "Brandt",
    "Solvig",
    "Renner",
    "Odhiambo",
    "Nyhus",
    "Ferraz",
    "Seixas",
    "Jourdan",
    "Kessler",
    "Lindqvist",
    "Mensah",
    "Varga",
    "Okafor",
    "Castellano",
    "Moreau",
    "Petrov",
    "Haddad",
    "Novak",
    "Eriksen",
    "Duarte",
    "Bauer",
    "Aalto",
    "Quist",
    "Marin",
    "Falk",
    "Tamm",
    "Rossi",
    "Keller",
    "Osei",
    "Lund",
]
ROLES = [
    ("Foreign Minister", "the minister"),
    ("Finance Minister", "the minister"),
    ("central bank Governor", "the governor"),
    ("U.N. envoy", "the envoy"),
    ("union leader", "the union leader"),
    ("Health Director", "the director"),
    ("Energy Commissioner", "the commissioner"),
    ("Port Authority chief", "the chief"),
]
ORGS = [
    ("International Energy Agency", "IEA"),
    ("World Health Organization", "WHO"),
    ("European Commission", "EC"),
    ("International Maritime Organization", "IMO"),
    ("World Food Programme", "WFP"),
    ("National Bank of Kestrelia", "NBK"),
    ("Baltic Freight Council", "BFC"),
    ("African Union", "AU"),
]
PLACES = [
    "GENEVA",
    "BRUSSELS",
    "NAIROBI",
    "LISBON",
    "OSLO",
    "MANILA",
    "VIENNA",
    "ROTTERDAM",
    "ADDIS ABABA",
    "HELSINKI",
    "ATHENS",
    "DAKAR",
]
TOPICS = [
    ("ceasefire talks", "a truce before winter"),
    ("gas prices", "a cap on wholesale prices"),
    ("port strike", "a new pay offer"),
    ("cholera outbreak", "a vaccination campaign"),
    ("grain exports", "a protected shipping corridor"),
    ("rate decision", "a rate cut"),
]
STATEMENTS = [
    "We are close, but we are not there yet",
    "Nobody expects miracles in one week",
    "This is a serious offer and it deserves a serious answer",
    "Every family is paying for this, whether they know it or not",
    "We will not sign anything that cannot be verified on the ground",
    "The next two weeks will decide whether this holds",
    "Our job is to make sure the bill does not break them",
    "It's not a question of whether, it's a question of when",
]
AGENCIES = [
    ("northwire", "Northwire", "newsml"),
    ("capital-press", "Capital Press Agency", "nitf"),
    ("meridian", "Meridian", "text"),
]
OUTLETS = [("harbor-times", "The Harbor Times", "harbortimes.example")]


@dataclass
class Person:
    first: str
    last: str
    role: str
    role_ref: str
    pronoun: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


@dataclass
class Story:
    number: int
    day: dt.date
    agency: tuple[str, str, str]
    place: str
    headline: str
    paragraphs: list[str] = field(default_factory=list)
    minute: int = 0


def cast(rng: random.Random, size: int = 120) -> list[Person]:
    people = []
    for index in range(size):
        female = index % 2 == 0
        first = rng.choice(FIRST_F if female else FIRST_M)
        role, ref = rng.choice(ROLES)
        people.append(
            Person(
                first,
                SURNAMES[index % len(SURNAMES)]
                + ("" if index < len(SURNAMES) else f"-{SURNAMES[(index * 7) % len(SURNAMES)]}"),
                role,
                ref,
                "she" if female else "he",
            )
        )
    return people


def _vocabulary() -> list[str]:
    """Common lower-case English words (the recogniser's casing list), for background text
    that differs between articles as real copy does."""
    path = Path(__file__).resolve().parent.parent / "wiredesk" / "entities" / "data" / "casing.tsv"
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, kind = line.partition("\t")
        if kind == "l" and word.isalpha() and len(word) > 2:
            words.append(word)
    return words


VOCABULARY = _vocabulary()


def background(rng: random.Random, sentences: int) -> str:
    """Sentences of common words: no entities, no quotes, different in every article."""
    out = []
    for _ in range(sentences):
        words = rng.sample(VOCABULARY, rng.randrange(12, 24))
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def story(rng: random.Random, number: int, day: dt.date, people: list[Person]) -> Story:
    agency = AGENCIES[number % len(AGENCIES)]
    place = rng.choice(PLACES)
    topic, goal = rng.choice(TOPICS)
    a, b = rng.sample(people, 2)
    org, acronym = rng.choice(ORGS)
    said = rng.sample(STATEMENTS, 4)
    tag = {"northwire": "Northwire", "capital-press": "CPA", "meridian": "Meridian"}[agency[0]]
    month_day = day.strftime("%b %d").replace(" 0", " ")
    paragraphs = [
        f"{place}, {month_day} ({tag}) - {a.role} {a.full} said on {day.strftime('%A')} that "
        f"{goal} was within reach after a week of {topic}, while the {org} ({acronym}) warned "
        "that time was running short.",
        f"\u201c{said[0]},\u201d {a.last} told reporters. \u201c{said[1]}.\u201d",
        f"{b.role} {b.full} called the proposal \u201ca first step\u201d and said talks would "
        "resume next week.",
        background(rng, 3),
        f'"{said[2]}," {b.role_ref} said, "and we will answer it in writing."',
        f"The {acronym} said in a statement that it expected a decision before the end of the "
        f"month, according to officials familiar with the matter.",
        f"\u201c{said[3]}. We have told both sides the same thing every day.",
        f"\u201cThere is no other way to do this,\u201d {a.pronoun} added.",
        f"Officials said the next round would be held in {rng.choice(PLACES).title()}, and "
        f"{a.last} noted that the {acronym} would attend as an observer.",
        background(rng, 3),
        background(rng, 2),
        f"(Reporting by {rng.choice(FIRST_F)} {rng.choice(SURNAMES)}; Editing by "
        f"{rng.choice(FIRST_M)} {rng.choice(SURNAMES)})",
    ]
    paragraphs = [p[0].upper() + p[1:] for p in paragraphs]
    headline = f"{a.last} says {goal} within reach as {topic} go on in {place.title()}"
    return Story(number, day, agency, place, headline, paragraphs, rng.randrange(6 * 60, 20 * 60))


def _time(s: Story) -> dt.datetime:
    return dt.datetime.combine(s.day, dt.time(s.minute // 60, s.minute % 60), dt.UTC)


def newsml(s: Story, version: int = 1, extra: str | None = None) -> str:
    paragraphs = s.paragraphs + ([extra] if extra else [])
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    stamp = _time(s) + dt.timedelta(hours=3 * (version - 1))
    headline = ("UPDATE 1-" if version > 1 else "") + s.headline
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:northwire.example:{s.day:%Y%m%d}:nw-{s.number}" version="{version}" standard="NewsML-G2" standardversion="2.29">
<itemMeta><itemClass qcode="ninat:text"/><provider literal="Northwire"/>
<versionCreated>{stamp:%Y-%m-%dT%H:%M:%SZ}</versionCreated><firstCreated>{_time(s):%Y-%m-%dT%H:%M:%SZ}</firstCreated></itemMeta>
<contentMeta><located><name>{s.place.title()}</name></located><headline>{escape(headline)}</headline>
<by>By Anna Kowalczyk</by><language tag="en"/></contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head><title/></head><body>
{body}
</body></html></inlineXML></contentSet></newsItem>
"""  # noqa: E501 - one XML line per element keeps the document readable


def nitf(s: Story) -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in s.paragraphs)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN"><head><title>{escape(s.headline)}</title>
<docdata><doc-id id-string="CPA-{s.day:%Y%m%d}-{s.number}"/><date.issue norm="{_time(s):%Y%m%dT%H%M%SZ}"/></docdata>
<pubdata type="print" name="Capital Press Agency"/></head>
<body><body.head><hedline><hl1>{escape(s.headline)}</hl1></hedline><byline>By Ana Costa</byline>
<dateline><location>{s.place}</location></dateline></body.head>
<body.content>
{body}
</body.content></body></nitf>
"""  # noqa: E501


def plain(s: Story) -> str:
    return s.headline + "\nBy Lea Moss\n\n" + "\n\n".join(s.paragraphs) + "\n"


def page(s: Story, outlet: tuple[str, str, str], rng: random.Random) -> str:
    paragraphs = list(s.paragraphs[:-1])
    if len(paragraphs) > 4:
        paragraphs.pop(rng.randrange(2, len(paragraphs)))  # the outlet cuts a paragraph
    paragraphs[0] = paragraphs[0].replace(" said on ", " said on Monday and again on ", 1)
    text = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    slug = f"{s.day:%Y/%m/%d}/story-{s.number}"
    return f"""<!doctype html><html lang="en"><head><title>{html.escape(s.headline)} | {outlet[1]}</title>
<link rel="canonical" href="https://www.{outlet[2]}/world/{slug}">
<meta property="og:site_name" content="{outlet[1]}">
<meta property="article:published_time" content="{_time(s) + dt.timedelta(minutes=40):%Y-%m-%dT%H:%M:%SZ}">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{html.escape(s.headline)}</h1><p class="byline">By Staff (Northwire)</p>
{text}
<aside>Sign up for our morning newsletter</aside></article>
<footer>Copyright {outlet[1]}</footer></body></html>
"""  # noqa: E501


def rss(outlet: tuple[str, str, str], items: list[tuple[str, Story]]) -> str:
    entries = "\n".join(
        f"<item><title>{escape(s.headline)}</title><link>{href}</link>"
        f'<guid isPermaLink="false">{outlet[0]}-{s.number}</guid>'
        f"<pubDate>{_time(s) + dt.timedelta(minutes=40):%a, %d %b %Y %H:%M:%S +0000}"
        "</pubDate></item>"
        for href, s in items
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{outlet[1]}</title><link>https://www.{outlet[2]}/</link>"
        f"<description>World news</description>\n{entries}\n</channel></rss>\n"
    )


def stories(
    articles: int, days: int, seed: int, start: dt.date = dt.date(2026, 10, 1)
) -> Iterator[Story]:
    rng = random.Random(seed)
    people = cast(rng)
    for number in range(articles):
        yield story(rng, number, start + dt.timedelta(days=number * days // articles), people)


def write_corpus(
    out: Path,
    articles: int,
    days: int = 10,
    seed: int = 7,
    syndicated_share: float = 0.1,
    revised_share: float = 0.03,
) -> dict[str, int]:
    """Write the archive; returns file counts by kind. Memory stays flat in ``articles``."""
    rng = random.Random(seed + 1)
    out = Path(out)
    counts = {"newsml": 0, "nitf": 0, "text": 0, "html": 0, "revisions": 0}
    feed_items: list[tuple[str, Story]] = []
    outlet = OUTLETS[0]
    pages = out / "web" / outlet[0] / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    for s in stories(articles, days, seed):
        folder = out / "drop" / s.agency[0] / s.day.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        if s.agency[2] == "newsml":
            (folder / f"nw-{s.number}.xml").write_text(newsml(s), encoding="utf-8")
            counts["newsml"] += 1
            if rng.random() < revised_share:
                extra = "Later on the same day, officials confirmed the meeting would go ahead."
                (folder / f"nw-{s.number}-v2.xml").write_text(newsml(s, 2, extra), "utf-8")
                counts["revisions"] += 1
            if rng.random() < syndicated_share * 3:
                name = f"story-{s.number}.html"
                (pages / name).write_text(page(s, outlet, rng), encoding="utf-8")
                feed_items.append((f"pages/{name}", s))
                counts["html"] += 1
        elif s.agency[2] == "nitf":
            (folder / f"cpa-{s.number}.xml").write_text(nitf(s), encoding="utf-8")
            counts["nitf"] += 1
        else:
            (folder / f"mer-{s.number}.txt").write_text(plain(s), encoding="utf-8")
            counts["text"] += 1
    (out / "web" / outlet[0] / "rss.xml").write_text(rss(outlet, feed_items), encoding="utf-8")
    sources = ["sources:"]
    for source_id, name, _kind in AGENCIES:
        sources += [
            f"  - id: {source_id}",
            f"    name: {name}",
            "    kind: dropfolder",
            f"    location: drop/{source_id}",
        ]
    sources += [
        f"  - id: {outlet[0]}",
        f"    name: {outlet[1]}",
        "    kind: feed",
        f"    location: web/{outlet[0]}/rss.xml",
    ]
    (out / "sources.yaml").write_text("\n".join(sources) + "\n", encoding="utf-8")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--days", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    counts = write_corpus(args.out, args.articles, args.days, args.seed)
    print(" ".join(f"{k}={v}" for k, v in counts.items()), f"-> {args.out}")


if __name__ == "__main__":
    main()
