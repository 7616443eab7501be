-- Which quotes were carried most widely this week, by whom, and who ran them first?
-- Unique quotes (same words) across every copy of the week, with the first outlet.
WITH params AS (
    SELECT max(day) AS today FROM top_quotes
),
week AS (
    SELECT t.*
    FROM top_quotes AS t, params AS p
    WHERE t.day > p.today - 7 AND t.day <= p.today
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
