-- Quotes with the speaker's archive-wide entity id.
CREATE OR REPLACE VIEW main.quotes AS
SELECT
    q.quote_id,
    q.article_id,
    q.kind,
    q.text,
    coalesce(e.name, q.speaker) AS speaker,
    a.entity_id AS speaker_entity_id,
    q.speaker_mention,
    q.cue,
    q.start_char,
    q.end_char,
    q.paragraph,
    q.confidence,
    q.quote_hash,
    q.day
FROM lake.quotes AS q
LEFT JOIN lake.entity_aliases AS a ON a.entity_key = q.speaker_entity_key
LEFT JOIN lake.entities AS e ON e.entity_id = a.entity_id
WHERE NOT EXISTS (  -- the story's latest version only (see superseded_articles.sql)
    SELECT 1 FROM main.superseded_articles AS old
    WHERE old.article_id = q.article_id AND old.day = q.day
);

COMMENT ON VIEW main.quotes IS 'Every quotation with its speaker, resolved to an archive-wide entity where linked.';
COMMENT ON COLUMN main.quotes.speaker IS 'Speaker name: the linked entity''s name, else the name resolved in the article, else null.';
COMMENT ON COLUMN main.quotes.speaker_entity_id IS 'entities.entity_id of the speaker, if linked.';
