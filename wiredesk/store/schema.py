"""The table contract: every lake table's columns, types and meaning, in one place.

Writers cast to these schemas, the warehouse builds typed views from them (also for
tables that have no rows yet), and the Dagster layer shows them as column schemas.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

#: Bump when a column changes; the warehouse file is rebuilt when this changes.
SCHEMA_VERSION = 6


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    partitioned: bool = True
    #: Rows per Parquet row group for tables read by key lookups (sorted files, small groups
    #: so min/max statistics skip most of a file); None keeps the writer's default.
    row_group_rows: int | None = None
    #: Columns the lake sorts each file by before writing (nulls last), so a lookup by the
    #: first of them reads only the row groups whose min/max range can hold its keys.
    sort_by: tuple[str, ...] = ()
    #: Rows per data page, written with a page index (per-page min/max), for tables whose
    #: queries want a few rows of a row group: a scan then decodes only the pages that can
    #: hold them. None: one page per column chunk up to the writer's size limit, no index.
    page_rows: int | None = None
    #: Columns whose every value is its own (a page's bytes): written without the dictionary
    #: the writer would otherwise build for them and give up on, which for a day's pages
    #: costs about as much as compressing them.
    unique_columns: tuple[str, ...] = ()

    @property
    def parquet_options(self) -> dict:
        """Keyword arguments for ``pyarrow.parquet.write_table``: row groups and pages."""
        options: dict = {"compression": "zstd", "row_group_size": self.row_group_rows}
        if self.page_rows:
            options |= {"write_page_index": True, "max_rows_per_page": self.page_rows}
        if self.unique_columns:
            options["use_dictionary"] = [
                name for name in self.arrow_schema.names if name not in self.unique_columns
            ]
        return options

    @property
    def arrow_schema(self) -> pa.Schema:
        """Schema of the Parquet files: ``day`` lives in the folder name, not the file."""
        return pa.schema([(c.name, c.type) for c in self.columns if c.name != "day"])

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


S, INT, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
TS = pa.timestamp("us", tz="UTC")
#: A wall-clock time without a zone (DuckDB TIMESTAMP): the local time as written, which
#: keeps its own day and hour under any session time zone.
LOCAL_TS = pa.timestamp("us")
D = pa.date32()
LS = pa.list_(pa.string())
DAY = Column("day", D, "Partition day (UTC) the row belongs to.")


def _t(
    name: str,
    description: str,
    *cols: tuple[str, pa.DataType, str],
    partitioned=True,
    row_group_rows: int | None = None,
    sort_by: tuple[str, ...] = (),
    page_rows: int | None = None,
    unique_columns: tuple[str, ...] = (),
):
    columns = tuple(Column(*c) for c in cols) + ((DAY,) if partitioned else ())
    return Table(
        name, description, columns, partitioned, row_group_rows, sort_by, page_rows, unique_columns
    )


TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        _t(
            "sources",
            "Configured sources (from sources.yaml) as of the last run.",
            ("source_id", S, "Stable id chosen in sources.yaml."),
            ("name", S, "Human name of the source."),
            ("kind", S, "feed, sitemap or dropfolder."),
            ("location", S, "URL or absolute path read."),
            ("language", S, "Expected language (ISO 639-1), if set."),
            ("enabled", B, "Whether runs read it."),
            partitioned=False,
        ),
        _t(
            "feed_items",
            "Items announced by feeds or found in drop folders, one per item and day.",
            ("item_id", S, "Hash of source and item identity (guid, else canonical URL)."),
            ("source_id", S, "Source that announced the item."),
            ("url", S, "URL as announced (file:// for drop folders)."),
            ("canonical_url", S, "Normalised URL used for de-duplication."),
            ("guid", S, "Feed guid / NewsML guid / NITF doc-id, if any."),
            ("version", INT, "Item version (NewsML-G2 version, NITF du-key), 1 if none."),
            ("title", S, "Title as announced."),
            ("published_at", TS, "Publication time as announced, UTC."),
            ("utc_offset_minutes", INT, "UTC offset the announcement wrote it in; null if none."),
            ("discovered_at", TS, "When this run saw the item."),
            ("format", S, "newsml, nitf, html, text or unknown."),
        ),
        _t(
            "fetch_log",
            "One row per fetch attempt and per failure in any stage; nothing fails silently.",
            ("url", S, "What was read."),
            ("source_id", S, "Source it belongs to."),
            ("stage", S, "Stage that wrote the row: feed_items, raw_pages, articles."),
            ("status", S, "ok, not_modified (304), retry (failed, tried again) or error."),
            ("error_class", S, "Class of failure (not_found, malformed_xml, binary_content, ...)."),
            ("detail", S, "One line saying what went wrong."),
            ("bytes", INT, "Bytes read."),
            ("elapsed_ms", F, "Time taken."),
            ("fetched_at", TS, "When."),
            ("run_id", S, "Dagster run id, or 'cli'."),
            ("http_status", INT, "HTTP status of the response, if one came."),
            ("attempt", INT, "1 for the first request for the URL, 2 for its first retry, ..."),
        ),
        _t(
            "raw_pages",
            "Bytes of every item fetched successfully.",
            ("item_id", S, "feed_items.item_id."),
            ("source_id", S, "Source id."),
            ("url", S, "Requested URL."),
            ("final_url", S, "URL after redirects."),
            ("content_type", S, "Declared or sniffed media type."),
            ("format", S, "newsml, nitf, html or text."),
            ("content", pa.binary(), "Raw bytes."),
            ("bytes", INT, "Size of content."),
            ("fetched_at", TS, "When it was read."),
            unique_columns=("content",),
        ),
        _t(
            "articles",
            "One row per article (latest version), with text and reconciled metadata.",
            ("article_id", S, "Hash of source and story identity (guid or canonical URL)."),
            ("source_id", S, "Source id."),
            ("item_id", S, "feed_items.item_id of the version kept."),
            ("url", S, "URL read."),
            ("canonical_url", S, "Canonical URL (page's rel=canonical when present)."),
            ("guid", S, "Wire guid, if any."),
            ("version", INT, "Version kept (the latest seen that day)."),
            ("versions_seen", INT, "How many versions of the story arrived that day."),
            ("title", S, "Headline."),
            ("authors", LS, "Bylines, cleaned."),
            ("published_at", TS, "Publication time, UTC: the instant partitions and joins use."),
            (
                "published_local",
                LOCAL_TS,
                "Publication time on the outlet's wall clock, as the winning signal wrote it "
                "(a date alone: its midnight, never shifted). A TIMESTAMP without zone, so its "
                "day and hour read the same under any session TimeZone; the offset is "
                "utc_offset_minutes.",
            ),
            (
                "utc_offset_minutes",
                INT,
                "UTC offset of published_local, minutes (+540 Tokyo); null where no signal "
                "gave one (a bare date, a time without a zone).",
            ),
            (
                "published_day",
                D,
                "Publisher's calendar day: the local day the page shows (may differ from day).",
            ),
            ("date_source", S, "Which signal gave published_at (json_ld, feed, dateline, ...)."),
            ("language", S, "ISO 639-1 language of the text."),
            (
                "analysis",
                LS,
                "Stages that read the article, chosen by its language: text, metadata, "
                "syndication, search, and entities and quotes where the language has them.",
            ),
            ("sitename", S, "Outlet or agency name."),
            ("dateline", S, "Place from the dateline (e.g. GENEVA)."),
            ("wire_agency", S, "Agency named in the dateline or credit."),
            ("text", S, "Body text, paragraphs separated by blank lines; offsets refer to it."),
            ("word_count", INT, "Words in text."),
            ("content_hash", S, "Hash of the normalised text (exact duplicates share it)."),
            ("cluster_id", S, "Near-duplicate cluster: article_id of the earliest copy."),
            ("is_partial", B, "Paywalled or truncated copy."),
            ("format", S, "Format the article came in."),
            ("extracted_at", TS, "When extracted."),
            ("updated_at", TS, "Last modification time stated by the source, UTC, if later."),
            ("description", S, "Summary or standfirst the source gives."),
            ("version_id", S, "article_versions.version_id of the text kept."),
            ("previous_version_id", S, "Version this one replaced, if any."),
            ("partial_reason", S, "Why is_partial is set (paywall prompt, truncated, ...)."),
        ),
        _t(
            "article_versions",
            "Every distinct text of a story seen on that day, linked to the version before.",
            ("version_id", S, "Hash of article_id and the normalised text."),
            ("article_id", S, "articles.article_id."),
            ("version", INT, "Version number (the format's own, else counted up)."),
            ("previous_version_id", S, "Version this one replaced (possibly an earlier day's)."),
            ("is_latest", B, "True for the version kept in articles."),
            ("content_hash", S, "Hash of the normalised text."),
            ("title", S, "Headline of this version."),
            ("published_at", TS, "Publication time, UTC."),
            ("updated_at", TS, "Modification time stated by the source, UTC."),
            ("words_changed", INT, "Words inserted, deleted or replaced since the previous."),
            ("word_count", INT, "Words in text."),
            ("text", S, "Body text of this version."),
            ("first_seen_at", TS, "When this text was first extracted."),
        ),
        _t(
            "article_signatures",
            "MinHash signature of each article, read back by later days to find copies.",
            ("article_id", S, "articles.article_id."),
            ("version_id", S, "Version the signature was taken from."),
            ("version", INT, "Its version number."),
            ("source_id", S, "Source id."),
            ("published_at", TS, "Publication time, UTC (orders copies)."),
            ("content_hash", S, "Hash of the normalised text."),
            ("cluster_id", S, "Cluster assigned on that day."),
            ("shingle_count", INT, "Distinct word 5-grams in the text."),
            ("minhash", pa.list_(INT), "MinHash values (128 permutations, seed 1)."),
        ),
        _t(
            "syndication",
            "Members of every multi-article cluster across all days, against the original.",
            ("cluster_id", S, "Cluster id: article_id of the original (earliest copy)."),
            ("article_id", S, "Member article."),
            ("source_id", S, "Member's source."),
            ("outlet", S, "Member's outlet (site name, else source id)."),
            ("title", S, "Member's headline."),
            ("is_original", B, "True for the earliest copy."),
            ("original_article_id", S, "The original's article_id."),
            ("original_source_id", S, "The original's source."),
            ("matched_article_id", S, "Earlier member this one was matched to."),
            ("published_at", TS, "Member's publication time, UTC."),
            ("lag_minutes", F, "Minutes after the original."),
            ("similarity", F, "Estimated Jaccard similarity of word 5-grams to the original."),
            ("words_changed", INT, "Words inserted, deleted or replaced against the original."),
            ("changed_share", F, "words_changed over the original's word count."),
            ("members", INT, "Articles in the cluster."),
            ("member_day", D, "Member's partition day (articles.day)."),
            partitioned=False,
        ),
        _t(
            "superseded_articles",
            "Article rows replaced by a later version of the same story on another day "
            "(left out of the articles, quotes and entity_mentions views).",
            ("article_id", S, "articles.article_id of the story."),
            ("article_day", D, "Partition day of the replaced row."),
            ("version_id", S, "article_versions.version_id of the replaced text."),
            ("version", INT, "Version number of the replaced text."),
            ("latest_version_id", S, "version_id of the story's latest text."),
            ("latest_day", D, "Partition day of the latest row."),
            partitioned=False,
        ),
        _t(
            "entity_mentions",
            "Every recognised mention of a person, organisation or place.",
            ("article_id", S, "articles.article_id."),
            ("entity_key", S, "Per-article key; entity_aliases maps it to entities.entity_id."),
            ("text", S, "Words as written."),
            ("type", S, "PERSON, ORG, GPE, LOC or NORP."),
            ("name", S, "Fullest name for it in the article."),
            ("roles", LS, "Titles seen with it in the article."),
            ("start_char", INT, "Start offset in articles.text."),
            ("end_char", INT, "End offset in articles.text."),
        ),
        _t(
            "quotes",
            "Every quotation with its speaker (files sorted by speaker key in small row groups, "
            "so quotes_by() reads only one speaker's rows).",
            ("quote_id", S, "Hash of article and span."),
            ("article_id", S, "articles.article_id."),
            ("kind", S, "direct, partial or indirect."),
            ("text", S, "Quoted words (direct/partial) or reported clause (indirect)."),
            ("speaker", S, "Resolved speaker name, or null."),
            ("speaker_entity_key", S, "Per-article key of the speaker; see entity_aliases."),
            ("speaker_mention", S, "Words naming the speaker in the text."),
            ("cue", S, "Speech verb or phrase."),
            ("start_char", INT, "Start offset in articles.text."),
            ("end_char", INT, "End offset in articles.text."),
            ("paragraph", INT, "0-based paragraph index."),
            ("confidence", F, "0..1."),
            ("quote_hash", S, "Hash of the normalised quote text: same quote, same hash."),
            row_group_rows=2048,
            sort_by=("speaker_entity_key", "article_id", "start_char"),
        ),
        _t(
            "entities",
            "One row per real-world entity across all articles.",
            ("entity_id", S, "Stable id."),
            ("name", S, "Fullest common name."),
            ("type", S, "PERSON, ORG, GPE, LOC or NORP."),
            ("aliases", LS, "Every form seen."),
            ("roles", LS, "Titles and roles seen."),
            ("first_seen", D, "First day mentioned."),
            ("last_seen", D, "Last day mentioned."),
            ("article_count", INT, "Articles mentioning it."),
            ("mention_count", INT, "Mentions in all."),
            ("wikidata_id", S, "Wikidata id given in entities.yaml, if any."),
            (
                "is_source",
                B,
                "One of the archive's own agencies or outlets (sources.yaml names, wire "
                "providers): left out of the most-covered tables and the brief by default.",
            ),
            partitioned=False,
        ),
        _t(
            "entity_aliases",
            "Maps per-article entity keys to entities.entity_id.",
            ("entity_key", S, "Key written by entity_mentions and quotes."),
            ("entity_id", S, "entities.entity_id."),
            partitioned=False,
        ),
        _t(
            "daily_source_volume",
            "Articles and words per source per day.",
            ("source_id", S, "Source id."),
            ("wire_agency", S, "The agency the source is, when its own copy credits itself."),
            ("articles", INT, "Articles."),
            ("agency_copy", INT, "Articles credited to a wire agency other than the source."),
            ("words", INT, "Words."),
            ("partial_share", F, "Share of partial articles."),
            ("median_lag_minutes", F, "Median minutes from publication to extraction."),
        ),
        _t(
            "daily_entity_mentions",
            "Mentions, articles and sources per entity per day (stored as linked when the day "
            "was computed; the warehouse view recomputes it from article_entities as linked now).",
            ("entity_id", S, "entities.entity_id."),
            ("name", S, "Entity name."),
            ("type", S, "Entity type."),
            ("mentions", INT, "Mentions."),
            ("articles", INT, "Articles."),
            ("sources", INT, "Distinct sources."),
        ),
        _t(
            "daily_speaker_quotes",
            "Quotes per speaker per day.",
            ("speaker_entity_id", S, "entities.entity_id of the speaker, if linked."),
            ("speaker", S, "Speaker name."),
            ("quotes", INT, "Quotes."),
            ("unique_quotes", INT, "Distinct quote_hash."),
            ("articles", INT, "Articles quoting them."),
            ("speaker_entity_key", S, "Speaker's per-article key (the view maps it to an id)."),
            ("quote_hashes", LS, "Distinct quote_hash values (exact distinct counts on merge)."),
            ("article_ids", LS, "Distinct articles quoting them (same use)."),
        ),
        _t(
            "daily_entity_pairs",
            "Entities named together in the same article, per day.",
            ("entity_a", S, "entities.entity_id (smaller id)."),
            ("entity_b", S, "entities.entity_id (larger id)."),
            ("name_a", S, "Name of entity_a."),
            ("name_b", S, "Name of entity_b."),
            ("articles", INT, "Articles naming both."),
            ("pmi", F, "Pointwise mutual information over the day's articles."),
            ("lift", F, "How many times more often they co-occur than if independent."),
        ),
        _t(
            "article_entities",
            "Which articles name which entity keys, per day: the index behind 'articles "
            "naming X' (sorted by entity_key in small row groups; read through the view, "
            "which maps keys to current entity ids).",
            ("entity_key", S, "Per-article key (entity_mentions.entity_key)."),
            ("article_id", S, "articles.article_id."),
            ("source_id", S, "Source of the article."),
            ("published_at", TS, "Publication time, UTC."),
            ("title", S, "Headline."),
            ("type", S, "PERSON, ORG, GPE, LOC or NORP, as recognised in the article."),
            ("name", S, "Name as resolved in the article."),
            ("mentions", INT, "Mentions under this key in the article."),
            ("first_char", INT, "Offset of the first mention."),
            row_group_rows=2048,
        ),
        _t(
            "article_quotes",
            "The quotes of each article, per day: how many and each quote's speaker, so a set "
            "of articles finds its speakers without reading every quote.",
            ("article_id", S, "articles.article_id."),
            ("source_id", S, "Source of the article."),
            ("quotes", INT, "Quotes in the article."),
            ("speaker_keys", LS, "speaker_entity_key of each quote, in order of the text."),
            ("speakers", LS, "Speaker name of each quote as resolved in the article (or null)."),
            row_group_rows=8192,
        ),
        _t(
            "quote_entities",
            "Entity keys named inside each quote's words, per day, with the quote's speaker, "
            "words and outlet (sorted by entity_key in small row groups).",
            ("entity_key", S, "Per-article key of the entity named in the quote."),
            ("quote_id", S, "quotes.quote_id."),
            ("article_id", S, "articles.article_id."),
            ("speaker_entity_key", S, "quotes.speaker_entity_key."),
            ("speaker", S, "Speaker name as resolved in the article, or null."),
            ("kind", S, "direct, partial or indirect."),
            ("text", S, "The quote's words."),
            ("source_id", S, "Source that carried it."),
            ("published_at", TS, "Publication time of the article, UTC."),
            ("type", S, "Entity type as recognised in the article."),
            ("name", S, "Entity name as resolved in the article."),
            ("mentions", INT, "Times the quote names it under this key."),
            row_group_rows=2048,
        ),
        _t(
            "trending_entities",
            "Entities whose coverage on the day stands out against the trailing 7 and 28 days.",
            ("entity_id", S, "entities.entity_id."),
            ("name", S, "Entity name."),
            ("type", S, "Entity type."),
            ("articles", INT, "Articles naming it on the day."),
            ("sources", INT, "Distinct sources naming it on the day."),
            ("mentions", INT, "Mentions on the day."),
            ("history_days_7", INT, "Archive days in the trailing 7-day window."),
            ("mean_7", F, "Mean articles per day over the trailing 7 days (0 when absent)."),
            (
                "z_7",
                F,
                "(articles - mean_7) / sqrt(variance_7 + 1): the +1 keeps newcomers finite.",
            ),
            ("history_days_28", INT, "Archive days in the trailing 28-day window."),
            ("mean_28", F, "Mean articles per day over the trailing 28 days."),
            ("z_28", F, "Same score against the trailing 28 days."),
            (
                "supported",
                B,
                "Meets the minimum support (articles and sources) to count as a trend.",
            ),
            (
                "is_source",
                B,
                "One of the archive's own agencies or outlets (entities.is_source): never ranked.",
            ),
            (
                "rank",
                INT,
                "Rank by z_7 among supported entities of the day that are not sources (else null).",
            ),
        ),
        _t(
            "top_quotes",
            "Unique quotes carried on the day, ranked by how many copies and outlets carried them.",
            ("quote_hash", S, "quotes.quote_hash: the same words, wherever they were carried."),
            ("text", S, "The quote, as in its first copy."),
            ("kind", S, "direct, partial or indirect."),
            ("speaker", S, "Speaker named by most copies."),
            ("speaker_entity_id", S, "entities.entity_id of the speaker, if linked."),
            ("copies", INT, "Articles carrying it on the day."),
            ("outlets", INT, "Distinct sources carrying it on the day."),
            ("clusters", INT, "Distinct syndication clusters carrying it on the day."),
            ("copies_to_date", INT, "Articles carrying it on this day or before."),
            ("first_seen_at", TS, "Publication time of the earliest copy, on any day so far."),
            ("first_outlet", S, "Source of the earliest copy."),
            ("first_article_id", S, "articles.article_id of the earliest copy."),
            ("outlet_list", LS, "Sources carrying it on the day, by first publication."),
            ("rank", INT, "1 = most carried quote of the day."),
        ),
        _t(
            "search_index",
            "Full-text index of the day, one file: document rows (term null), postings, and "
            "statistics rows (doc null) that BM25 sums across days.",
            ("kind", S, "article or quote."),
            (
                "term",
                S,
                "Normalised term; null on document rows, '' on the day's statistics row.",
            ),
            ("doc", INT, "Document number within the day and kind; null on statistics rows."),
            ("tf", INT, "Times the term occurs in the document (postings only)."),
            ("doc_id", S, "articles.article_id or quotes.quote_id (document rows only)."),
            (
                "length",
                INT,
                "Indexed terms in the document (document rows and postings); on the day's "
                "statistics row, the summed length of its documents.",
            ),
            (
                "documents",
                INT,
                "Statistics rows only: documents of the day and kind (term '') or holding "
                "the term (its document frequency).",
            ),
            row_group_rows=16384,
            page_rows=2048,
        ),
        _t(
            "run_failures",
            "One row per failed Dagster run: which job, partition and steps failed, and why.",
            ("run_id", S, "Dagster run id."),
            ("job_name", S, "Job that ran."),
            ("partition", S, "Partition key of the run, if any."),
            ("failed_steps", LS, "Steps that failed."),
            ("error", S, "First line of the failure."),
            ("failed_at", TS, "When the failure was recorded."),
        ),
    ]
}


def table(name: str) -> Table:
    return TABLES[name]
