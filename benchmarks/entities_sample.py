"""The embedded sample against the hand-made key in ``entities_sample_key.yaml``.

Gold mentions are every whole-word, case-sensitive occurrence of a key form in the articles
the pipeline extracts from ``samples/`` (longest form first, no overlaps). Two numbers come
from them: recognition (exact span, type class) and canonicalisation, scored over pairs of
gold mentions: pairs of one entity should share an ``entity_id``, pairs of two should not.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from wiredesk.entities import COUNTED_TYPES, Mention

REPO = Path(__file__).resolve().parents[1]
KEY = Path(__file__).resolve().parent / "entities_sample_key.yaml"
#: Type classes compared: places are one class, as in the CoNLL scoring.
CLASS = {"PERSON": "PER", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
CLASS["NORP"] = "NORP"
CLASSES = ("PER", "ORG", "PLACE", "NORP")


@dataclass(frozen=True)
class GoldMention:
    article_id: str
    start: int
    end: int
    entity: str
    cls: str
    counted: bool


def sample_articles() -> list[dict]:
    """The sample's articles, extracted by the pipeline's own stage functions (no Dagster)."""
    from wiredesk.articles import build_articles_day
    from wiredesk.fetch import Fetcher
    from wiredesk.sources import load_sources
    from wiredesk.stages import collect_feed_items, fetch_pages

    articles: list[dict] = []
    with Fetcher() as fetcher:
        items_by_day, _ = collect_feed_items(
            load_sources(REPO / "sources.yaml"), fetcher, "benchmark"
        )
        for day in sorted(items_by_day):
            pages, _ = fetch_pages(items_by_day[day], fetcher, "benchmark")
            found = build_articles_day(pages, items_by_day[day], "benchmark").articles
            articles.extend({**a, "day": day} for a in found)
    return articles


def gold_mentions(articles: list[dict], key: Path = KEY) -> list[GoldMention]:
    entries = yaml.safe_load(key.read_text(encoding="utf-8"))["entities"]
    forms: dict[str, tuple[str, str]] = {}
    for entry in entries:
        for form in entry["forms"]:
            forms[form] = (entry["name"], entry["type"])
    ordered = sorted(forms, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w])")
    out = []
    for article in articles:
        for match in pattern.finditer(article["text"]):
            name, type_ = forms[match.group()]
            out.append(
                GoldMention(
                    article["article_id"],
                    match.start(),
                    match.end(),
                    name,
                    CLASS[type_],
                    type_ in COUNTED_TYPES,
                )
            )
    return out


def recognition(gold: list[GoldMention], predicted: dict[str, list[Mention]]) -> dict[str, Counter]:
    """Exact-span, same-class counts per class (as in the CoNLL table)."""
    counts = {c: Counter() for c in CLASSES}
    gold_set = {(g.article_id, g.start, g.end, g.cls) for g in gold}
    pred_set = {
        (a, m.start_char, m.end_char, CLASS[m.type])
        for a, mentions in predicted.items()
        for m in mentions
        if m.type in CLASS
    }
    for cls, bucket in counts.items():
        g = {x for x in gold_set if x[3] == cls}
        p = {x for x in pred_set if x[3] == cls}
        bucket.update(tp=len(g & p), gold=len(g), pred=len(p))
    return counts


def _pairs(groups: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in groups.values())


def canonicalisation(
    gold: list[GoldMention], rows: pd.DataFrame, aliases: pd.DataFrame
) -> tuple[float, float, int, int]:
    """Pairwise precision and recall of shared ids over gold mentions of counted types.

    A gold mention takes the id of the stored mention that overlaps it most; one the
    pipeline missed gets an id of its own (so a miss costs recall, never precision).
    """
    key_to_id = dict(zip(aliases["entity_key"], aliases["entity_id"], strict=True))
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for row in rows.itertuples(index=False):
        entity_id = key_to_id.get(row.entity_key, row.entity_key)
        by_article.setdefault(row.article_id, []).append((row.start_char, row.end_char, entity_id))
    gold_groups: Counter = Counter()
    pred_groups: Counter = Counter()
    both: Counter = Counter()
    for i, g in enumerate(m for m in gold if m.counted):
        overlaps = [
            (min(e, g.end) - max(s, g.start), eid)
            for s, e, eid in by_article.get(g.article_id, [])
            if s < g.end and g.start < e
        ]
        predicted = max(overlaps)[1] if overlaps else f"missed-{i}"
        gold_groups[g.entity] += 1
        pred_groups[predicted] += 1
        both[(g.entity, predicted)] += 1
    same_gold, same_pred, agreed = _pairs(gold_groups), _pairs(pred_groups), _pairs(both)
    precision = agreed / same_pred if same_pred else 0.0
    recall = agreed / same_gold if same_gold else 0.0
    return precision, recall, same_gold, sum(gold_groups.values())
