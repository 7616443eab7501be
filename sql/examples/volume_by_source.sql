-- How much did each source publish this week, how complete, and how fast did we get it?
WITH params AS (
    SELECT max(day) AS today FROM daily_source_volume
)
SELECT
    v.source_id,
    any_value(v.wire_agency) AS agency,
    sum(v.articles) AS articles,
    sum(v.agency_copy) AS agency_copy,
    sum(v.words) AS words,
    round(sum(v.partial_share * v.articles) / sum(v.articles), 3) AS partial_share,
    round(median(v.median_lag_minutes), 1) AS median_lag_minutes,
    count(*) AS days
FROM daily_source_volume AS v, params AS p
WHERE v.day > p.today - 7
GROUP BY v.source_id
ORDER BY articles DESC, v.source_id;
