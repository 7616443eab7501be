-- Entities named inside the words of each quote of one day ($day): one row per quote and
-- entity key, with what "what did X say about Y" shows (speaker, words, outlet, time), so
-- that question reads a few row groups instead of joining every quote to every mention.
-- Keys, not entity ids, as in article_entities: the view resolves them when read.
SELECT
    m.entity_key,
    q.quote_id,
    any_value(q.article_id) AS article_id,
    any_value(q.speaker_entity_key) AS speaker_entity_key,
    any_value(q.speaker) AS speaker,
    any_value(q.kind) AS kind,
    any_value(q.text) AS text,
    any_value(a.source_id) AS source_id,
    any_value(a.published_at) AS published_at,
    mode(m.type) AS type,
    mode(m.name) AS name,
    count(*) AS mentions
FROM lake.quotes AS q
JOIN lake.articles AS a ON a.article_id = q.article_id AND a.day = q.day
JOIN lake.entity_mentions AS m
    ON m.article_id = q.article_id AND m.day = q.day
    AND m.start_char >= q.start_char AND m.end_char <= q.end_char
WHERE q.day = $day AND a.day = $day AND m.day = $day AND m.entity_key IS NOT NULL
GROUP BY m.entity_key, q.quote_id
ORDER BY m.entity_key, published_at, q.quote_id
