-- What did Lukas Brandt say about the price of gas?
-- The speaker's quotes (quotes_by() reads only their rows of the quotes table) ranked by BM25
-- against the topic, the speaker's own quotes being the collection: which of the things
-- they said are most about it. No pass over every quote of the archive is needed.
SET VARIABLE speaker = 'Lukas Brandt';
SET VARIABLE topic = 'price of gas';

WITH said AS MATERIALIZED (
    SELECT *, wd_terms(quote) AS terms FROM quotes_by(getvariable('speaker'))
),
collection AS (
    SELECT count(*) AS n, greatest(avg(len(terms)), 1) AS mean_length FROM said
),
postings AS (
    SELECT quote_id, day, any_value(len(terms)) AS length, term, count(*) AS tf
    FROM (SELECT quote_id, day, terms, unnest(terms) AS term FROM said)
    WHERE list_contains(wd_terms(getvariable('topic')), term)
    GROUP BY quote_id, day, term
),
frequency AS (
    SELECT term, count(*) AS df FROM postings GROUP BY term
),
scored AS (
    SELECT p.quote_id, p.day, sum(wd_bm25(p.tf, f.df, c.n, p.length, c.mean_length)) AS score
    FROM postings AS p
    JOIN frequency AS f USING (term)
    CROSS JOIN collection AS c
    GROUP BY p.quote_id, p.day
)
SELECT s.day, s.source_id, round(x.score, 2) AS score, s.quote, s.title
FROM scored AS x
JOIN said AS s USING (quote_id, day)
ORDER BY x.score DESC, s.day, s.quote_id
LIMIT 10;
