-- Who is quoted in the coverage of the cholera outbreak?
-- Articles found by full-text search, then the speakers quoted in them: article_quotes holds
-- each article's quote speakers, so the hits need one row each, not a pass over every quote.
SET VARIABLE topic = 'cholera';

WITH coverage AS (
    SELECT s.doc_id AS article_id, s.day
    FROM search_ranked(getvariable('topic'), 'article') AS s
    WHERE NOT EXISTS (  -- the story's latest version only (see superseded_articles.sql)
        SELECT 1 FROM superseded_articles AS old
        WHERE old.article_id = s.doc_id AND old.day = s.day
    )
),
said AS (
    SELECT aq.article_id, aq.source_id,
           unnest(aq.speaker_keys) AS speaker_key, unnest(aq.speakers) AS speaker
    FROM article_quotes AS aq
    JOIN coverage AS c ON c.article_id = aq.article_id AND c.day = aq.day
),
named AS (
    SELECT coalesce(e.name, s.speaker) AS speaker, s.article_id, s.source_id
    FROM said AS s
    LEFT JOIN entity_aliases AS a ON a.entity_key = s.speaker_key
    LEFT JOIN entities AS e ON e.entity_id = a.entity_id
)
SELECT speaker, count(*) AS quotes, count(DISTINCT article_id) AS articles,
       list(DISTINCT source_id ORDER BY source_id) AS outlets
FROM named
WHERE speaker IS NOT NULL
GROUP BY speaker
ORDER BY quotes DESC, speaker;
