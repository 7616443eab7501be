"""Across articles: one row per real-world entity, and where every entity key belongs.

Only merges that are safe without context are made: the same type and normalised name;
a person an article knows only by a surname, when exactly one full name in the archive
ends in it; an organisation's acronym, when exactly one expansion in the archive fits it.
Ids are hashes of (type, canonical name), so they do not depend on the order of rows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pandas as pd

from wiredesk.entities.acronyms import abbreviates, is_acronym
from wiredesk.entities.mention import entity_key, normalise_name

ENTITY_COLUMNS = [
    "entity_id",
    "name",
    "type",
    "aliases",
    "roles",
    "first_seen",
    "last_seen",
    "article_count",
    "mention_count",
]
ALIAS_COLUMNS = ["entity_key", "entity_id"]


@dataclass
class _Node:
    """All mentions of one (type, normalised name)."""

    type: str
    norm: str
    names: Counter = field(default_factory=Counter)
    texts: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    days: list = field(default_factory=list)
    mentions: int = 0


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(self, item: tuple[str, str]) -> tuple[str, str]:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _nodes(mentions: pd.DataFrame) -> dict[tuple[str, str], _Node]:
    nodes: dict[tuple[str, str], _Node] = {}
    for row in mentions.itertuples(index=False):
        norm = normalise_name(row.name)
        node = nodes.setdefault((row.type, norm), _Node(row.type, norm))
        node.names[row.name] += 1
        node.texts[row.text] += 1
        node.roles.update(list(row.roles) if row.roles is not None else [])
        node.keys.add(row.entity_key)
        node.articles.add(str(row.article_id))
        node.days.append(row.day)
        node.mentions += 1
    return nodes


def _unique(candidates: set[tuple[str, str]]) -> tuple[str, str] | None:
    return next(iter(candidates)) if len(candidates) == 1 else None


def _surname_links(nodes: dict[tuple[str, str], _Node]) -> list[tuple[tuple, tuple]]:
    """A one-word person joins the only multi-word person name ending in that word."""
    by_last: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for key, node in nodes.items():
        words = node.norm.split()
        if node.type == "PERSON" and len(words) > 1:
            by_last[words[-1]].add(key)
    links = []
    for key, node in nodes.items():
        if node.type == "PERSON" and len(node.norm.split()) == 1:
            target = _unique(by_last.get(node.norm, set()))
            if target:
                links.append((key, target))
    return links


def _acronym_links(nodes: dict[tuple[str, str], _Node]) -> list[tuple[tuple, tuple]]:
    """An acronym joins the only expansion it abbreviates, as an article defined it or spelt."""
    links = []
    expansions = {k: n for k, n in nodes.items() if n.type == "ORG" and " " in n.norm}
    defined: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for key, node in expansions.items():
        for text in node.texts:
            if is_acronym(text.strip()):
                defined[text.strip().replace(".", "").upper()].add(key)
    for key, node in nodes.items():
        if node.type != "ORG" or " " in node.norm:
            continue
        acronyms = [n for n in node.names if is_acronym(n)]
        if not acronyms:
            continue
        acronym = sorted(acronyms)[0]
        letters = acronym.replace(".", "").upper()
        target = _unique(defined.get(letters, set()))
        if target is None:
            spelt = {
                k for k, n in expansions.items() if any(abbreviates(acronym, x) for x in n.names)
            }
            target = _unique(spelt)
        if target:
            links.append((key, target))
    return links


def canonical_name(names: Counter) -> str:
    """The fullest common form: most words, then most used, then not all capitals, then A-Z."""
    return min(
        names,
        key=lambda n: (-len(n.split()), -names[n], n.isupper(), -len(n), n),
    )


def link_entities(mentions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Group mentions from many articles into entities; map each entity key to its entity.

    ``mentions``: one row per mention with ``article_id, day, entity_key, text, type, name,
    roles``. Returns ``(entities, entity_aliases)``.
    """
    if mentions.empty:
        return pd.DataFrame(columns=ENTITY_COLUMNS), pd.DataFrame(columns=ALIAS_COLUMNS)
    nodes = _nodes(mentions)
    groups = _UnionFind()
    for key in nodes:
        groups.find(key)
    for a, b in [*_surname_links(nodes), *_acronym_links(nodes)]:
        groups.union(a, b)

    members: dict[tuple[str, str], list[_Node]] = defaultdict(list)
    for key in sorted(nodes):
        members[groups.find(key)].append(nodes[key])

    entities, aliases = [], []
    for group in members.values():
        names = sum((n.names for n in group), Counter())
        texts = sum((n.texts for n in group), Counter())
        roles = sum((n.roles for n in group), Counter())
        type_ = group[0].type
        name = canonical_name(names)
        entity_id = entity_key(type_, name)
        days = [d for n in group for d in n.days if d is not None and not pd.isna(d)]
        entities.append(
            {
                "entity_id": entity_id,
                "name": name,
                "type": type_,
                "aliases": sorted(set(names) | set(texts)),
                "roles": sorted(roles, key=lambda r: (-roles[r], r)),
                "first_seen": min(days) if days else None,
                "last_seen": max(days) if days else None,
                "article_count": len(set().union(*(n.articles for n in group))),
                "mention_count": sum(n.mentions for n in group),
            }
        )
        aliases.extend({"entity_key": k, "entity_id": entity_id} for n in group for k in n.keys)

    entity_frame = pd.DataFrame(entities, columns=ENTITY_COLUMNS)
    entity_frame = entity_frame.sort_values("entity_id", ignore_index=True)
    alias_frame = pd.DataFrame(aliases, columns=ALIAS_COLUMNS)
    alias_frame = alias_frame.drop_duplicates("entity_key").sort_values(
        ["entity_key", "entity_id"], ignore_index=True
    )
    return entity_frame, alias_frame
