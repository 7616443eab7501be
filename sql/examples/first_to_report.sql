-- Who named the National Bank of Kestrelia first, and who followed?
-- Every article naming the entity, in publication order, with hours after the first.
-- articles_naming() reads only the entity's rows of the article_entities index.
SET VARIABLE entity = 'National Bank of Kestrelia';

WITH naming AS (
    SELECT n.article_id, any_value(n.day) AS day, any_value(n.source_id) AS source_id,
           any_value(n.published_at) AS published_at, any_value(n.title) AS title
    FROM articles_naming(getvariable('entity')) AS n
    GROUP BY n.article_id
)
SELECT
    row_number() OVER (ORDER BY published_at, article_id) AS "order",
    source_id,
    published_at,
    round(date_diff('minute', min(published_at) OVER (), published_at) / 60.0, 1) AS hours_after_first,
    title
FROM naming
ORDER BY "order";
