-- What could not be read this week, per source and kind of failure?
WITH params AS (
    SELECT max(day) AS today FROM fetch_log
)
SELECT f.source_id, f.stage, f.error_class, count(*) AS failures, min(f.detail) AS example
FROM fetch_log AS f, params AS p
WHERE f.status = 'error' AND f.day > p.today - 7
GROUP BY f.source_id, f.stage, f.error_class
ORDER BY f.source_id, failures DESC, f.error_class;
