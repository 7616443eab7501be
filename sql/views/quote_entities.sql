-- What did X say about Y: each quote with every entity named inside its words.
CREATE OR REPLACE VIEW main.quote_entities AS
SELECT
    q.day,
    q.quote_id,
    any_value(q.speaker) AS speaker,
    any_value(q.speaker_entity_id) AS speaker_entity_id,
    any_value(q.kind) AS kind,
    any_value(q.text) AS quote,
    any_value(a.source_id) AS source_id,
    any_value(a.published_at) AS published_at,
    m.entity_id,
    any_value(coalesce(e.name, m.name)) AS entity,
    any_value(coalesce(e.type, m.type)) AS entity_type,
    count(*) AS mentions
FROM main.quotes AS q
JOIN main.articles AS a ON a.article_id = q.article_id AND a.day = q.day
JOIN main.entity_mentions AS m
    ON m.article_id = q.article_id AND m.day = q.day
    AND m.start_char >= q.start_char AND m.end_char <= q.end_char
LEFT JOIN main.entities AS e ON e.entity_id = m.entity_id
GROUP BY q.day, q.quote_id, m.entity_id;

COMMENT ON VIEW main.quote_entities IS 'What did X say about Y: one row per quote and entity named inside the quote''s words.';
COMMENT ON COLUMN main.quote_entities.day IS 'Partition day of the article.';
COMMENT ON COLUMN main.quote_entities.quote_id IS 'quotes.quote_id.';
COMMENT ON COLUMN main.quote_entities.speaker IS 'Who said it (linked entity name where known), or null.';
COMMENT ON COLUMN main.quote_entities.speaker_entity_id IS 'entities.entity_id of the speaker, if linked.';
COMMENT ON COLUMN main.quote_entities.kind IS 'direct, partial or indirect.';
COMMENT ON COLUMN main.quote_entities.quote IS 'The quote''s words.';
COMMENT ON COLUMN main.quote_entities.source_id IS 'Source that carried it.';
COMMENT ON COLUMN main.quote_entities.published_at IS 'Publication time of the article, UTC.';
COMMENT ON COLUMN main.quote_entities.entity_id IS 'entities.entity_id of the entity named in the quote.';
COMMENT ON COLUMN main.quote_entities.entity IS 'Name of that entity.';
COMMENT ON COLUMN main.quote_entities.entity_type IS 'PERSON, ORG, GPE, LOC or NORP.';
COMMENT ON COLUMN main.quote_entities.mentions IS 'Times the quote names it.';
