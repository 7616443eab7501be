-- What did Amara Oyelaran say about Geneva?
-- Quotes by the speaker whose own words name the entity (any of its names). quotes_naming()
-- reads only the entity's rows of the quote_entities index.
WITH params AS (
    SELECT 'Amara Oyelaran' AS speaker, 'Geneva' AS entity
)
SELECT qe.day, qe.source_id, qe.kind, qe.entity, qe.quote
FROM params AS p, quotes_naming(p.entity) AS qe
WHERE qe.speaker = p.speaker
ORDER BY qe.day, qe.published_at, qe.quote_id;
