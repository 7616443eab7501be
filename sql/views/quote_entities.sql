-- What did X say about Y: each quote with every entity named inside its words.
-- Read from the daily quote_entities index (one row per quote and entity key), with entity
-- and speaker keys mapped through entity_aliases here, at read time: ids stay current after
-- re-linking. For one entity, quotes_naming() (sql/macros/entities.sql) reads only its rows.
CREATE OR REPLACE VIEW main.quote_entities AS
SELECT
    qe.day,
    qe.quote_id,
    any_value(coalesce(se.name, qe.speaker)) AS speaker,
    any_value(sa.entity_id) AS speaker_entity_id,
    any_value(qe.kind) AS kind,
    any_value(qe.text) AS quote,
    any_value(qe.source_id) AS source_id,
    any_value(qe.published_at) AS published_at,
    coalesce(al.entity_id, qe.entity_key) AS entity_id,
    any_value(coalesce(e.name, qe.name)) AS entity,
    any_value(coalesce(e.type, qe.type)) AS entity_type,
    sum(qe.mentions)::BIGINT AS mentions
FROM lake.quote_entities AS qe
LEFT JOIN lake.entity_aliases AS al ON al.entity_key = qe.entity_key
LEFT JOIN lake.entities AS e ON e.entity_id = coalesce(al.entity_id, qe.entity_key)
LEFT JOIN lake.entity_aliases AS sa ON sa.entity_key = qe.speaker_entity_key
LEFT JOIN lake.entities AS se ON se.entity_id = sa.entity_id
WHERE NOT EXISTS (  -- the story's latest version only (see superseded_articles.sql)
    SELECT 1 FROM main.superseded_articles AS old
    WHERE old.article_id = qe.article_id AND old.day = qe.day
)
GROUP BY qe.day, qe.quote_id, coalesce(al.entity_id, qe.entity_key);

COMMENT ON VIEW main.quote_entities IS 'What did X say about Y: one row per quote and entity named inside the quote''s words.';
COMMENT ON COLUMN main.quote_entities.day IS 'Partition day of the article.';
COMMENT ON COLUMN main.quote_entities.quote_id IS 'quotes.quote_id.';
COMMENT ON COLUMN main.quote_entities.speaker IS 'Who said it (linked entity name where known), or null.';
COMMENT ON COLUMN main.quote_entities.speaker_entity_id IS 'entities.entity_id of the speaker, if linked.';
COMMENT ON COLUMN main.quote_entities.kind IS 'direct, partial or indirect.';
COMMENT ON COLUMN main.quote_entities.quote IS 'The quote''s words.';
COMMENT ON COLUMN main.quote_entities.source_id IS 'Source that carried it.';
COMMENT ON COLUMN main.quote_entities.published_at IS 'Publication time of the article, UTC.';
COMMENT ON COLUMN main.quote_entities.entity_id IS 'entities.entity_id of the entity named in the quote (current linking).';
COMMENT ON COLUMN main.quote_entities.entity IS 'Name of that entity.';
COMMENT ON COLUMN main.quote_entities.entity_type IS 'PERSON, ORG, GPE, LOC or NORP.';
COMMENT ON COLUMN main.quote_entities.mentions IS 'Times the quote names it.';
