-- What did Amara Oyelaran say about Geneva?
-- Quotes by the speaker whose own words name the entity (any of its names).
WITH params AS (
    SELECT 'Amara Oyelaran' AS speaker, 'Geneva' AS entity
),
wanted AS (
    SELECT e.entity_id
    FROM entities AS e, params AS p
    WHERE lower(e.name) = lower(p.entity)
       OR list_contains(list_transform(e.aliases, lambda a: lower(a)), lower(p.entity))
)
SELECT qe.day, qe.source_id, qe.kind, qe.entity, qe.quote
FROM quote_entities AS qe, params AS p
WHERE qe.speaker = p.speaker AND qe.entity_id IN (SELECT entity_id FROM wanted)
ORDER BY qe.day, qe.published_at, qe.quote_id;
