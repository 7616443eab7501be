-- Who is quoted in the coverage of the cholera outbreak?
-- Articles found by full-text search, then the speakers quoted in them.
WITH params AS (
    SELECT 'cholera' AS topic
),
coverage AS (
    SELECT s.doc_id AS article_id, s.day
    FROM params AS p, search_ranked(p.topic, 'article') AS s
)
SELECT q.speaker, count(*) AS quotes, count(DISTINCT q.article_id) AS articles,
       list(DISTINCT q.source_id ORDER BY q.source_id) AS outlets
FROM quotes_with_speakers AS q
JOIN coverage AS c ON c.article_id = q.article_id AND c.day = q.day
WHERE q.speaker IS NOT NULL AND q.day IN (SELECT DISTINCT day FROM coverage)
GROUP BY q.speaker
ORDER BY quotes DESC, q.speaker;
