-- Which outlets republish agency copy fastest?
-- For every syndicated copy that is not the first of its cluster: who ran it, whose copy it
-- was (the first copy's source) and how many minutes later.
SELECT
    c.source_id AS outlet,
    c.first_source_id AS agency,
    count(*) AS copies,
    round(median(c.delay_minutes), 1) AS median_delay_minutes,
    round(min(c.delay_minutes), 1) AS fastest_minutes
FROM article_copies AS c
WHERE NOT c.is_first AND c.source_id <> c.first_source_id
GROUP BY c.source_id, c.first_source_id
ORDER BY median_delay_minutes, outlet;
