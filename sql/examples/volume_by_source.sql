-- How much did each source publish this week, how complete, and how fast did we get it?
SET VARIABLE wd_today = (SELECT max(day) FROM daily_source_volume);

SELECT
    v.source_id,
    any_value(v.wire_agency) AS agency,
    sum(v.articles) AS articles,
    sum(v.agency_copy) AS agency_copy,
    sum(v.words) AS words,
    round(sum(v.partial_share * v.articles) / sum(v.articles), 3) AS partial_share,
    round(median(v.median_lag_minutes), 1) AS median_lag_minutes,
    count(*) AS days
FROM daily_source_volume AS v
WHERE v.day > getvariable('wd_today') - 7
GROUP BY v.source_id
ORDER BY articles DESC, v.source_id;
