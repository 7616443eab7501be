-- The full-text index of one day ($day): for each article (title and text) and each quote
-- (its words and the speaker's name) one document row (term null, doc_id, length) and one
-- posting per distinct term (term, doc, tf). One file per day, sorted by kind and term so a
-- lookup reads only the row groups of the terms asked for.
WITH sources AS (
    SELECT 'article' AS kind, article_id AS doc_id, wd_terms(concat_ws(' ', title, text)) AS terms
    FROM articles
    WHERE day = $day::DATE
    UNION ALL
    SELECT 'quote' AS kind, quote_id AS doc_id, wd_terms(concat_ws(' ', text, speaker)) AS terms
    FROM quotes
    WHERE day = $day::DATE
),
docs AS (
    SELECT
        kind,
        doc_id,
        terms,
        row_number() OVER (PARTITION BY kind ORDER BY doc_id) - 1 AS doc
    FROM (SELECT DISTINCT ON (kind, doc_id) * FROM sources)
),
postings AS (
    SELECT kind, term, doc, count(*) AS tf
    FROM (SELECT kind, doc, unnest(terms) AS term FROM docs)
    GROUP BY kind, term, doc
)
SELECT kind, NULL::VARCHAR AS term, doc, NULL::BIGINT AS tf, doc_id, len(terms) AS length
FROM docs
UNION ALL
SELECT kind, term, doc, tf, NULL::VARCHAR AS doc_id, NULL::BIGINT AS length
FROM postings
ORDER BY kind, term NULLS FIRST, doc
