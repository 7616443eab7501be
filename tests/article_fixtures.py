"""Documents written for the articles-stage tests: pages, wire files, copies and revisions.

Every name, place and event here is invented for the tests.
"""

from __future__ import annotations

import datetime as dt
import json

UTC = dt.UTC

#: A wire story of nine paragraphs; outlets below republish it with edits.
WIRE_PARAGRAPHS = [
    "TALLINN, Nov 16 (Testwire) - Ferry operators on the Baltic agreed on Monday to share "
    "a single winter timetable, ending a dispute that had left island towns without a "
    "crossing on three days last February.",
    "The deal, brokered by the regional transport board, gives each of the four companies "
    "fixed departure slots and a common reserve vessel for storms, officials said.",
    '"Nobody wanted another winter like the last one," said Marit Kask, who chairs the '
    'board. "The islands cannot live on promises."',
    "Under the plan, the reserve ship will be kept in Rohuküla harbour and can be called "
    "out by any operator within two hours, with the cost split by passenger numbers.",
    "Island councils welcomed the agreement but said they would watch whether the "
    "timetable held once the ice season began in January.",
    "Ticket prices will rise by about four percent from December, the companies said, "
    "the first increase since the fuel surcharge was dropped two years ago.",
    "The transport board said it would publish the shared timetable online on Friday "
    "and print copies for harbour offices on the islands.",
    "A spokesman for the largest operator, Sild Lines, said the company had added a "
    "second crew for night crossings to meet the new slots.",
    "(Reporting by Testwire staff; Editing by Ida Strand)",
]
WIRE_TEXT = "\n\n".join(WIRE_PARAGRAPHS)


def newsml(guid: str, version: int, created: str, updated: str, headline: str, paragraphs) -> str:
    body = "\n".join(f"<p>{p.replace('&', '&amp;')}</p>" for p in paragraphs)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="{guid}" version="{version}"
  standard="NewsML-G2" standardversion="2.29">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="Testwire"/>
    <versionCreated>{updated}</versionCreated><firstCreated>{created}</firstCreated>
  </itemMeta>
  <contentMeta><located><name>Tallinn</name></located><by>By Ida Strand</by>
    <headline>{headline}</headline><language tag="en"/>
    <description role="drol:summary">Baltic ferry firms agree one winter timetable.</description>
  </contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml">
    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>
{body}
    </body></html></inlineXML></contentSet>
</newsItem>
"""


WIRE_NEWSML = newsml(
    "urn:newsml:test.example:20261116:ferry",
    1,
    "2026-11-16T09:00:00Z",
    "2026-11-16T09:00:00Z",
    "Baltic ferry operators agree shared winter timetable",
    WIRE_PARAGRAPHS,
)
#: The same story, revised: one paragraph added, version 2, a later versionCreated.
WIRE_NEWSML_V2 = newsml(
    "urn:newsml:test.example:20261116:ferry",
    2,
    "2026-11-16T09:00:00Z",
    "2026-11-16T14:30:00Z",
    "UPDATE 1-Baltic ferry operators agree shared winter timetable",
    [
        *WIRE_PARAGRAPHS[:8],
        "Later on Monday, the island council of Hiiumaa said it would pay for a weather "
        "buoy at the harbour entrance so the reserve ship could sail earlier in storms.",
        WIRE_PARAGRAPHS[8],
    ],
)


def outlet_page(
    *,
    title: str,
    paragraphs: list[str],
    published: str,
    site: str,
    canonical: str,
    extra_head: str = "",
    ld_extra: str = "",
    between: str = "",
) -> str:
    """An outlet's article page with the furniture real pages have around the copy."""
    half = len(paragraphs) // 2
    first = "\n".join(f"<p>{p}</p>" for p in paragraphs[:half])
    second = "\n".join(f"<p>{p}</p>" for p in paragraphs[half:])
    return f"""<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<link rel="canonical" href="{canonical}">
<meta property="og:site_name" content="{site}">
<meta name="description" content="A short summary of the story for search engines.">
{extra_head}
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "{title}", "datePublished": "{published}",
 "author": [{{"@type": "Person", "name": "Lena Kivi"}}, {{"@type": "Organization",
 "name": "Testwire"}}]{ld_extra}}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
<p class="byline">By Lena Kivi</p>
<div class="story-body">
{first}
{between}
{second}
</div></article>
<aside><h2>Most read</h2><ul><li><a href="/a">Harbour bridge closes</a></li>
<li><a href="/b">Cup draw announced</a></li></ul></aside>
<footer>Copyright 2026 {site}. All rights reserved.</footer></body></html>
"""


NEWSLETTER_BOX = """<div class="newsletter"><h3>The Morning Ferry</h3>
<p>Sign up for our free newsletter, delivered to your inbox every morning.</p>
<form><input type="email"><button>Subscribe</button></form></div>
<p>Read more: Island towns count the cost of a lost winter</p>
<figure><img src="x.jpg"><figcaption>Photo: Testwire/Jaan Tamm</figcaption></figure>"""

#: Copy 1: the whole story, two words changed, furniture inside the article body.
COPY_EDITED = outlet_page(
    title="Ferry firms agree one winter timetable for the islands",
    paragraphs=[
        WIRE_PARAGRAPHS[0].replace("on Monday", "Monday"),
        *WIRE_PARAGRAPHS[1:5],
        WIRE_PARAGRAPHS[5].replace("about four percent", "roughly four percent"),
        *WIRE_PARAGRAPHS[6:8],
    ],
    published="2026-11-16T10:30:00+00:00",
    site="Harbour Gazette",
    canonical="https://gazette.example/2026/11/16/ferry-timetable",
    between=NEWSLETTER_BOX,
)
#: Copy 2, a day later: paragraphs reordered, the last three cut.
COPY_REORDERED = outlet_page(
    title="Islands get a shared ferry timetable and a reserve ship",
    paragraphs=[
        WIRE_PARAGRAPHS[0],
        WIRE_PARAGRAPHS[3],
        WIRE_PARAGRAPHS[1],
        WIRE_PARAGRAPHS[2],
        WIRE_PARAGRAPHS[4],
        WIRE_PARAGRAPHS[5],
    ],
    published="2026-11-17T08:15:00+00:00",
    site="Island Courier",
    canonical="https://courier.example/news/2026/11/17/islands-ferry",
)
#: Same subject, different story: must not join the cluster.
RELATED_STORY = outlet_page(
    title="Ferry workers vote on winter pay offer",
    paragraphs=[
        "Crews on the Baltic island ferries began voting on Tuesday on a pay offer for the "
        "winter season, their union said, a day after operators agreed a shared timetable.",
        "The offer includes a night-shift bonus and an extra rest day after storm duty, "
        "according to a copy of the proposal seen by this newspaper.",
        "Union leaders have not recommended the offer, saying it does not cover crews on "
        "the reserve ship who would be on call for the whole season.",
        "Results of the ballot are expected next week, and the union said a rejection would "
        "not lead to strikes before Christmas.",
        "The operators said the offer was the best they could make while ticket prices "
        "were rising by only four percent.",
    ],
    published="2026-11-17T12:00:00+00:00",
    site="Island Courier",
    canonical="https://courier.example/news/2026/11/17/ferry-pay-vote",
)

#: A page whose HTML shows only a teaser; the full text is in JSON-LD articleBody.
JSON_LD_BODY = "\n\n".join(WIRE_PARAGRAPHS[1:8])
JSON_LD_PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ferry deal ends winter dispute - North Post</title>
<link rel="canonical" href="/world/2026/11/16/ferry-deal">
<meta property="og:site_name" content="North Post">
<meta property="og:description" content="Four operators will share one timetable.">
<meta property="article:modified_time" content="2026-11-16T12:00:00Z">
<script type="application/ld+json">{{"@context": "https://schema.org", "@graph": [
 {{"@type": "WebSite", "name": "North Post"}},
 {{"@type": "NewsArticle", "headline": "Ferry deal ends winter dispute",
   "datePublished": "2026-11-16T11:00:00+02:00", "dateModified": "2026-11-16T14:00:00+02:00",
   "author": {{"@type": "Person", "name": "By Mari Saar, Staff Writer"}},
   "publisher": {{"@type": "Organization", "name": "North Post Media"}},
   "isAccessibleForFree": "True",
   "articleBody": {json.dumps(JSON_LD_BODY)}}}]}}</script>
</head><body><article><h1>Ferry deal ends winter dispute</h1>
<p>{WIRE_PARAGRAPHS[1]}</p>
<div class="teaser-end">The full story is in our app.</div>
</article></body></html>
"""

#: Paywalled copy: schema.org says so, and the text ends with a subscription prompt.
PAYWALL_PAGE = outlet_page(
    title="Inside the ferry talks",
    paragraphs=[*WIRE_PARAGRAPHS[1:4], "Subscribe to continue reading this article."],
    published="2026-11-16T16:00:00+00:00",
    site="Baltic Ledger",
    canonical="https://ledger.example/2026/11/16/ferry-talks",
    ld_extra=', "isAccessibleForFree": false, "hasPart": {"@type": "WebPageElement", '
    '"isAccessibleForFree": false, "cssSelector": ".paywalled"}',
)
#: Only a prompt at the end, no schema.org markup.
PROMPT_ONLY_PAGE = outlet_page(
    title="What the timetable means for commuters",
    paragraphs=[*WIRE_PARAGRAPHS[3:6], "Already a subscriber? Sign in to read the rest."],
    published="2026-11-16T17:00:00+00:00",
    site="Baltic Ledger",
    canonical="https://ledger.example/2026/11/16/commuters",
)
#: Text far shorter than the page's own word count.
SHORT_OF_WORDCOUNT_PAGE = outlet_page(
    title="The ferry deal in full",
    paragraphs=WIRE_PARAGRAPHS[1:3],
    published="2026-11-16T18:00:00+00:00",
    site="Baltic Ledger",
    canonical="https://ledger.example/2026/11/16/in-full",
    ld_extra=', "wordCount": 900',
)

#: Dates: the page states one time, the feed another; meta tags a third in the future.
DATE_CONFLICT_PAGE = outlet_page(
    title="Timetable row resolved",
    paragraphs=WIRE_PARAGRAPHS[:4],
    published="2026-11-16T07:45:00Z",
    site="Harbour Gazette",
    canonical="https://gazette.example/2026/11/16/row-resolved",
    extra_head='<meta property="article:modified_time" content="2026-11-16T09:10:00Z">',
)
FUTURE_DATE_PAGE = outlet_page(
    title="Timetable row resolved, again",
    paragraphs=WIRE_PARAGRAPHS[:4],
    published="2031-01-01T00:00:00Z",
    site="Harbour Gazette",
    canonical="https://gazette.example/news/row-resolved-again",
)
DATE_ONLY_PAGE = outlet_page(
    title="Timetable row resolved, a third time",
    paragraphs=WIRE_PARAGRAPHS[:4],
    published="2026-11-16",
    site="Harbour Gazette",
    canonical="https://gazette.example/news/row-resolved-third",
)

#: UTF-8 read as Windows-1252 once, as it arrives from some feeds.
MOJIBAKE_TEXT = (
    "Ferry deal\n\nBy Lea Moss\n\n"
    "TALLINN, Nov 16 (Testwire) - The islandsâ€™ councils said the deal was â€œoverdueâ€\x9d "
    "and that the reserve ship in RohukÃ¼la would change winter life on HiiumaÃ¤.\n\n"
    "Officials said the timetable would be published online on Friday and printed for the "
    "harbour offices, with a copy for every school on the islands.\n"
)

NITF_STAFF = """<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN" xml:lang="en">
  <head><title>Ferry deal</title>
    <docdata><doc-id id-string="TP-20261116-7"/><date.issue norm="20261116T101500Z"/>
      <du-key version="3"/></docdata>
    <pubdata type="web" name="Test Press"/></head>
  <body><body.head><hedline><hl1>Ferry firms share one timetable</hl1></hedline>
    <byline>By Jaan Tamm, Staff Writer, and Test Press</byline>
    <dateline><location>TALLINN</location></dateline>
    <abstract><p>Four operators, one timetable.</p></abstract></body.head>
  <body.content>
    <p>TALLINN, Nov 16 (TP) - Ferry operators agreed on Monday to share one winter timetable.</p>
    <p>The regional transport board said a reserve vessel would be kept for storms.</p>
  </body.content></body>
</nitf>
"""


def raw_page(source_id: str, name: str, content: str, fmt: str) -> dict:
    """A raw_pages row for a fixture text, as the fetch stage would have stored it."""
    return {
        "item_id": f"{source_id}-{name}",
        "source_id": source_id,
        "url": f"https://{source_id}.example/{name}",
        "final_url": None,
        "format": fmt,
        "content": content.encode(),
        "bytes": len(content),
    }
