"""Across articles: one row per real-world entity, and where every entity key belongs.

Only merges that are safe without reading the articles again are made:

* the same normalised name (case, accents, punctuation, "Mr." do not matter) and type;
* the same name with a stray type: places of different kinds, or a name one type holds
  almost all of ("Amara Oyelaran" tagged NORP once among many PERSON mentions; a one-word
  name needs more: "Amazon" read as a place once among nine organisation mentions);
* a person an article knows only by one word, to the one full name ending in it that
  shares a role with it ("Governor Renner" -> "Sofia Renner"); never on the surname alone;
* an acronym, to the only expansion an article defined for it or that spells it out;
* every name an analyst listed for one entity in ``entities.yaml``;
* every reading of the name of one of the archive's own sources (an agency or outlet):
  one ORG entity, flagged ``is_source`` so that "most covered" tables can leave it out.

Ids are hashes of (type, canonical name), so they do not depend on the order of rows.
"""

from __future__ import annotations

import importlib
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

from wiredesk.entities.acronyms import initials, is_acronym, letters
from wiredesk.entities.curated import CuratedEntity, match_key
from wiredesk.entities.mention import COUNTED_TYPES, entity_key, normalise_name
from wiredesk.entities.titles import role_evidence

if TYPE_CHECKING:
    import pandas as pd

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
    "wikidata_id",
    "is_source",
]
ALIAS_COLUMNS = ["entity_key", "entity_id"]
PLACES = frozenset({"GPE", "LOC", "FAC"})
#: Types an acronym and its expansion may carry (a recogniser reads "EU" as either).
ACRONYM_TYPES = frozenset({"ORG", *PLACES})
#: Share of a name's mentions one type must hold to absorb the others.
DOMINANT_SHARE = 0.75
#: A one-word name ("Amazon" ORG, once GPE) needs stronger evidence: this share of at
#: least STRONG_MENTIONS mentions.
STRONG_SHARE = 0.85
STRONG_MENTIONS = 5


@dataclass
class _Node:
    """All mentions written with one entity key."""

    key: str
    type: str
    norm: str
    names: Counter = field(default_factory=Counter)
    texts: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)
    mentions: int = 0

    @property
    def words(self) -> int:
        return len(self.norm.split())

    @property
    def evidence(self) -> set[str]:
        return {e for r in self.roles if (e := role_evidence(r))}

    @property
    def lone_person(self) -> bool:
        return self.type == "PERSON" and self.words == 1


class _UnionFind:
    def __init__(self, items: Sequence[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


#: Per-key counts, computed by DuckDB so that the Python loop runs once per distinct key
#: (thousands) instead of once per mention (millions in a long archive).
_KEY_COUNTS = {
    "names": "SELECT entity_key, name AS value, count(*) AS n FROM mentions GROUP BY ALL",
    "texts": "SELECT entity_key, text AS value, count(*) AS n FROM mentions GROUP BY ALL",
    "roles": """SELECT entity_key, value, count(*) AS n
                FROM (SELECT entity_key, unnest(roles) AS value FROM mentions)
                WHERE value IS NOT NULL GROUP BY ALL""",
}


def prepare_linking_in_background() -> threading.Thread:
    """Import pandas (about half a second) on a thread of its own. Only linking needs it, so
    it is not imported with the pipeline's definitions, before an ingest's first page goes
    out; the articles stage starts this as it sends its pages to the workers, when this
    process only waits for them, not after the days' stages, when they would wait for it."""
    thread = threading.Thread(
        target=importlib.import_module, args=("pandas",), name="pandas-import", daemon=True
    )
    thread.start()
    return thread


def _as_arrow(mentions: pd.DataFrame | pa.Table) -> pa.Table:
    if isinstance(mentions, pa.Table):
        return mentions
    columns = ["article_id", "day", "entity_key", "text", "type", "name", "roles"]
    import pandas as pd  # the caller's frame: already imported

    frame = mentions[columns].copy()
    frame["roles"] = [list(r) if r is not None else [] for r in frame["roles"]]
    frame["article_id"] = frame["article_id"].astype(str)
    frame["day"] = pd.to_datetime(frame["day"]).dt.date
    return pa.Table.from_pandas(frame, preserve_index=False)


def _nodes(con: duckdb.DuckDBPyConnection) -> dict[str, _Node]:
    nodes: dict[str, _Node] = {}
    keys = con.execute(
        "SELECT entity_key, min(type), min(name), count(*) FROM mentions GROUP BY 1 ORDER BY 1"
    ).fetchall()
    for key, type_, name, count in keys:
        nodes[key] = _Node(key, type_, normalise_name(name), mentions=count)
    for attribute, query in _KEY_COUNTS.items():
        for key, value, count in con.execute(query).fetchall():
            getattr(nodes[key], attribute)[value] = count
    return nodes


def _type_links(nodes: dict[str, _Node]) -> list[tuple[str, str]]:
    """Same name, different type: join a stray reading to the one that clearly dominates."""
    by_norm: dict[str, list[_Node]] = defaultdict(list)
    for node in nodes.values():
        if not node.lone_person or not node.evidence:
            by_norm[node.norm].append(node)
    full_surnames = {
        n.norm.split()[-1] for n in nodes.values() if n.type == "PERSON" and n.words > 1
    }
    links = []
    for group in by_norm.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda n: (-n.mentions, n.key))
        # A one-word "person" never named in full anywhere is the other reading's.
        stray = [n for n in group if n.lone_person and n.norm not in full_surnames]
        group = [n for n in group if n not in stray] or group
        links.extend((n.key, group[0].key) for n in stray if n is not group[0])
        places = [n for n in group if n.type in PLACES]
        links.extend((n.key, places[0].key) for n in places[1:])
        top, total = group[0], sum(n.mentions for n in group)
        for other in group[1:]:
            if other.type in PLACES and top.type in PLACES:
                continue
            share = top.mentions / total
            if (top.words > 1 or other.type == "NORP") and share >= DOMINANT_SHARE:
                links.append((other.key, top.key))
            elif share >= STRONG_SHARE and top.mentions >= STRONG_MENTIONS:
                links.append((other.key, top.key))
    return links


def _surname_links(nodes: dict[str, _Node]) -> list[tuple[str, str]]:
    """A one-word person joins the one full name ending in it that shares a role with it."""
    by_last: dict[str, list[_Node]] = defaultdict(list)
    lone: dict[str, list[_Node]] = defaultdict(list)
    for node in nodes.values():
        if node.type != "PERSON":
            continue
        if node.words > 1:
            by_last[node.norm.split()[-1]].append(node)
        elif node.evidence:
            lone[node.norm].append(node)
    links = []
    for surname, group in lone.items():
        for node in group:
            matches = [full for full in by_last.get(surname, []) if full.evidence & node.evidence]
            if len(matches) == 1:
                links.append((node.key, matches[0].key))
            for other in group:
                if other is not node and other.evidence & node.evidence:
                    links.append((node.key, other.key))
    return links


def _acronym_links(nodes: dict[str, _Node]) -> list[tuple[str, str]]:
    """An acronym joins the only expansion it abbreviates, as an article defined it or spelt.

    "U.N.", "UN" and "United Nations" are one organisation; a recogniser that read the
    acronym as a place ("EU" GPE) does not keep it apart, but a person never joins.
    """
    links = []
    expansions = {k: n for k, n in nodes.items() if n.type in ACRONYM_TYPES and n.words > 1}
    defined: dict[str, set[str]] = defaultdict(set)
    for key, node in expansions.items():
        for text in node.texts:
            if is_acronym(text.strip()):
                defined[letters(text.strip())].add(key)
    spelt: dict[str, set[str]] | None = None
    for key, node in nodes.items():
        if node.type not in ACRONYM_TYPES or node.words != 1:
            continue
        acronyms = sorted(n for n in node.names if is_acronym(n))
        if not acronyms:
            continue
        targets = defined.get(letters(acronyms[0]), set())
        if not targets:
            if spelt is None:  # every expansion's initials, worked out once
                spelt = _by_initials(expansions)
            targets = spelt.get(letters(acronyms[0]), set())
        if len(targets) > 1:  # "EU" (ORG) between two expansions: the one of its own type
            targets = {k for k in targets if nodes[k].type == node.type}
        if len(targets) == 1:
            links.append((key, next(iter(targets))))
    return links


def _by_initials(expansions: dict[str, _Node]) -> dict[str, set[str]]:
    """The expansions each acronym spells (``abbreviates``), keyed by its letters."""
    spelt: dict[str, set[str]] = defaultdict(set)
    for key, node in expansions.items():
        for name in node.names:
            for form in initials(name):
                spelt[form].add(key)
    return spelt


def _curated_links(
    nodes: dict[str, _Node], curated: Sequence[CuratedEntity]
) -> tuple[list[tuple[str, str]], dict[str, CuratedEntity]]:
    """Every node named as an entry lists joins that entry; returns links and claims."""
    owner = {match_key(name): entry for entry in curated for name in entry.names}
    claimed: dict[str, CuratedEntity] = {}
    members: dict[str, list[str]] = defaultdict(list)
    for key, node in nodes.items():
        entry = owner.get(node.norm)
        if entry is not None and node.type in COUNTED_TYPES:
            claimed[key] = entry
            members[entry.name].append(key)
    links = [(k, keys[0]) for keys in members.values() for k in keys[1:]]
    return links, claimed


def _source_links(
    nodes: dict[str, _Node], source_names: Sequence[str]
) -> tuple[list[tuple[str, str]], set[str]]:
    """Every node named as a source ("The Harbor Times", "Harbor Times"), whatever type the
    recogniser gave it, joins the others with that name; returns links and those nodes."""
    wanted = {match_key(n) for n in source_names} - {""}
    members: dict[str, list[str]] = defaultdict(list)
    for key, node in nodes.items():
        if node.type in COUNTED_TYPES and match_key(node.norm) in wanted:
            members[match_key(node.norm)].append(key)
    links = [(k, keys[0]) for keys in members.values() for k in keys[1:]]
    return links, {k for keys in members.values() for k in keys}


def canonical_name(names: Counter) -> str:
    """The fullest common form: most words, then most used, then not all capitals, then A-Z.

    A name only ever written in capitals (a dateline's "VELMORA") is given in title case.
    """
    best = min(names, key=lambda n: (-len(n.split()), -names[n], n.isupper(), -len(n), n))
    if best.isupper() and not is_acronym(best) and len(best.replace(".", "")) > 3:
        return " ".join(w[:1] + w[1:].lower() for w in best.split())
    return best


def link_entities(
    mentions: pd.DataFrame | pa.Table,
    curated: Sequence[CuratedEntity] = (),
    source_names: Sequence[str] = (),
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Group mentions from many articles into entities; map each entity key to its entity.

    ``mentions``: one row per mention with ``article_id, day, entity_key, text, type, name,
    roles``; ``curated``: entries of the alias file; ``source_names``: the archive's own
    agencies and outlets (see ``source_names``). Returns ``(entities, entity_aliases)``.
    """
    import pandas as pd  # see ``prepare_linking_in_background``

    if mentions.num_rows == 0 if isinstance(mentions, pa.Table) else mentions.empty:
        return pd.DataFrame(columns=ENTITY_COLUMNS), pd.DataFrame(columns=ALIAS_COLUMNS)
    con = duckdb.connect()
    try:
        con.register("mentions", _as_arrow(mentions))
        nodes = _nodes(con)
        groups = _UnionFind(sorted(nodes))
        curated_links, claimed = _curated_links(nodes, curated)
        for a, b in curated_links:
            groups.union(a, b)
        entry_of_root = {groups.find(k): entry.name for k, entry in claimed.items()}
        named_sources, sources = _source_links(nodes, source_names)
        rules = [*named_sources, *_type_links(nodes), *_surname_links(nodes)]
        for a, b in [*rules, *_acronym_links(nodes)]:
            ra, rb = groups.find(a), groups.find(b)
            ea, eb = entry_of_root.get(ra), entry_of_root.get(rb)
            if ea and eb and ea != eb:
                continue  # two of the analyst's entries are never merged by a rule
            groups.union(ra, rb)
            if ea or eb:
                entry_of_root[groups.find(ra)] = ea or eb

        members: dict[str, list[_Node]] = defaultdict(list)
        for key in sorted(nodes):
            members[groups.find(key)].append(nodes[key])
        entities, aliases = [], []
        for group in members.values():
            entities.append(_entity_row(group, claimed, sources))
            aliases.extend(
                {"entity_key": n.key, "entity_id": entities[-1]["entity_id"]} for n in group
            )
        alias_frame = pd.DataFrame(aliases, columns=ALIAS_COLUMNS)
        entity_frame = _with_spans(con, pd.DataFrame(entities, columns=ENTITY_COLUMNS), alias_frame)
    finally:
        con.close()
    entity_frame = entity_frame.sort_values("entity_id", ignore_index=True)
    alias_frame = alias_frame.sort_values(["entity_key", "entity_id"], ignore_index=True)
    return entity_frame, alias_frame


def _with_spans(
    con: duckdb.DuckDBPyConnection, entities: pd.DataFrame, aliases: pd.DataFrame
) -> pd.DataFrame:
    """Articles and first and last day per entity: an article naming an entity two ways
    counts once, so these are counted over the mentions, not summed over keys."""
    con.register("aliases", aliases)
    spans = con.execute(
        """SELECT a.entity_id, count(DISTINCT m.article_id), min(m.day), max(m.day)
           FROM mentions m JOIN aliases a USING (entity_key) GROUP BY 1"""
    ).fetchall()
    by_id = {entity_id: rest for entity_id, *rest in spans}
    entities = entities.copy()
    for position, column in enumerate(["article_count", "first_seen", "last_seen"]):
        entities[column] = [by_id.get(e, (0, None, None))[position] for e in entities["entity_id"]]
    return entities


def _summed(counters: Iterable[Counter]) -> Counter:
    """The counts added up, the positive ones kept (as ``+`` keeps them), in one pass: adding
    Counters one to the next copies the growing sum each time."""
    total: Counter = Counter()
    for counter in counters:
        total.update(counter)
    return +total


def _entity_row(group: list[_Node], claimed: dict[str, CuratedEntity], sources: set[str]) -> dict:
    names = _summed(n.names for n in group)
    texts = _summed(n.texts for n in group)
    roles = _summed(n.roles for n in group)
    entry = next((claimed[n.key] for n in group if n.key in claimed), None)
    if entry is not None:
        type_, name = entry.type, entry.name
        entity_id = entity_key(type_, name)
    else:
        votes = Counter()
        for n in group:
            votes[n.type] += n.mentions
        if len(votes) > 1 and all(
            n.lone_person and not n.evidence for n in group if n.type == "PERSON"
        ):
            votes.pop("PERSON", None)  # see _type_links: a stray reading does not vote
        type_ = min(votes, key=lambda t: (-votes[t], t))
        name = canonical_name(names)
        if all(n.lone_person and n.evidence for n in group):
            entity_id = min(n.key for n in group)  # "Governor Renner", no full name known
        else:
            entity_id = entity_key(type_, name)
    is_source = any(n.key in sources for n in group)
    if is_source and entry is None and type_ != "ORG":
        type_, entity_id = "ORG", entity_key("ORG", name)  # an agency, however it was read
    return {
        "entity_id": entity_id,
        "name": name,
        "type": type_,
        "aliases": sorted(set(names) | set(texts) | set(entry.names if entry else ())),
        "roles": sorted(roles, key=lambda r: (-roles[r], r)),
        "first_seen": None,  # counted over the mentions by _with_spans
        "last_seen": None,
        "article_count": 0,
        "mention_count": sum(n.mentions for n in group),
        "wikidata_id": entry.wikidata_id if entry else None,
        "is_source": is_source,
    }
