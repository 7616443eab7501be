-- Quotes per speaker per day, with speakers resolved to entities as linked now: the stored
-- rows are per speaker key (sql/aggregates/daily_speaker_quotes.sql) and are mapped through
-- entity_aliases here, so re-linking never leaves old days with stale ids or split speakers.
CREATE OR REPLACE VIEW main.daily_speaker_quotes AS
WITH resolved AS (
    SELECT
        d.day,
        coalesce(a.entity_id, CASE WHEN d.speaker_entity_key IS NULL THEN d.speaker_entity_id END)
            AS speaker_entity_id,
        coalesce(e.name, d.speaker) AS speaker,
        d.quotes,
        d.unique_quotes,
        d.articles,
        d.quote_hashes,
        d.article_ids
    FROM lake.daily_speaker_quotes AS d
    LEFT JOIN lake.entity_aliases AS a ON a.entity_key = d.speaker_entity_key
    LEFT JOIN lake.entities AS e ON e.entity_id = a.entity_id
)
SELECT
    speaker_entity_id,
    any_value(speaker) AS speaker,
    sum(quotes)::BIGINT AS quotes,
    CASE WHEN count(*) = 1 THEN any_value(unique_quotes)
        WHEN bool_and(quote_hashes IS NOT NULL)
            THEN len(list_distinct(flatten(list(quote_hashes))))
        ELSE sum(unique_quotes) END::BIGINT AS unique_quotes,
    CASE WHEN count(*) = 1 THEN any_value(articles)
        WHEN bool_and(article_ids IS NOT NULL) THEN len(list_distinct(flatten(list(article_ids))))
        ELSE sum(articles) END::BIGINT AS articles,
    day
FROM resolved
GROUP BY day, speaker_entity_id, lower(speaker);

COMMENT ON VIEW main.daily_speaker_quotes IS 'Quotes per speaker per day, speakers as linked now.';
