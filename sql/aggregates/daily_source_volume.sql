-- Articles and words per source for one day ($day).
SELECT
    source_id,
    any_value(wire_agency) FILTER (WHERE wire_agency IS NOT NULL) AS wire_agency,
    count(*) AS articles,
    sum(word_count) AS words,
    avg(CASE WHEN is_partial THEN 1.0 ELSE 0.0 END) AS partial_share,
    median(date_diff('minute', published_at, extracted_at))::DOUBLE AS median_lag_minutes
FROM articles
WHERE day = $day
GROUP BY source_id
ORDER BY source_id
