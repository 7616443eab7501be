-- Quotes per speaker for one day ($day); anonymous quotes are left out.
SELECT
    speaker_entity_id,
    any_value(speaker) AS speaker,
    count(*) AS quotes,
    count(DISTINCT quote_hash) AS unique_quotes,
    count(DISTINCT article_id) AS articles
FROM quotes
WHERE day = $day AND speaker IS NOT NULL
GROUP BY speaker_entity_id, lower(speaker)
ORDER BY quotes DESC, speaker
