-- Articles, words, partial copies and publication-to-ingest lag per source for one day ($day).
-- wire_agency is the agency the source is (its own copy credits itself); agency_copy counts
-- articles a source republished from another agency.
SELECT
    source_id,
    mode(wire_agency) FILTER (WHERE wire_agency IS NOT NULL AND wire_agency = sitename)
        AS wire_agency,
    count(*) AS articles,
    count(*) FILTER (
        WHERE wire_agency IS NOT NULL AND wire_agency IS DISTINCT FROM sitename
    ) AS agency_copy,
    sum(word_count) AS words,
    avg(CASE WHEN is_partial THEN 1.0 ELSE 0.0 END) AS partial_share,
    median(date_diff('second', published_at, extracted_at) / 60.0)::DOUBLE AS median_lag_minutes
FROM articles
WHERE day = $day
GROUP BY source_id
ORDER BY source_id
