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
LEFT JOIN lake.entity_aliases AS a ON a.entity_key = m.entity_key;
