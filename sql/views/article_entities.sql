-- Which articles name which entities: the join behind co-occurrence and "coverage of X".
CREATE OR REPLACE VIEW main.article_entities AS
SELECT
    m.day,
    m.article_id,
    any_value(a.source_id) AS source_id,
    any_value(a.published_at) AS published_at,
    any_value(a.title) AS title,
    m.entity_id,
    any_value(coalesce(e.name, m.name)) AS entity,
    any_value(coalesce(e.type, m.type)) AS entity_type,
    count(*) AS mentions,
    min(m.start_char) AS first_char
FROM main.entity_mentions AS m
JOIN main.articles AS a ON a.article_id = m.article_id AND a.day = m.day
LEFT JOIN main.entities AS e ON e.entity_id = m.entity_id
GROUP BY m.day, m.article_id, m.entity_id;

COMMENT ON VIEW main.article_entities IS 'One row per article and entity it names, with the article''s outlet, time and headline.';
COMMENT ON COLUMN main.article_entities.day IS 'Partition day of the article.';
COMMENT ON COLUMN main.article_entities.article_id IS 'articles.article_id.';
COMMENT ON COLUMN main.article_entities.source_id IS 'Source of the article.';
COMMENT ON COLUMN main.article_entities.published_at IS 'Publication time, UTC.';
COMMENT ON COLUMN main.article_entities.title IS 'Headline.';
COMMENT ON COLUMN main.article_entities.entity_id IS 'entities.entity_id.';
COMMENT ON COLUMN main.article_entities.entity IS 'Entity name.';
COMMENT ON COLUMN main.article_entities.entity_type IS 'PERSON, ORG, GPE, LOC or NORP.';
COMMENT ON COLUMN main.article_entities.mentions IS 'Mentions of the entity in the article.';
COMMENT ON COLUMN main.article_entities.first_char IS 'Offset of the first mention (small = named early, in the lede).';
