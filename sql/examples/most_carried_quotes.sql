-- Which quotes were carried most widely this week, by whom, and who ran them first?
-- Unique quotes (same words) across every copy of the week, with the first outlet.
SET VARIABLE wd_today = (SELECT max(day) FROM top_quotes);

WITH week AS (
    SELECT *
    FROM top_quotes
    WHERE day > getvariable('wd_today') - 7 AND day <= getvariable('wd_today')
)
SELECT
    quote_hash,
    arg_min(text, day) AS quote,
    mode(speaker) AS speaker,
    sum(copies) AS copies,
    list_distinct(flatten(list(outlet_list ORDER BY day))) AS carried_by,
    arg_min(first_outlet, first_seen_at) AS first_outlet,
    min(first_seen_at) AS first_seen_at
FROM week
GROUP BY quote_hash
ORDER BY len(carried_by) DESC, copies DESC, first_seen_at, quote_hash
LIMIT 10;
