-- What did Lukas Brandt say about the price of gas?
-- Full-text search over quotes (BM25, see search_quotes) restricted to one speaker.
WITH params AS (
    SELECT 'Lukas Brandt' AS speaker, 'price of gas' AS topic
)
SELECT s.day, s.source_id, round(s.score, 2) AS score, s.quote, s.title
FROM params AS p, search_quotes(p.topic) AS s
WHERE s.speaker = p.speaker
ORDER BY s.score DESC, s.day
LIMIT 10;
