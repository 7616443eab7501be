-- Mentions with their archive-wide entity id (entity_aliases maps per-article keys).
CREATE OR REPLACE VIEW main.entity_mentions AS
SELECT
    m.article_id,
    coalesce(a.entity_id, m.entity_key) AS entity_id,
    m.text,
    m.type,
    m.name,
    m.roles,
    m.start_char,
    m.end_char,
    m.day
FROM lake.entity_mentions AS m
LEFT JOIN lake.entity_aliases AS a ON a.entity_key = m.entity_key
WHERE NOT EXISTS (  -- the story's latest version only (see superseded_articles.sql)
    SELECT 1 FROM main.superseded_articles AS old
    WHERE old.article_id = m.article_id AND old.day = m.day
);

COMMENT ON VIEW main.entity_mentions IS 'Every recognised mention of a person, organisation or place, with its archive-wide entity id.';
COMMENT ON COLUMN main.entity_mentions.entity_id IS 'entities.entity_id (through entity_aliases); the per-article key when not linked yet.';
