-- Entities named in the same article on one day ($day), scored by PMI.
WITH per_article AS (
    SELECT DISTINCT article_id, entity_id
    FROM entity_mentions
    WHERE day = $day AND type IN ('PERSON', 'ORG', 'GPE', 'LOC')
),
totals AS (SELECT count(DISTINCT article_id) AS n FROM per_article),
singles AS (SELECT entity_id, count(*) AS c FROM per_article GROUP BY entity_id),
pairs AS (
    SELECT a.entity_id AS entity_a, b.entity_id AS entity_b, count(*) AS c
    FROM per_article AS a
    JOIN per_article AS b ON a.article_id = b.article_id AND a.entity_id < b.entity_id
    GROUP BY 1, 2
)
SELECT
    p.entity_a,
    p.entity_b,
    ea.name AS name_a,
    eb.name AS name_b,
    p.c AS articles,
    ln((p.c * t.n)::DOUBLE / (sa.c * sb.c)) AS pmi
FROM pairs AS p
CROSS JOIN totals AS t
JOIN singles AS sa ON sa.entity_id = p.entity_a
JOIN singles AS sb ON sb.entity_id = p.entity_b
LEFT JOIN entities AS ea ON ea.entity_id = p.entity_a
LEFT JOIN entities AS eb ON eb.entity_id = p.entity_b
ORDER BY articles DESC, pmi DESC, entity_a, entity_b
