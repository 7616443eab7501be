"""Warehouse speed on a generated archive: ``python -m benchmarks.warehouse``.

Generates a lake of ``--articles`` articles (default 1M) with 5 quotes and 20 entity mentions
each, spread over ``--days`` days, straight into Parquet with DuckDB (deterministic by
``--seed``; no extraction models involved; text drawn from a Zipf vocabulary, so a searched
word is as rare as in news copy), then measures what an analyst and the scheduler
wait for: the time of each daily aggregate for one day partition, the search index of a day,
the cross-day refresh after a new day, each example query in sql/examples and a search, and
the lake's size per million articles. Targets: < 2 s per daily partition, < 1 s per query.

The examples ask about the sample's people and places; the generated archive names its
entities "Entity N", so each example is run with the sample's names replaced by generated
entities of similar standing (a few thousand articles each), and the lookups return real rows.
Each query runs on one warm read-only connection, as an analyst's would; the table shows the
best and the median wall time of ``--repeat`` runs, and the CPU seconds of the best run (the
machine may be shared: CPU time is the steadier figure).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from wiredesk.aggregates import (
    CROSS_DAY_AGGREGATES,
    DAILY_AGGREGATES,
    LOOKUP_TABLES,
    build_index,
    compute_daily,
    refresh_cross_day,
    search,
)
from wiredesk.store import Lake, connect_readonly, ensure_warehouse, memory_connection, sql_dir

START = dt.date(2025, 1, 1)
SOURCES = ["northwire", "capital-press", "meridian", "harbor-times", "lakeside-post"] + [
    f"outlet-{i:02d}" for i in range(15)
]
AGENCIES = {
    "northwire": "Northwire",
    "capital-press": "Capital Press Agency",
    "meridian": "Meridian",
}
ENTITY_TYPES = ["PERSON", "ORG", "GPE", "LOC"]
#: Words the examples and searches use, most common first. Generated text draws words from a
#: Zipf vocabulary (the frequency of the r-th word ~ 1/r, as in news copy) in which these
#: take ranks from 5 to about 3,000: "said" is in most articles, "talks" in about one in
#: ten, "ceasefire" and "cholera" in one or two in a hundred, so searches and topic queries
#: match as many documents as they would in a real archive.
WORDS = (
    "said would people government after could before year official week statement country "
    "minister day month city region market price bank health energy election border union "
    "agreement talks gas rates port strike parliament opposition trader aid spokesman "
    "ministry town winter storage currency inflation ship pipeline valley exchange treaty "
    "monitors grain wheat prisoner envoy vaccine outbreak shelling ceasefire corridor cholera"
).split()
#: Size of the generated vocabulary; the words not above are made of syllables.
VOCABULARY = 40_000
SYLLABLES = "ka lo mi ne ru ta vo si de pa zu fe bo gi ha ly".split()
#: Sentences in the pool that articles and quotes draw from (20 words each).
SENTENCES = 20_000


def vocabulary() -> list[str]:
    """Word of each Zipf rank (index 0 is rank 1): WORDS at spread ranks, made words elsewhere."""
    ranks = {}
    for i, word in enumerate(WORDS):
        ranks[2 * i + round(5 * 1.09**i)] = word
    words = []
    for rank in range(1, VOCABULARY + 1):
        if rank in ranks:
            words.append(ranks[rank])
            continue
        digits, n = [], rank
        while n or len(digits) < 3:  # at least three syllables: never a stop word
            n, digit = divmod(n, len(SYLLABLES))
            digits.append(SYLLABLES[digit])
        words.append("".join(digits))
    return words


# Days are generated one at a time: the lake is written the way the pipeline writes it.
ARTICLES_SQL = """
SELECT
    printf('%016x', hash($seed, 'a', $day, i)) AS article_id,
    $sources[1 + (hash($seed, 's', $day, i) % len($sources))::INT] AS source_id,
    'https://example.test/' || $day || '/' || i AS url,
    'Story ' || i || ' of ' || $day AS title,
    $day::TIMESTAMPTZ + to_seconds((hash($seed, 't', $day, i) % 86400)::BIGINT) AS published_at,
    $day::TIMESTAMPTZ + to_seconds((hash($seed, 't', $day, i) % 86400)::BIGINT + 600
        + (hash($seed, 'l', $day, i) % 3600)::BIGINT) AS extracted_at,
    'en' AS language,
    array_to_string(list_transform(range(12), lambda k: $sentences[1 + (hash($seed, $day, i, k)
        % len($sentences))::INT]), ' ') AS text,
    240 AS word_count,
    hash($seed, 'p', $day, i) % 20 = 0 AS is_partial
FROM range($n) AS r(i)
"""


def _entity(seed: int, key: str, entities: int) -> str:
    """SQL for a Zipf-like entity number: a few entities get most mentions."""
    return f"(floor({entities} * pow((hash({seed}, {key}) % 1000003) / 1000003.0, 3)))::BIGINT"


def generate(home: Path, articles: int, days: int, entities: int, seed: int) -> None:
    """Write the lake of a synthetic archive into ``home``."""
    lake = Lake(home)
    con = duckdb.connect()
    per_day = articles // days
    con.execute(
        f"""
        CREATE TABLE entity_table AS
        SELECT e AS n, printf('%016x', hash({seed}, 'e', e)) AS entity_id,
               'Entity ' || e AS name,
               {ENTITY_TYPES!r}[1 + e % 4] AS type,
               ['Entity ' || e] AS aliases, []::VARCHAR[] AS roles,
               DATE '{START}' AS first_seen, DATE '{START}' AS last_seen,
               0::BIGINT AS article_count, 0::BIGINT AS mention_count
        FROM range({entities}) AS r(e)
        """
    )
    lake.write("entities", con.sql("SELECT * EXCLUDE (n) FROM entity_table").to_arrow_table())
    lake.write(
        "entity_aliases",
        con.sql(
            "SELECT entity_id AS entity_key, entity_id FROM entity_table "
            "UNION ALL SELECT printf('%016x', hash(entity_id, 'alias')), entity_id "
            "FROM entity_table"
        ).to_arrow_table(),
    )
    # Zipf ranks by inverse transform: rank = floor((V + 1) ** u) for u uniform in [0, 1).
    sentences = [
        row[0]
        for row in con.execute(
            "SELECT array_to_string(list_transform(range(20), lambda w: $words[least(len($words),"
            " floor(pow(len($words) + 1, (hash($seed, s, w) % 1000003) / 1000003.0)))::INT]),"
            " ' ') || '.' FROM range($sentences) AS r(s)",
            {"seed": seed, "words": vocabulary(), "sentences": SENTENCES},
        ).fetchall()
    ]
    params = {"seed": seed, "sources": SOURCES, "sentences": sentences, "n": per_day}
    for d in range(days):
        day = START + dt.timedelta(days=d)
        con.execute(
            f"CREATE OR REPLACE TABLE day_articles AS {ARTICLES_SQL}",
            {**params, "day": day.isoformat()},
        )
        articles_arrow = con.sql(
            f"""
            SELECT *, article_id AS cluster_id, article_id AS content_hash,
                   source_id AS sitename,
                   CASE WHEN source_id IN {tuple(AGENCIES)} THEN source_id END AS wire_agency
            FROM day_articles
            """
        ).to_arrow_table()
        lake.write("articles", articles_arrow, day)
        mentions = con.sql(
            f"""
            WITH picked AS (
                SELECT a.article_id, m, {_entity(seed, "a.article_id, m", entities)} AS n
                FROM day_articles AS a, range(20) AS r(m)
            )
            SELECT p.article_id,
                   e.entity_id AS entity_key, e.name AS text, e.type, e.name,
                   []::VARCHAR[] AS roles, p.m * 40 AS start_char, p.m * 40 + 8 AS end_char
            FROM picked AS p
            JOIN entity_table AS e USING (n)
            """
        ).to_arrow_table()
        lake.write("entity_mentions", mentions, day)
        quotes = con.sql(
            f"""
            WITH q AS (
                SELECT a.article_id, k,
                       -- a third of quotes come from a shared pool: syndicated copies
                       CASE WHEN hash({seed}, a.article_id, k, 'shared') % 3 = 0
                            THEN 'pool-' || (hash({seed}, a.article_id, k) % 2000)
                            ELSE a.article_id || '-' || k END AS identity
                FROM day_articles AS a, range(5) AS r(k)
            ),
            spoken AS (
                SELECT *, {_entity(seed, "identity", entities // 10)} AS n FROM q
            )
            SELECT printf('%016x', hash(q.article_id, q.k)) AS quote_id, q.article_id,
                   CASE q.k WHEN 4 THEN 'indirect' ELSE 'direct' END AS kind,
                   $sentences[1 + (hash({seed}, 'q', q.identity) % len($sentences))::INT]
                       AS text,
                   e.name AS speaker, e.entity_id AS speaker_entity_key,
                   'she' AS speaker_mention, 'said' AS cue,
                   q.k * 200 AS start_char, q.k * 200 + 60 AS end_char, q.k AS paragraph,
                   0.9 AS confidence, printf('%016x', hash('text', q.identity)) AS quote_hash
            FROM spoken AS q
            JOIN entity_table AS e USING (n)
            """,
            params={"sentences": sentences},
        ).to_arrow_table()
        lake.write("quotes", quotes, day)
    con.close()


#: Names of the sample (sql/examples) -> generated entities of similar standing. Entity n is
#: the n-th most mentioned (and, below entities // 10, most quoted) of the generated archive.
EXAMPLE_NAMES = {
    "National Bank of Kestrelia": "Entity 100",
    "World Health Organization": "Entity 60",
    "Amara Oyelaran": "Entity 7",
    "Lukas Brandt": "Entity 9",
    "Geneva": "Entity 2",
}


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def timed_runs(action: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """Best and median wall seconds of ``repeat`` runs, and the CPU seconds of the best."""
    runs = []
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        action()
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    best = min(runs)
    return best[0], statistics.median(r[0] for r in runs), best[1]


def with_generated_names(query: str) -> str:
    for sample, generated in EXAMPLE_NAMES.items():
        query = query.replace(f"'{sample}'", f"'{generated}'")
    return query


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def run(
    home: Path,
    articles: int,
    days: int,
    entities: int,
    seed: int,
    sample_days: int,
    history_days: int = 35,
    regenerate: bool = True,
    rebuild: bool = True,
    repeat: int = 5,
    queries_only: bool = False,
) -> None:
    rows: list[tuple[str, str, str]] = []
    if queries_only:
        ensure_warehouse(home)
        rows += query_rows(home, repeat)
        print_rows(rows)
        return
    if regenerate or not Lake(home).days("articles"):
        print(f"generating {articles:,} articles over {days} days into {home} ...", flush=True)
        seconds = timed(lambda: generate(home, articles, days, entities, seed))
        print(f"  generated in {seconds:.0f} s", flush=True)
    lake = Lake(home)
    all_days = lake.days("articles")
    # History: the search index of every day (document frequencies span the archive) and the
    # daily aggregates of the last five weeks (what trends and the examples read), computed
    # through one connection; the timed partitions below each pay for their own.
    history = all_days[-history_days:]
    print(
        f"search index and lookup tables for {len(all_days)} days, aggregates for "
        f"{len(history)} ...",
        flush=True,
    )
    con = memory_connection(home)
    for i, day in enumerate(all_days):
        wanted = ["search_index", *LOOKUP_TABLES]
        if day in history:
            wanted += [n for n in DAILY_AGGREGATES if n not in LOOKUP_TABLES]
        for name in wanted:
            if not rebuild and lake.partition_dir(name, day).exists():
                continue
            if name == "search_index":
                lake.write(name, build_index(home, day, con), day)
            else:
                lake.write(name, compute_daily(home, name, day, con), day)
        if i % 50 == 0:
            print(f"  {day}", flush=True)
    con.close()
    for name in CROSS_DAY_AGGREGATES:
        refresh_cross_day(home, name)
    ensure_warehouse(home)
    # What a scheduled run pays for one new day, measured on the last days of the archive.
    sample = all_days[-sample_days:]
    for name in (*DAILY_AGGREGATES, "search_index"):
        fresh = []
        for day in sample:
            fresh.append(timed(lambda n=name, d=day: _one(home, n, d)))
        rows.append(
            (
                f"daily partition: {name}",
                f"median {statistics.median(fresh):.2f} s, max {max(fresh):.2f} s",
                "< 2 s",
            )
        )
    last = all_days[-1]
    lake.write("article_entities", compute_daily(home, "article_entities", last), last)
    lake.write("quotes", lake.read("quotes", last), last)
    for name in CROSS_DAY_AGGREGATES:
        seconds = timed(lambda n=name: refresh_cross_day(home, n))
        rows.append((f"cross-day refresh after a new day: {name}", f"{seconds:.2f} s", "-"))
    ensure_warehouse(home)
    rows += query_rows(home, repeat)
    # Aggregates exist for the history days only: scale them to the whole archive.
    scale = len(all_days) / len(history)
    summaries = {*DAILY_AGGREGATES, *CROSS_DAY_AGGREGATES} - set(LOOKUP_TABLES)
    size = sum(
        folder_size(path) * (scale if path.name in summaries else 1)
        for path in lake.root.iterdir()
        if path.is_dir()
    )
    per_million = size / (articles / 1_000_000)
    rows.append(("lake size per million articles", f"{per_million / 1e9:.2f} GB", "-"))
    index = folder_size(lake.table_dir("search_index"))
    rows.append(("  of which search_index", f"{index / (articles / 1e6) / 1e9:.2f} GB", "-"))
    for table in LOOKUP_TABLES:
        share = folder_size(lake.table_dir(table)) / (articles / 1e6) / 1e9
        rows.append((f"  of which {table}", f"{share:.2f} GB", "-"))
    print_rows(rows)


def query_rows(home: Path, repeat: int) -> list[tuple[str, str, str]]:
    """Each example (with generated names) and a search, timed on one warm read-only connection."""
    rows: list[tuple[str, str, str]] = []
    con = connect_readonly(home)
    for path in sorted((sql_dir() / "examples").glob("*.sql")):
        query = with_generated_names(path.read_text(encoding="utf-8"))
        found = len(con.execute(query).fetchall())  # warm: the first query reads footers
        best, median, cpu = timed_runs(lambda q=query: con.execute(q).fetchall(), repeat)
        rows.append(
            (
                f"example: {path.stem} ({found} rows)",
                f"{best:.2f} / {median:.2f} s, {cpu:.2f}",
                "< 1 s",
            )
        )
    for kind in ("article", "quote"):
        search(con, "ceasefire corridor talks", kind)
        best, median, cpu = timed_runs(
            lambda k=kind: search(con, "ceasefire corridor talks", k), repeat
        )
        rows.append((f"search ({kind}s)", f"{best:.2f} / {median:.2f} s, {cpu:.2f}", "< 1 s"))
    con.close()
    return rows


def print_rows(rows: list[tuple[str, str, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    header = "best / median, cpu s"
    print()
    print(f"{'measure':<{width}}  {'result (' + header + ')':<34}  target")
    print(f"{'-' * width}  {'-' * 34}  ------")
    for name, result, target in rows:
        print(f"{name:<{width}}  {result:<34}  {target}")


def _one(home: Path, name: str, day: dt.date) -> None:
    """One partition as the asset computes it: own connection, compute, write, publish."""
    lake = Lake(home)
    if name == "search_index":
        lake.write(name, build_index(home, day), day)
    else:
        lake.write(name, compute_daily(home, name, day), day)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--entities", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sample-days", type=int, default=5, help="days timed per aggregate")
    parser.add_argument("--history-days", type=int, default=35, help="days of aggregates")
    parser.add_argument("--home", help="keep the archive here (default: a temporary folder)")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --home: keep an archive generated before, and the day partitions of its "
        "search index, lookup tables and aggregates (delete a table's folder to rebuild it)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each query")
    parser.add_argument(
        "--queries-only",
        action="store_true",
        help="with --home: only time the queries on the archive as it is",
    )
    args = parser.parse_args()
    if not args.home and (args.reuse or args.queries_only):
        parser.error("--reuse and --queries-only need --home")
    # No other reader uses the benchmark's archive, so replaced files are unlinked at once:
    # queries are timed on the archive as it stands, not also on the copies a rebuild leaves
    # readable for an hour (views read those too, then drop their rows).
    os.environ["WIREDESK_SNAPSHOT_RETENTION_HOURS"] = "0"
    home = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="wiredesk-bench-"))
    try:
        run(
            home,
            args.articles,
            args.days,
            args.entities,
            args.seed,
            args.sample_days,
            args.history_days,
            regenerate=not args.reuse,
            rebuild=not args.reuse,
            repeat=args.repeat,
            queries_only=args.queries_only,
        )
    finally:
        if not args.home:  # a temporary archive is removed; one in --home is kept
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
