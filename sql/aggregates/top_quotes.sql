-- Unique quotes carried on one day ($day), most carried first.
-- A quote is its quote_hash (same normalised words); copies are the day's articles carrying
-- it, so a syndicated story counts once per outlet that ran it. Reported speech (kind
-- 'indirect') is left out: it is paraphrase, not words carried verbatim. first_* look at
-- every day up to $day, so a quote republished today keeps the outlet that ran it first.
WITH carried AS (
    SELECT
        q.quote_hash, q.text, q.kind, q.speaker, q.speaker_entity_id, q.article_id,
        a.source_id, a.cluster_id, a.published_at
    FROM quotes AS q
    JOIN articles AS a ON a.article_id = q.article_id AND a.day = q.day
    WHERE q.day = $day::DATE AND a.day = $day::DATE
      AND q.kind <> 'indirect' AND q.quote_hash IS NOT NULL
),
earlier AS (
    SELECT q.quote_hash, a.source_id, a.article_id, a.published_at
    FROM quotes AS q
    JOIN articles AS a ON a.article_id = q.article_id AND a.day = q.day
    WHERE q.day < $day::DATE AND a.day < $day::DATE
      AND q.quote_hash IN (SELECT quote_hash FROM carried)
),
every_copy AS (
    SELECT quote_hash, source_id, article_id, published_at FROM carried
    UNION ALL
    SELECT quote_hash, source_id, article_id, published_at FROM earlier
),
firsts AS (
    SELECT
        quote_hash,
        count(DISTINCT article_id) AS copies_to_date,
        min(published_at) AS first_seen_at,
        arg_min(source_id, (published_at, article_id)) AS first_outlet,
        arg_min(article_id, (published_at, article_id)) AS first_article_id
    FROM every_copy
    GROUP BY quote_hash
),
outlet_order AS (
    SELECT quote_hash, list(source_id ORDER BY first_at, source_id) AS outlet_list
    FROM (
        SELECT quote_hash, source_id, min(published_at) AS first_at
        FROM carried
        GROUP BY quote_hash, source_id
    )
    GROUP BY quote_hash
),
per_quote AS (
    SELECT
        quote_hash,
        arg_min(text, (published_at, article_id)) AS text,
        CASE WHEN bool_or(kind = 'direct') THEN 'direct' ELSE any_value(kind) END AS kind,
        mode(speaker) AS speaker,
        mode(speaker_entity_id) AS speaker_entity_id,
        count(DISTINCT article_id) AS copies,
        count(DISTINCT source_id) AS outlets,
        count(DISTINCT cluster_id) AS clusters
    FROM carried
    GROUP BY quote_hash
)
SELECT
    p.quote_hash,
    p.text,
    p.kind,
    p.speaker,
    p.speaker_entity_id,
    p.copies,
    p.outlets,
    p.clusters,
    f.copies_to_date,
    f.first_seen_at,
    f.first_outlet,
    f.first_article_id,
    o.outlet_list,
    row_number() OVER (
        ORDER BY p.outlets DESC, p.copies DESC, f.copies_to_date DESC, p.kind = 'direct' DESC,
            p.speaker IS NOT NULL DESC, length(p.text) DESC, p.quote_hash
    ) AS rank
FROM per_quote AS p
JOIN firsts AS f USING (quote_hash)
JOIN outlet_order AS o USING (quote_hash)
ORDER BY rank
