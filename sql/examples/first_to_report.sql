-- Who named the National Bank of Kestrelia first, and who followed?
-- Every article naming the entity, in publication order, with hours after the first.
WITH params AS (
    SELECT 'National Bank of Kestrelia' AS entity
),
wanted AS (
    SELECT e.entity_id
    FROM entities AS e, params AS p
    WHERE lower(e.name) = lower(p.entity)
       OR list_contains(list_transform(e.aliases, lambda a: lower(a)), lower(p.entity))
),
naming AS (
    SELECT article_id, any_value(day) AS day, any_value(source_id) AS source_id,
           any_value(published_at) AS published_at, any_value(title) AS title
    FROM article_entities
    WHERE entity_id IN (SELECT entity_id FROM wanted)
    GROUP BY article_id
)
SELECT
    row_number() OVER (ORDER BY published_at, article_id) AS "order",
    source_id,
    published_at,
    round(date_diff('minute', min(published_at) OVER (), published_at) / 60.0, 1) AS hours_after_first,
    title
FROM naming
ORDER BY "order";
