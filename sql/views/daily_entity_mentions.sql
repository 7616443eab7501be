-- Mentions, articles and sources per entity per day, with entities as linked now. Computed
-- from the daily article_entities index (per article and entity key) with keys mapped through
-- entity_aliases at read time, so re-linking never leaves old days with stale ids, and
-- distinct articles and sources stay exact when linking merges two keys. A filter on day
-- reads only that day's files. Days computed before article_entities existed (not backfilled
-- yet) show their stored rows, with stored ids mapped the same way (an entity id is the key
-- of its canonical name). is_source marks the archive's own agencies and outlets (see
-- entities.is_source): "most covered" lists (trending_entities, the brief) leave them out.
CREATE OR REPLACE VIEW main.daily_entity_mentions AS
WITH resolved AS (
    SELECT
        ae.day,
        coalesce(al.entity_id, ae.entity_key) AS entity_id,
        ae.article_id,
        ae.source_id,
        ae.mentions,
        ae.name,
        ae.type
    FROM lake.article_entities AS ae
    LEFT JOIN lake.entity_aliases AS al ON al.entity_key = ae.entity_key
    WHERE NOT EXISTS (  -- the story's latest version only (see superseded_articles.sql)
        SELECT 1 FROM main.superseded_articles AS old
        WHERE old.article_id = ae.article_id AND old.day = ae.day
    )
)
SELECT
    r.entity_id,
    any_value(coalesce(e.name, r.name)) AS name,
    any_value(coalesce(e.type, r.type)) AS type,
    sum(r.mentions)::BIGINT AS mentions,
    count(DISTINCT r.article_id) AS articles,
    count(DISTINCT r.source_id) AS sources,
    coalesce(any_value(e.is_source), false) AS is_source,
    r.day
FROM resolved AS r
LEFT JOIN lake.entities AS e ON e.entity_id = r.entity_id
GROUP BY r.day, r.entity_id
UNION ALL
SELECT
    coalesce(al.entity_id, d.entity_id) AS entity_id,
    any_value(coalesce(e.name, d.name)) AS name,
    any_value(coalesce(e.type, d.type)) AS type,
    sum(d.mentions)::BIGINT AS mentions,
    sum(d.articles)::BIGINT AS articles,
    max(d.sources) AS sources,
    coalesce(any_value(e.is_source), false) AS is_source,
    d.day
FROM lake.daily_entity_mentions AS d
LEFT JOIN lake.entity_aliases AS al ON al.entity_key = d.entity_id
LEFT JOIN lake.entities AS e ON e.entity_id = coalesce(al.entity_id, d.entity_id)
WHERE d.day NOT IN (SELECT DISTINCT day FROM lake.article_entities)
GROUP BY d.day, coalesce(al.entity_id, d.entity_id);

COMMENT ON VIEW main.daily_entity_mentions IS 'Mentions, articles and sources per entity per day, entities as linked now (from article_entities).';
COMMENT ON COLUMN main.daily_entity_mentions.is_source IS 'One of the archive''s own agencies or outlets (entities.is_source): filter on NOT is_source for coverage rankings, as the brief does.';
