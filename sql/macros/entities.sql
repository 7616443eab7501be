-- Lookups of one entity that read only that entity's rows. The daily article_entities and
-- quote_entities indexes are sorted by entity key in small row groups; these macros find the
-- entity's keys first (a few rows of entity_aliases), so the scan skips every row group whose
-- key range cannot hold them, instead of grouping the whole archive as the views would.
-- Like the public views they show a story's latest row only: a row replaced by a later
-- version (listed in superseded_articles by the cross-day pass) is left out.
--
--   SELECT * FROM articles_naming('World Health Organization') ORDER BY published_at;
--   SELECT * FROM quotes_naming('Geneva') WHERE speaker = 'Amara Oyelaran';
--   SELECT * FROM quotes_by('Lukas Brandt') ORDER BY published_at DESC;

-- Keys that map to the entity named (by its name or any alias, case-insensitive).
CREATE OR REPLACE MACRO entity_keys(entity_name) AS TABLE
WITH wanted AS (
    SELECT entity_id
    FROM entities
    WHERE lower(name) = lower(entity_name)
       OR list_contains(list_transform(aliases, lambda a: lower(a)), lower(entity_name))
)
SELECT entity_key, entity_id
FROM lake.entity_aliases
WHERE entity_id IN (SELECT entity_id FROM wanted)
UNION
SELECT entity_id AS entity_key, entity_id
FROM wanted;

-- Articles naming the entity: the rows of article_entities for it.
CREATE OR REPLACE MACRO articles_naming(entity_name) AS TABLE
WITH found AS MATERIALIZED (
    SELECT ae.*, k.entity_id
    FROM lake.article_entities AS ae
    JOIN entity_keys(entity_name) AS k ON k.entity_key = ae.entity_key
)
SELECT
    f.day,
    f.article_id,
    any_value(f.source_id) AS source_id,
    any_value(f.published_at) AS published_at,
    any_value(f.title) AS title,
    f.entity_id,
    sum(f.mentions)::BIGINT AS mentions,
    min(f.first_char) AS first_char
FROM found AS f
WHERE NOT EXISTS (  -- the story's latest version only (see superseded_articles.sql)
    SELECT 1 FROM main.superseded_articles AS old
    WHERE old.article_id = f.article_id AND old.day = f.day
)
GROUP BY f.day, f.article_id, f.entity_id;

-- Quotes whose words name the entity, with their speaker: the rows of quote_entities for it.
CREATE OR REPLACE MACRO quotes_naming(entity_name) AS TABLE
WITH found AS MATERIALIZED (
    SELECT qe.*, k.entity_id
    FROM lake.quote_entities AS qe
    JOIN entity_keys(entity_name) AS k ON k.entity_key = qe.entity_key
)
SELECT
    f.day,
    f.quote_id,
    any_value(f.article_id) AS article_id,
    any_value(coalesce(se.name, f.speaker)) AS speaker,
    any_value(sa.entity_id) AS speaker_entity_id,
    any_value(f.kind) AS kind,
    any_value(f.text) AS quote,
    any_value(f.source_id) AS source_id,
    any_value(f.published_at) AS published_at,
    f.entity_id,
    any_value(coalesce(e.name, f.name)) AS entity,
    sum(f.mentions)::BIGINT AS mentions
FROM found AS f
LEFT JOIN lake.entities AS e ON e.entity_id = f.entity_id
LEFT JOIN lake.entity_aliases AS sa ON sa.entity_key = f.speaker_entity_key
LEFT JOIN lake.entities AS se ON se.entity_id = sa.entity_id
WHERE NOT EXISTS (  -- the story's latest version only (see superseded_articles.sql)
    SELECT 1 FROM main.superseded_articles AS old
    WHERE old.article_id = f.article_id AND old.day = f.day
)
GROUP BY f.day, f.quote_id, f.entity_id;

-- Quotes spoken by the entity (under any of its keys): the quotes table is sorted by speaker
-- key in small row groups, so this reads only the speaker's rows, with each quote's outlet,
-- headline and time from its article.
CREATE OR REPLACE MACRO quotes_by(speaker_name) AS TABLE
WITH found AS MATERIALIZED (
    SELECT q.*, k.entity_id AS speaker_entity_id
    FROM lake.quotes AS q
    JOIN entity_keys(speaker_name) AS k ON k.entity_key = q.speaker_entity_key
)
SELECT
    f.day,
    f.quote_id,
    f.article_id,
    coalesce(e.name, f.speaker) AS speaker,
    f.speaker_entity_id,
    f.kind,
    f.text AS quote,
    f.quote_hash,
    a.source_id,
    a.title,
    a.published_at
FROM found AS f
JOIN lake.articles AS a ON a.article_id = f.article_id AND a.day = f.day
LEFT JOIN lake.entities AS e ON e.entity_id = f.speaker_entity_id
WHERE NOT EXISTS (  -- the story's latest version only (see superseded_articles.sql)
    SELECT 1 FROM main.superseded_articles AS old
    WHERE old.article_id = f.article_id AND old.day = f.day
);
