-- What could not be read this week, per source and kind of failure?
SET VARIABLE wd_today = (SELECT max(day) FROM fetch_log);

SELECT f.source_id, f.stage, f.error_class, count(*) AS failures, min(f.detail) AS example
FROM fetch_log AS f
WHERE f.status = 'error' AND f.day > getvariable('wd_today') - 7
GROUP BY f.source_id, f.stage, f.error_class
ORDER BY f.source_id, failures DESC, f.error_class;
