-- The full-text index of one day ($day): for each article (title and text) and each quote
-- (its words and the speaker's name) one document row (term null, doc_id, length) and one
-- posting per distinct term (term, doc, tf, and the document's length, so scoring needs no
-- join), plus statistics rows (doc null): per kind, one for the day (term '', the empty
-- term no text yields: documents, summed length) and one per term (documents holding it).
-- BM25's collection statistics are sums of those rows over days, so a query never counts
-- documents. One file per day, sorted by kind, then term (the day's row first, documents
-- last), then doc with each term's statistics row before its postings: a query's filter is
-- one list of terms (its own and ''), and it reads about one row group per term and day.
-- It reads the day's own rows (lake.*): a story revised on a later day keeps its earlier
-- row here, and the search macros leave it out when they join the public views.
WITH sources AS (
    SELECT 'article' AS kind, article_id AS doc_id, wd_terms(concat_ws(' ', title, text)) AS terms
    FROM lake.articles
    WHERE day = $day::DATE
    UNION ALL
    SELECT
        'quote' AS kind,
        q.quote_id AS doc_id,
        wd_terms(concat_ws(' ', q.text, coalesce(e.name, q.speaker))) AS terms
    FROM lake.quotes AS q
    LEFT JOIN lake.entity_aliases AS a ON a.entity_key = q.speaker_entity_key
    LEFT JOIN lake.entities AS e ON e.entity_id = a.entity_id
    WHERE q.day = $day::DATE
),
docs AS MATERIALIZED (
    SELECT
        kind,
        doc_id,
        terms,
        len(terms) AS length,
        row_number() OVER (PARTITION BY kind ORDER BY doc_id) - 1 AS doc
    FROM (SELECT DISTINCT ON (kind, doc_id) * FROM sources)
),
postings AS MATERIALIZED (
    SELECT kind, term, doc, any_value(length) AS length, count(*) AS tf
    FROM (SELECT kind, doc, length, unnest(terms) AS term FROM docs)
    GROUP BY kind, term, doc
)
SELECT kind, NULL::VARCHAR AS term, doc, NULL::BIGINT AS tf, doc_id, length,
       NULL::BIGINT AS documents
FROM docs
UNION ALL
SELECT kind, term, doc, tf, NULL::VARCHAR AS doc_id, length, NULL::BIGINT AS documents
FROM postings
UNION ALL
SELECT kind, '' AS term, NULL::BIGINT AS doc, NULL::BIGINT AS tf,
       NULL::VARCHAR AS doc_id, sum(length)::BIGINT AS length, count(*) AS documents
FROM docs
GROUP BY kind
UNION ALL
SELECT kind, term, NULL::BIGINT AS doc, NULL::BIGINT AS tf, NULL::VARCHAR AS doc_id,
       NULL::BIGINT AS length, count(*) AS documents
FROM postings
GROUP BY kind, term
ORDER BY kind, term NULLS LAST, doc NULLS FIRST
