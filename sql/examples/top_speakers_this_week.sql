-- Who was quoted most this week, and on what?
-- "This week" is the seven days up to the newest day in the archive. For each speaker: quotes,
-- distinct quotes, articles and outlets quoting them, the entities most often named in those
-- articles (what they were talking about) and their longest quote. The newest day is set as a
-- variable first: a filter on a constant day range reads only those seven days' files.
SET VARIABLE wd_today = (SELECT max(day) FROM daily_source_volume);

WITH week AS MATERIALIZED (
    SELECT q.*
    FROM quotes_with_speakers AS q
    WHERE q.day > getvariable('wd_today') - 7 AND q.day <= getvariable('wd_today')
      AND q.speaker IS NOT NULL
),
top AS MATERIALIZED (  -- the ten first, so only their articles are looked into
    SELECT
        speaker,
        count(*) AS quotes,
        count(DISTINCT quote_hash) AS unique_quotes,
        count(DISTINCT article_id) AS articles,
        count(DISTINCT source_id) AS outlets,
        arg_max(quote, length(quote)) AS longest_quote
    FROM week
    GROUP BY speaker
    ORDER BY quotes DESC, unique_quotes DESC, speaker
    LIMIT 10
),
subjects AS (
    SELECT w.speaker, ae.entity, count(DISTINCT ae.article_id) AS articles
    FROM (SELECT DISTINCT speaker, article_id, day FROM week SEMI JOIN top USING (speaker)) AS w
    JOIN article_entities AS ae ON ae.article_id = w.article_id AND ae.day = w.day
    WHERE ae.day > getvariable('wd_today') - 7 AND ae.day <= getvariable('wd_today')
      AND ae.entity <> w.speaker AND ae.entity_type IN ('PERSON', 'ORG', 'GPE', 'LOC')
    GROUP BY w.speaker, ae.entity
),
about AS (
    SELECT speaker, list(entity ORDER BY articles DESC, entity)[1:3] AS about
    FROM subjects
    GROUP BY speaker
)
SELECT t.speaker, t.quotes, t.unique_quotes, t.articles, t.outlets, a.about, t.longest_quote
FROM top AS t
LEFT JOIN about AS a USING (speaker)
ORDER BY t.quotes DESC, t.unique_quotes DESC, t.speaker;
