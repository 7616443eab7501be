-- Entities named together per day, with entities as linked now: the stored ids (linking of
-- the day the pair was computed; an entity id is the key of its canonical name, so it maps
-- through entity_aliases like any key) are mapped to today's ids and names. Pairs that
-- re-linking merged into one add their articles; their lift is the article-weighted mean.
CREATE OR REPLACE VIEW main.daily_entity_pairs AS
WITH resolved AS (
    SELECT
        p.day,
        coalesce(a.entity_id, p.entity_a) AS id_a,
        coalesce(b.entity_id, p.entity_b) AS id_b,
        p.name_a,
        p.name_b,
        p.articles,
        p.lift
    FROM lake.daily_entity_pairs AS p
    LEFT JOIN lake.entity_aliases AS a ON a.entity_key = p.entity_a
    LEFT JOIN lake.entity_aliases AS b ON b.entity_key = p.entity_b
),
ordered AS (
    SELECT
        day,
        least(id_a, id_b) AS entity_a,
        greatest(id_a, id_b) AS entity_b,
        CASE WHEN id_a <= id_b THEN name_a ELSE name_b END AS name_a,
        CASE WHEN id_a <= id_b THEN name_b ELSE name_a END AS name_b,
        articles,
        lift
    FROM resolved
    WHERE id_a <> id_b
),
merged AS (
    SELECT
        day,
        entity_a,
        entity_b,
        any_value(name_a) AS name_a,
        any_value(name_b) AS name_b,
        sum(articles)::BIGINT AS articles,
        sum(lift * articles) / sum(articles) AS lift
    FROM ordered
    GROUP BY day, entity_a, entity_b
)
SELECT
    m.entity_a,
    m.entity_b,
    coalesce(ea.name, m.name_a) AS name_a,
    coalesce(eb.name, m.name_b) AS name_b,
    m.articles,
    ln(m.lift) AS pmi,
    m.lift,
    m.day
FROM merged AS m
LEFT JOIN lake.entities AS ea ON ea.entity_id = m.entity_a
LEFT JOIN lake.entities AS eb ON eb.entity_id = m.entity_b;

COMMENT ON VIEW main.daily_entity_pairs IS 'Entities named together in the same article, per day, entities as linked now.';
