"""XML from strangers: refuse entity declarations, parse without DTDs or the network.

Entity declarations are how the billion-laughs bomb and external-entity reads of local
files work, and no real feed or sitemap needs them; like defusedxml, we refuse them
before any parser sees the document.
"""

from __future__ import annotations

import re

from lxml import etree

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_ROOT_START = re.compile(rb"<(?![?!])")


def declares_entities(data: bytes) -> bool:
    """True when the prolog (everything before the root element) declares an entity."""
    prolog_end = len(data)
    position = 0
    # The root element starts at the first '<' that opens neither a PI, a comment nor a DTD;
    # a DTD's internal subset may contain '<!ENTITY', which the first pattern skips.
    while True:
        match = _ROOT_START.search(data, position)
        if match is None:
            break
        if data[max(0, match.start() - 1) : match.start()] == b"[" or _inside_dtd(data, match):
            position = match.end()
            continue
        prolog_end = match.start()
        break
    return bool(_ENTITY_DECL.search(data, 0, prolog_end))


def _inside_dtd(data: bytes, match: re.Match[bytes]) -> bool:
    before = data[: match.start()]
    opened = before.rfind(b"<!DOCTYPE")
    return opened != -1 and before.rfind(b"]>") < opened and b"[" in before[opened:]


def safe_parser(recover: bool = False) -> etree.XMLParser:
    """No entity expansion, no DTD loading, no network, default size limits."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        recover=recover,
        remove_comments=True,
    )


def local_name(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""
