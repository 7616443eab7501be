-- Which articles name which entities: the join behind co-occurrence and "coverage of X".
-- Read from the daily article_entities index (one row per article and entity key), with keys
-- mapped through entity_aliases here, at read time: ids stay current after re-linking. For
-- one entity, articles_naming() (sql/macros/entities.sql) reads only that entity's rows.
CREATE OR REPLACE VIEW main.article_entities AS
SELECT
    ae.day,
    ae.article_id,
    any_value(ae.source_id) AS source_id,
    any_value(ae.published_at) AS published_at,
    any_value(ae.title) AS title,
    coalesce(al.entity_id, ae.entity_key) AS entity_id,
    any_value(coalesce(e.name, ae.name)) AS entity,
    any_value(coalesce(e.type, ae.type)) AS entity_type,
    sum(ae.mentions)::BIGINT AS mentions,
    min(ae.first_char) AS first_char
FROM lake.article_entities AS ae
LEFT JOIN lake.entity_aliases AS al ON al.entity_key = ae.entity_key
LEFT JOIN lake.entities AS e ON e.entity_id = coalesce(al.entity_id, ae.entity_key)
WHERE NOT EXISTS (  -- the story's latest version only (see superseded_articles.sql)
    SELECT 1 FROM main.superseded_articles AS old
    WHERE old.article_id = ae.article_id AND old.day = ae.day
)
GROUP BY ae.day, ae.article_id, coalesce(al.entity_id, ae.entity_key);

COMMENT ON VIEW main.article_entities IS 'One row per article and entity it names, with the article''s outlet, time and headline.';
COMMENT ON COLUMN main.article_entities.day IS 'Partition day of the article.';
COMMENT ON COLUMN main.article_entities.article_id IS 'articles.article_id.';
COMMENT ON COLUMN main.article_entities.source_id IS 'Source of the article.';
COMMENT ON COLUMN main.article_entities.published_at IS 'Publication time, UTC.';
COMMENT ON COLUMN main.article_entities.title IS 'Headline.';
COMMENT ON COLUMN main.article_entities.entity_id IS 'entities.entity_id (current linking); the per-article key when not linked yet.';
COMMENT ON COLUMN main.article_entities.entity IS 'Entity name.';
COMMENT ON COLUMN main.article_entities.entity_type IS 'PERSON, ORG, GPE, LOC or NORP.';
COMMENT ON COLUMN main.article_entities.mentions IS 'Mentions of the entity in the article.';
COMMENT ON COLUMN main.article_entities.first_char IS 'Offset of the first mention (small = named early, in the lede).';
