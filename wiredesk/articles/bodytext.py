"""The body text of an HTML article: trafilatura, corrected where it measurably falls short.

trafilatura's precision mode is the most accurate single setting on real news pages, but it
sometimes drops a paragraph in the middle of the story (a short lead-in, a sub-heading, a
line of links the author cites). Its default mode keeps those and also keeps more page
furniture. So the body is built from the precision text, and paragraphs that only the
default mode found are added back when they sit *between* two precision paragraphs and are
not boilerplate: boilerplate clusters at the edges of an article, real copy does not.

Both passes run without trafilatura's comparison with external extractors (readability,
justext), its costliest step; the precision pass gets it only when its text is far shorter
than the default mode's (it found a sidebar, not the story), where the comparison earns its
cost. Both work on copies of one parsed tree (``wiredesk.articles.htmlmeta.parse_page``).

A page's own JSON-LD ``articleBody`` wins when it is sound (complete, not a teaser) and the
extractor clearly missed part of it.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass

import trafilatura
from lxml.html import HtmlElement

from wiredesk.articles.boilerplate import drop_boilerplate, is_boilerplate

_WORD = re.compile(r"\w+", re.UNICODE)
#: JSON-LD bodies shorter than this are teasers or summaries, not the article.
MIN_JSONLD_WORDS = 80
#: Use JSON-LD when the extracted text covers less than this share of its word 4-grams...
JSONLD_COVERAGE = 0.5
#: ...while at least this share of the extracted text is also in it (the extractor missed
#: part of the same article rather than finding a different one).
JSONLD_CONTAINS = 0.8


#: A precision text shorter than this share of the default mode's missed the article
#: (it found a sidebar or a teaser block): it gets trafilatura's second opinion.
DEFICIENT_SHARE = 0.5


@dataclass
class Body:
    paragraphs: list[str]
    method: str  # "precision", "precision+recall", "json-ld", "recall", "none"

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def _key(paragraph: str) -> str:
    return " ".join(_WORD.findall(paragraph.lower()))


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def _chars(paragraphs: list[str]) -> int:
    return sum(len(p) for p in paragraphs)


def fill_interior_gaps(precise: list[str], recalled: list[str]) -> list[str]:
    """Precision paragraphs, plus recall-only paragraphs found strictly inside them."""
    if not precise:
        return list(recalled)
    matcher = difflib.SequenceMatcher(
        None, [_key(p) for p in precise], [_key(p) for p in recalled], autojunk=False
    )
    merged: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        merged.extend(precise[i1:i2])
        if tag == "insert" and 0 < i1 < len(precise):
            merged.extend(p for p in recalled[j1:j2] if not is_boilerplate(p))
    return merged


def _shingles(text: str, size: int = 4) -> Counter:
    words = _WORD.findall(text.lower())
    return Counter(" ".join(words[i : i + size]) for i in range(max(0, len(words) - size + 1)))


def coverage(part: str, whole: str) -> float:
    """Share of ``whole``'s word 4-grams that ``part`` also has (multiset)."""
    whole_counts = _shingles(whole)
    total = sum(whole_counts.values())
    if not total:
        return 0.0
    return sum((whole_counts & _shingles(part)).values()) / total


def sound_json_ld_body(body: str | None) -> list[str] | None:
    """The JSON-LD articleBody as paragraphs when it looks complete, else None."""
    if not body:
        return None
    text = re.sub(r"<[^>]{1,200}>", "\n", body)  # some sites put HTML in it
    paragraphs = drop_boilerplate(_lines(text))
    if sum(len(_WORD.findall(p)) for p in paragraphs) < MIN_JSONLD_WORDS:
        return None
    if paragraphs[-1].rstrip().endswith(("...", "\u2026", "[...]")):
        return None  # a teaser cut short
    return paragraphs


def _strip_title(paragraphs: list[str], title: str | None) -> list[str]:
    if paragraphs and title and _key(paragraphs[0]) == _key(title):
        return paragraphs[1:]
    return paragraphs


def _strip_standfirst(paragraphs: list[str], description: str | None) -> list[str]:
    """The standfirst printed above the story is the page's description, not its body."""
    if len(paragraphs) > 1 and description and _key(paragraphs[0]) == _key(description):
        return paragraphs[1:]
    return paragraphs


#: Page furniture that trafilatura's cleaning deletes in every mode before it reads any
#: text (its ``MANUALLY_CLEANED``), and whose deletion from the raw page changed the text of
#: none of the real pages measured: each pass would otherwise copy these subtrees and test
#: every element in them against its pruning expressions, a sixth of a pass's time. (Not
#: every such tag: an ``aside`` or ``iframe`` can hold the only text of a stub page, which
#: its fallback reads from the raw page, and a ``form`` can wrap a whole page.)
FURNITURE = ("nav", "footer", "noscript", "select", "button")


def drop_inert_elements(tree: HtmlElement) -> None:
    """Delete scripts (but JSON-LD), styles, SVG drawings and page furniture (``FURNITURE``)
    from a parsed page, keeping the text that follows them. Every trafilatura pass deletes
    them before it reads anything else (and its fallbacks ignore them); deleting them once
    from the shared tree spares each pass walking and copying them."""
    for element in list(tree.iter("script", "style", "svg", *FURNITURE)):
        kind = (element.get("type") or "").strip().lower()
        if element.tag != "script" or kind != "application/ld+json":
            element.drop_tree()


def extract_body(
    page: HtmlElement | bytes | str | None,
    url: str | None,
    json_ld_body: str | None,
    title: str | None = None,
    description: str | None = None,
) -> Body:
    """Best body text of an HTML page; empty paragraphs list when there is none.

    ``page`` is best given parsed (``wiredesk.articles.htmlmeta.parse_page``): both passes then
    work on copies of one tree instead of parsing the page again each."""
    if page is None:  # not HTML at all
        return Body(paragraphs=[], method="none")
    options = {"url": url, "include_comments": False, "include_tables": True}
    # The external comparison only matters when the precision pass picked the wrong part
    # of the page, which shows as a text much shorter than the default mode's.
    precise = _lines(trafilatura.extract(page, favor_precision=True, fast=True, **options))
    recalled = _lines(trafilatura.extract(page, fast=True, **options))
    if _chars(precise) < DEFICIENT_SHARE * _chars(recalled):
        precise = _lines(trafilatura.extract(page, favor_precision=True, **options))
    paragraphs = drop_boilerplate(fill_interior_gaps(precise, recalled))
    method = (
        "precision" if len(paragraphs) == len(drop_boilerplate(precise)) else "precision+recall"
    )
    if not precise:
        method = "recall"
    paragraphs = _strip_standfirst(_strip_title(paragraphs, title), description)
    from_json_ld = sound_json_ld_body(json_ld_body)
    if from_json_ld is not None:
        extracted = "\n".join(paragraphs)
        ld_text = "\n".join(from_json_ld)
        missed_part = coverage(extracted, ld_text) < JSONLD_COVERAGE
        same_article = not extracted or coverage(ld_text, extracted) >= JSONLD_CONTAINS
        if missed_part and same_article:
            paragraphs, method = _strip_title(from_json_ld, title), "json-ld"
    return Body(paragraphs=paragraphs, method=method)
