-- Who quoted whom about the World Health Organization, in which outlet?
-- Quotes carried in articles that name the entity, per outlet: how many, from how many
-- articles, and who was quoted most.
WITH params AS (
    SELECT 'World Health Organization' AS entity
),
wanted AS (
    SELECT e.entity_id
    FROM entities AS e, params AS p
    WHERE lower(e.name) = lower(p.entity)
       OR list_contains(list_transform(e.aliases, lambda a: lower(a)), lower(p.entity))
),
naming AS (
    SELECT DISTINCT article_id, day
    FROM article_entities
    WHERE entity_id IN (SELECT entity_id FROM wanted)
)
SELECT
    q.source_id AS outlet,
    count(*) AS quotes,
    count(DISTINCT q.article_id) AS articles,
    mode(q.speaker) FILTER (WHERE q.speaker IS NOT NULL) AS most_quoted
FROM quotes_with_speakers AS q
JOIN naming AS n ON n.article_id = q.article_id AND n.day = q.day
GROUP BY q.source_id
ORDER BY quotes DESC, outlet;
