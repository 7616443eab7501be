-- The quotes of each article of one day ($day), one row per article that has any: how many,
-- and each quote's speaker (key and name as resolved in the article, in order of the text).
-- Questions that start from a set of articles (search hits, an entity's coverage) read one
-- row per article here instead of every quote of the archive. Speaker keys are mapped
-- through entity_aliases when read, so names follow re-linking.
SELECT
    q.article_id,
    any_value(a.source_id) AS source_id,
    count(*) AS quotes,
    list(q.speaker_entity_key ORDER BY q.start_char, q.quote_id) AS speaker_keys,
    list(q.speaker ORDER BY q.start_char, q.quote_id) AS speakers
FROM lake.quotes AS q
JOIN lake.articles AS a ON a.article_id = q.article_id AND a.day = q.day
WHERE q.day = $day AND a.day = $day
GROUP BY q.article_id
ORDER BY q.article_id
