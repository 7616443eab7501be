"""Paragraphs that leak into extracted article text but belong to the page around it.

Extractors keep whatever sits inside the article container: "Read more" boxes, newsletter
sign-ups, photo credits, share prompts, comment counters, all-caps promo links. Each rule
below matches a whole *short* paragraph, so a sentence of real copy that merely mentions a
newsletter or a photograph is never touched.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Paragraphs longer than this are prose, whatever words they contain.
MAX_BOILERPLATE_WORDS = 40

_WHOLE_LINE = [
    # "Read more", "READ MORE: ...", "See also ...", "Related: ...", "More on this story"
    r"(read|see) (more|also|next)\b.*",
    r"related( (posts?|stories|articles|coverage|content|links?))?\s*:.*",
    r"(you (may|might) also like|recommended( for you)?|more on this (story|topic)"
    r"|most (read|popular)|popular (now|stories)|trending( now)?|further reading"
    r"|also on [\w.]+)\b.*",
    # newsletter and subscription boxes
    r"(sign[ -]?up|subscribe|register)\b.*\b(newsletters?|inbox|e-?mails?|updates|alerts)\b.*",
    r".*\bnewsletters?\b.*\b(sign[ -]?up|subscribe|delivered|inbox)\b.*",
    r"get .{0,60}\b(in|to) your inbox\b.*",
    r"(get|download) (the|our) [\w' ]{0,40}\bapp\b.*",
    r".*\bclick(ing)? here\b.*",
    # photo, video and graphic credits
    r"(photo(graph)?s?|pictures?|images?|video|graphic|illustration|credit|foto)"
    r"( credit)?s?\s*(:|/|by\b|courtesy\b).{0,120}",
    r"\(?(photo|image|picture|video)s? (by|courtesy of|credit:?)\b.{0,100}\)?",
    r".{0,80}\b(getty images|ap photo|reuters/|afp via getty|shutterstock|istock(photo)?)\b.{0,40}",
    # comments, sharing, tagging
    r"comments? (are|is) (now )?closed\b.*",
    r"\d+ (comments?|responses?|replies)",
    r"(leave|post|add) a (comment|reply|response)\b.*",
    r"(tell us what you think|join the (conversation|discussion)|have your say)\b.*",
    r"(share|like) (this|the) (story|article|post|page)\b.*",
    r"(filed under|tags?|topics?|categories|posted in)\s*:.*",
    r"follow (us|me|him|her) on\b.*",
    r"have a (news )?tip\?.*",
    r"(advertisement|sponsored( content)?|skip (ad|advert(isement)?)|story continues below.*)",
    r"all rights reserved\.?",
]
_BOILERPLATE = re.compile(
    r"^\W*(?:" + "|".join(f"(?:{p})" for p in _WHOLE_LINE) + r")\W*$", re.IGNORECASE
)
_WORD = re.compile(r"\w+", re.UNICODE)


def is_shouting_promo(paragraph: str) -> bool:
    """All-capitals link text ("CLICK HERE TO GET THE APP", teaser headlines) without a
    sentence ending: promotions, not copy."""
    letters = [c for c in paragraph if c.isalpha()]
    words = _WORD.findall(paragraph)
    if len(words) < 3 or len(letters) < 12:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) > 0.9 and not paragraph.rstrip().endswith((".", ":"))


@lru_cache(maxsize=8192)
def is_boilerplate(paragraph: str) -> bool:
    """True for a short paragraph that is page furniture rather than article copy."""
    text = " ".join(paragraph.split())
    if not text:
        return True
    if len(_WORD.findall(text)) > MAX_BOILERPLATE_WORDS:
        return False
    return bool(_BOILERPLATE.match(text)) or is_shouting_promo(text)


def drop_boilerplate(paragraphs: list[str]) -> list[str]:
    return [p for p in paragraphs if not is_boilerplate(p)]
