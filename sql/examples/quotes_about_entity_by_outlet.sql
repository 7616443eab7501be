-- Who quoted whom about the World Health Organization, in which outlet?
-- Quotes carried in articles that name the entity, per outlet: how many, from how many
-- articles, and who was quoted most. articles_naming() reads only the entity's rows of the
-- article_entities index; article_quotes then gives each of those articles' quote speakers.
SET VARIABLE entity = 'World Health Organization';

WITH naming AS (
    SELECT DISTINCT n.article_id, n.day
    FROM articles_naming(getvariable('entity')) AS n
),
said AS (
    SELECT aq.source_id, aq.article_id,
           unnest(aq.speaker_keys) AS speaker_key, unnest(aq.speakers) AS speaker
    FROM article_quotes AS aq
    JOIN naming AS n ON n.article_id = aq.article_id AND n.day = aq.day
)
SELECT
    s.source_id AS outlet,
    count(*) AS quotes,
    count(DISTINCT s.article_id) AS articles,
    mode(coalesce(e.name, s.speaker)) FILTER (WHERE coalesce(e.name, s.speaker) IS NOT NULL)
        AS most_quoted
FROM said AS s
LEFT JOIN entity_aliases AS a ON a.entity_key = s.speaker_key
LEFT JOIN entities AS e ON e.entity_id = a.entity_id
GROUP BY s.source_id
ORDER BY quotes DESC, outlet;
