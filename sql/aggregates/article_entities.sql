-- Which articles of one day ($day) name which entities, one row per article and entity key.
-- Keyed by the mention's entity_key (the per-article key, stable across cross-day linking),
-- not by entities.entity_id: the public view article_entities maps keys through
-- entity_aliases when it is read, so a re-link never leaves these rows stale. Sorted by key
-- and written in small row groups, so "articles naming X" reads a few row groups per day.
-- It reads the day's own rows (lake.*); lookups leave out rows a later revision replaced.
SELECT
    m.entity_key,
    m.article_id,
    any_value(a.source_id) AS source_id,
    any_value(a.published_at) AS published_at,
    any_value(a.title) AS title,
    mode(m.type) AS type,
    mode(m.name) AS name,
    count(*) AS mentions,
    min(m.start_char) AS first_char
FROM lake.entity_mentions AS m
JOIN lake.articles AS a ON a.article_id = m.article_id AND a.day = m.day
WHERE m.day = $day AND a.day = $day AND m.entity_key IS NOT NULL
GROUP BY m.entity_key, m.article_id
ORDER BY m.entity_key, published_at, m.article_id
