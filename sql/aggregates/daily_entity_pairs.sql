-- Entities named in the same article on one day ($day), scored by PMI and lift.
-- lift = P(a, b) / (P(a) P(b)) over the day's articles that name at least one entity;
-- pmi = ln(lift). Nationalities (NORP) are left out: they pair with everything. A pair needs
-- two articles (minimum support): pairs named once are the long tail of every article's
-- entity list, most of the rows and none of the signal.
WITH per_article AS MATERIALIZED (
    SELECT DISTINCT article_id, entity_id
    FROM entity_mentions
    WHERE day = $day AND type IN ('PERSON', 'ORG', 'GPE', 'LOC') AND entity_id IS NOT NULL
),
totals AS (SELECT count(DISTINCT article_id) AS n FROM per_article),
singles AS (SELECT entity_id, count(*) AS c FROM per_article GROUP BY entity_id),
pairs AS (
    SELECT a.entity_id AS entity_a, b.entity_id AS entity_b, count(*) AS c
    FROM per_article AS a
    JOIN per_article AS b ON a.article_id = b.article_id AND a.entity_id < b.entity_id
    GROUP BY 1, 2
    HAVING count(*) >= 2
)
SELECT
    p.entity_a,
    p.entity_b,
    ea.name AS name_a,
    eb.name AS name_b,
    p.c AS articles,
    ln((p.c * t.n)::DOUBLE / (sa.c * sb.c)) AS pmi,
    (p.c * t.n)::DOUBLE / (sa.c * sb.c) AS lift
FROM pairs AS p
CROSS JOIN totals AS t
JOIN singles AS sa ON sa.entity_id = p.entity_a
JOIN singles AS sb ON sb.entity_id = p.entity_b
LEFT JOIN entities AS ea ON ea.entity_id = p.entity_a
LEFT JOIN entities AS eb ON eb.entity_id = p.entity_b
ORDER BY entity_a, entity_b
