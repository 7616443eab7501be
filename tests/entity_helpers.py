"""What the entity-rule tests share: a mention placed at its first occurrence in a text."""

from __future__ import annotations

from wiredesk.entities.mention import Mention


def mention(text: str, name: str, type_: str = "PERSON") -> Mention:
    """``name`` as a mention of ``type_`` where it first stands in ``text``."""
    start = text.index(name)
    return Mention(name, type_, start, start + len(name), name)


def spans(mentions: list[Mention]) -> list[tuple[str, str]]:
    """(text, type) of each mention, in order."""
    return [(m.text, m.type) for m in mentions]
