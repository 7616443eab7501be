-- Full-text search that DuckDB runs with plain SQL, no extension: the pipeline writes a term
-- index per day (search_index, see sql/search/index.sql) with the same wd_terms() used here
-- on the query, and search_scores() scores documents with Okapi BM25 (k1 = 1.2, b = 0.75),
-- with collection statistics (document count, mean length, document frequency) summed over
-- the whole archive from the index's per-day statistics rows, so scores do not depend on the
-- date range asked for. search_ranked() adds document ids; search_top() only to the best.
--
--   SELECT * FROM search_articles('ceasefire monitors') LIMIT 10;
--   SELECT * FROM search_quotes('price corridor', DATE '2026-11-16', DATE '2026-11-20');

-- Light English stemming (Harman's "S" stemmer): plurals only, so names stay intact.
CREATE OR REPLACE MACRO wd_stem(w) AS
    CASE
        WHEN length(w) > 4 AND w LIKE '%ies' AND w NOT LIKE '%eies' AND w NOT LIKE '%aies'
            THEN left(w, length(w) - 3) || 'y'
        WHEN length(w) > 3 AND w LIKE '%es' AND w NOT LIKE '%aes' AND w NOT LIKE '%ees'
            AND w NOT LIKE '%oes'
            THEN left(w, length(w) - 1)
        WHEN length(w) > 3 AND w LIKE '%s' AND w NOT LIKE '%us' AND w NOT LIKE '%ss'
            THEN left(w, length(w) - 1)
        ELSE w
    END;

-- Terms of a text: lower case, accents stripped, split on anything not a letter or digit,
-- one-character tokens and common function words dropped, then stemmed.
CREATE OR REPLACE MACRO wd_terms(t) AS
    list_transform(
        list_filter(
            regexp_split_to_array(lower(strip_accents(coalesce(t, ''))), '[^a-z0-9]+'),
            lambda w: length(w) > 1 AND NOT list_contains(
                ['an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'have',
                 'he', 'her', 'his', 'in', 'is', 'it', 'its', 'of', 'on', 'or', 'she', 'that',
                 'the', 'their', 'they', 'this', 'to', 'was', 'we', 'were', 'will', 'with'],
                w)
        ),
        lambda w: wd_stem(w)
    );

-- Okapi BM25 weight of one term in one document (k1 = 1.2, b = 0.75): tf occurrences in a
-- document of `length` terms, the term in df of n documents whose mean length is given.
CREATE OR REPLACE MACRO wd_bm25(tf, df, n, length, mean_length) AS
    ln(1 + (n - df + 0.5) / (df + 0.5))
    * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / mean_length));

-- Scores of the documents of one kind ('article' or 'quote') matching a query, optionally
-- within days, as (day, doc). One pass over the index reads what BM25 needs: each day's
-- statistics row (term '', summed into the collection's document count and mean length),
-- and for each query term its per-day document frequencies and its postings, which carry
-- their document's length. The filter is one list of terms, which DuckDB checks against the
-- term range of each row group and page; the index file is sorted by term in small pages
-- (see sql/search/index.sql), so the pass decodes about one page per term and day. Pass the
-- query as a constant (a literal or getvariable()), not a column of another table: only then
-- is it pushed into the scan.
CREATE OR REPLACE MACRO search_scores(query, doc_kind, date_from := NULL, date_to := NULL) AS TABLE
WITH wanted AS MATERIALIZED (
    SELECT day, term, doc, tf, length, documents
    FROM lake.search_index
    WHERE kind = doc_kind AND list_contains(list_prepend('', wd_terms(query)), term)
),
collection AS (
    SELECT
        sum(documents) AS n,
        greatest(sum(length) / greatest(sum(documents), 1), 1) AS mean_length
    FROM wanted
    WHERE term = ''
),
frequency AS (
    SELECT term, sum(documents) AS df
    FROM wanted
    WHERE term <> '' AND doc IS NULL
    GROUP BY term
)
SELECT
    p.day,
    p.doc,
    sum(wd_bm25(p.tf, f.df, c.n, p.length, c.mean_length)) AS score,
    count(*) AS matched_terms
FROM wanted AS p
JOIN frequency AS f USING (term)
CROSS JOIN collection AS c
WHERE p.doc IS NOT NULL
  AND p.day >= coalesce(date_from::DATE, DATE '0001-01-01')
  AND p.day <= coalesce(date_to::DATE, DATE '9999-12-31')
GROUP BY p.day, p.doc;

-- Every document of one kind matching a query, optionally within days, with its id and score
-- (unordered: order by score, or use search_top for the best few).
CREATE OR REPLACE MACRO search_ranked(query, doc_kind, date_from := NULL, date_to := NULL) AS TABLE
SELECT d.doc_id, s.day, s.score, s.matched_terms, len(list_distinct(wd_terms(query))) AS query_terms
FROM search_scores(query, doc_kind, date_from := date_from, date_to := date_to) AS s
JOIN search_docs AS d ON d.kind = doc_kind AND d.day = s.day AND d.doc = s.doc;

-- The best `top` documents' (day, doc, score), ties at the cut kept, unordered: scores only,
-- no document ids. wiredesk search looks their ids up with the days as constants, which lets
-- DuckDB open only those days' files (a join does not prune partitions).
CREATE OR REPLACE MACRO search_best(query, doc_kind, top, date_from := NULL, date_to := NULL)
AS TABLE
WITH scored AS MATERIALIZED (
    SELECT * FROM search_scores(query, doc_kind, date_from := date_from, date_to := date_to)
)
SELECT *
FROM scored
WHERE score >= (SELECT min(score) FROM (SELECT score FROM scored ORDER BY score DESC LIMIT top));

-- The best `top` documents (ties at the cut kept), ranked, with their ids: what a result page
-- needs. Only those documents are looked up by id, not every document that matched.
CREATE OR REPLACE MACRO search_top(query, doc_kind, top, date_from := NULL, date_to := NULL)
AS TABLE
WITH best AS MATERIALIZED (
    SELECT * FROM search_best(query, doc_kind, top, date_from := date_from, date_to := date_to)
)
SELECT d.doc_id, s.day, s.score, s.matched_terms, len(list_distinct(wd_terms(query))) AS query_terms
FROM best AS s
JOIN search_docs AS d ON d.kind = doc_kind AND d.day = s.day AND d.doc = s.doc
ORDER BY s.score DESC, d.doc_id;

-- Articles for a query, best first, with what an analyst needs to open them.
CREATE OR REPLACE MACRO search_articles(query, date_from := NULL, date_to := NULL) AS TABLE
SELECT r.score, r.day, a.source_id, a.title, a.published_at, a.url, a.article_id
FROM search_ranked(query, 'article', date_from := date_from, date_to := date_to) AS r
JOIN articles AS a ON a.article_id = r.doc_id AND a.day = r.day
ORDER BY r.score DESC, a.article_id;

-- Quotes for a query (their words and the speaker's name), best first.
CREATE OR REPLACE MACRO search_quotes(query, date_from := NULL, date_to := NULL) AS TABLE
SELECT r.score, r.day, q.speaker, q.quote, q.kind, q.source_id, q.title, q.quote_id
FROM search_ranked(query, 'quote', date_from := date_from, date_to := date_to) AS r
JOIN quotes_with_speakers AS q ON q.quote_id = r.doc_id AND q.day = r.day
ORDER BY r.score DESC, q.quote_id;
