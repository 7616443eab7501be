"""Near-duplicate clustering, sample plus generated copies: ``python -m benchmarks.syndication``.

Every article of the embedded sample is extracted with the production code. The sample's
one syndicated pair (samples/README.md, "Syndication and updates") is the only true
cluster among them; every other article, many on the same subjects, must stay alone. Then
each article gets generated copies, as outlets make them: sentence edits, reordered
paragraphs, added boilerplate, a cut to the first paragraphs, and all of these at once,
published minutes to two days later by other outlets. Articles are clustered day by day
exactly as the articles stage does it (each day reads back the signatures of the days
before), and the result is scored as pairwise precision and recall against the known
clusters. The run is repeated with the input shuffled to check the ids do not move.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from wiredesk.articles import LOOKBACK_DAYS, ExtractionError, content_hash, extract
from wiredesk.sources import folder_day
from wiredesk.syndication import Fingerprint, assign_clusters, fingerprint

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
#: The sample's syndicated pair (samples/README.md).
KNOWN_PAIR = ("nw-004.xml", "ht-2026-11-17-blue-corridor.html")
BOILERPLATE = [
    "Sign up for our morning newsletter, delivered to your inbox at 7 a.m.",
    "Read more: What the talks mean for the region",
    "Photo: Agency staff",
    "This story was first published by a news agency and is reproduced under licence.",
    "Follow us on social media for the latest updates.",
]
EDITS = {
    "said on": "said",
    " percent": "%",
    "officials": "authorities",
    "would": "will",
    "Tuesday": "on Tuesday",
    " the ": " a ",
}
KINDS = ("edited", "reordered", "boilerplate", "cut", "all")


def sample_articles() -> list[dict]:
    """The latest version of every well-formed sample article, with its gold group."""
    found: dict[str, dict] = {}
    files = sorted(SAMPLES.glob("drop/*/*/*")) + sorted(SAMPLES.glob("web/*/pages/*.html"))
    for path in files:
        try:
            article = extract(path.read_bytes(), url=path.as_uri(), folder_day=folder_day(path))
        except ExtractionError:
            continue  # the broken files the sample ships on purpose
        key = article.guid or article.canonical_url or path.name
        if key in found and found[key]["version"] >= article.version:
            continue
        gold = "pair" if path.name in KNOWN_PAIR or key.endswith(":nw-004") else path.name
        found[key] = {
            "id": path.name,
            "text": article.text,
            "published_at": article.published_at,
            "version": article.version,
            "gold": gold,
        }
    return list(found.values())


def _edit_sentences(text: str, rng: random.Random) -> str:
    paragraphs = text.split("\n\n")
    for index in rng.sample(range(len(paragraphs)), k=min(3, len(paragraphs))):
        for old, new in EDITS.items():
            if old in paragraphs[index] and rng.random() < 0.7:
                paragraphs[index] = paragraphs[index].replace(old, new, 1)
    return "\n\n".join(paragraphs)


def _reorder(text: str, rng: random.Random) -> str:
    paragraphs = text.split("\n\n")
    head, rest = paragraphs[:1], paragraphs[1:]
    rng.shuffle(rest)
    return "\n\n".join(head + rest)


def _add_boilerplate(text: str, rng: random.Random) -> str:
    paragraphs = text.split("\n\n")
    for line in rng.sample(BOILERPLATE, k=3):
        paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), line)
    return "\n\n".join(paragraphs)


def _cut(text: str, rng: random.Random) -> str:
    paragraphs = text.split("\n\n")
    keep = max(3, int(len(paragraphs) * rng.uniform(0.55, 0.7)))
    return "\n\n".join(paragraphs[:keep])


def variant(text: str, kind: str, rng: random.Random) -> str:
    if kind == "edited":
        return _edit_sentences(text, rng)
    if kind == "reordered":
        return _reorder(text, rng)
    if kind == "boilerplate":
        return _add_boilerplate(text, rng)
    if kind == "cut":
        return _cut(text, rng)
    return _add_boilerplate(_cut(_reorder(_edit_sentences(text, rng), rng), rng), rng)


def corpus(seed: int) -> list[dict]:
    rng = random.Random(seed)
    articles = sample_articles()
    generated = []
    for base in articles:
        for kind in KINDS:
            lag = dt.timedelta(minutes=rng.randint(5, 2 * 24 * 60))
            generated.append(
                {
                    "id": f"{base['id']}~{kind}",
                    "text": variant(base["text"], kind, rng),
                    "published_at": base["published_at"] + lag,
                    "gold": base["gold"],
                    "kind": kind,
                }
            )
    return articles + generated


def cluster_by_day(items: list[dict]) -> dict[str, str]:
    """Day by day, each day seeing the previous LOOKBACK_DAYS days' fingerprints."""
    by_day: dict[dt.date, list[Fingerprint]] = defaultdict(list)
    for item in items:
        mark = fingerprint(
            item["id"], item["text"], item["published_at"], content_hash(item["text"])
        )
        by_day[item["published_at"].date()].append(mark)
    stored: dict[dt.date, list[Fingerprint]] = {}
    clusters: dict[str, str] = {}
    for day in sorted(by_day):
        prior = [
            f
            for offset in range(1, LOOKBACK_DAYS + 1)
            for f in stored.get(day - dt.timedelta(days=offset), [])
        ]
        matches = assign_clusters(by_day[day], prior)
        stored[day] = [
            Fingerprint(
                f.article_id,
                f.published_at,
                f.content_hash,
                f.minhash,
                f.shingle_count,
                matches[f.article_id].cluster_id,
            )
            for f in by_day[day]
        ]
        clusters.update({a: m.cluster_id for a, m in matches.items()})
    return clusters


def pairwise(items: list[dict], clusters: dict[str, str]) -> tuple[float, float]:
    gold = {item["id"]: item["gold"] for item in items}
    true_pairs = predicted_pairs = both = 0
    for a, b in combinations(sorted(gold), 2):
        same_gold = gold[a] == gold[b]
        same_predicted = clusters[a] == clusters[b]
        true_pairs += same_gold
        predicted_pairs += same_predicted
        both += same_gold and same_predicted
    return both / predicted_pairs if predicted_pairs else 1.0, both / true_pairs


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    items = corpus(args.seed)
    began = time.process_time()
    clusters = cluster_by_day(items)
    elapsed = time.process_time() - began
    precision, recall = pairwise(items, clusters)
    shuffled = items[:]
    random.Random(args.seed + 1).shuffle(shuffled)
    stable = cluster_by_day(shuffled) == clusters
    base_of = {item["id"]: item["id"].split("~")[0] for item in items}
    joined: Counter = Counter()
    for item in items:
        if "kind" in item:
            joined[item["kind"]] += clusters[item["id"]] == clusters[base_of[item["id"]]]
    originals = sum(1 for item in items if "kind" not in item)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"syndication: {originals} sample articles + {len(items) - originals} generated copies")
    print(f"{'pairwise':<12}{'P':>8}{'R':>8}{'F1':>8}{'articles/s':>12}")
    print(f"{'':<12}{precision:>8.4f}{recall:>8.4f}{f1:>8.4f}{len(items) / elapsed:>12.1f}")
    print(
        "copies joined to their base: " + ", ".join(f"{k} {joined[k]}/{originals}" for k in KINDS)
    )
    pair = [clusters[i["id"]] for i in items if i["gold"] == "pair" and "kind" not in i]
    print(f"sample pair nw-004 / Harbor Times clustered: {len(set(pair)) == 1 and len(pair) == 2}")
    print(f"same clusters with shuffled input: {stable}")


if __name__ == "__main__":
    main()
