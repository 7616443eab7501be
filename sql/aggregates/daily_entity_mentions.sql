-- Mentions, articles and sources per entity for one day ($day).
SELECT
    m.entity_id,
    any_value(e.name) AS name,
    any_value(coalesce(e.type, m.type)) AS type,
    count(*) AS mentions,
    count(DISTINCT m.article_id) AS articles,
    count(DISTINCT a.source_id) AS sources
FROM entity_mentions AS m
JOIN articles AS a ON a.article_id = m.article_id AND a.day = m.day
LEFT JOIN entities AS e ON e.entity_id = m.entity_id
WHERE m.day = $day AND a.day = $day
GROUP BY m.entity_id
ORDER BY mentions DESC, m.entity_id
