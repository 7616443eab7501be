-- The common question: who said what, where and when.
CREATE OR REPLACE VIEW main.quotes_with_speakers AS
SELECT
    q.day,
    q.speaker,
    q.speaker_mention,
    q.kind,
    q.text AS quote,
    ar.title,
    ar.source_id,
    ar.published_at,
    ar.url,
    q.quote_id,
    q.article_id,
    q.speaker_entity_id
FROM main.quotes AS q
JOIN main.articles AS ar USING (article_id);
