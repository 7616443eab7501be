-- Who appears alongside Amara Oyelaran this week?
-- Entities named in the same articles, summed over daily_entity_pairs, with the mean lift
-- (how much more often than chance they share an article).
SET VARIABLE entity = 'Amara Oyelaran';
SET VARIABLE wd_today = (SELECT max(day) FROM daily_entity_pairs);

WITH wanted AS (
    SELECT entity_id FROM entities WHERE name = getvariable('entity')
),
pairs AS (
    SELECT
        CASE WHEN d.entity_a IN (SELECT entity_id FROM wanted) THEN d.name_b ELSE d.name_a END
            AS partner,
        d.articles,
        d.lift
    FROM daily_entity_pairs AS d
    WHERE d.day > getvariable('wd_today') - 7
      AND (d.entity_a IN (SELECT entity_id FROM wanted)
           OR d.entity_b IN (SELECT entity_id FROM wanted))
)
SELECT partner, sum(articles) AS articles, round(avg(lift), 2) AS mean_lift
FROM pairs
GROUP BY partner
ORDER BY articles DESC, mean_lift DESC, partner
LIMIT 10;
