-- What did Lukas Brandt say about the price of gas?
-- Full-text search over quotes (BM25, see search_quotes) restricted to one speaker.
SET VARIABLE speaker = 'Lukas Brandt';
SET VARIABLE topic = 'price of gas';

SELECT s.day, s.source_id, round(s.score, 2) AS score, s.quote, s.title
FROM search_quotes(getvariable('topic')) AS s
WHERE s.speaker = getvariable('speaker')
ORDER BY s.score DESC, s.day
LIMIT 10;
