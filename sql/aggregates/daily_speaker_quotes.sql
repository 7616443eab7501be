-- Quotes per speaker for one day ($day); anonymous quotes are left out. Grouped by the
-- speaker's per-article key, not the entity id: the view daily_speaker_quotes maps keys
-- through entity_aliases when read (ids stay current after re-linking), and the lists of
-- distinct quote hashes and articles let it count distinct ones exactly across merged keys.
SELECT
    q.speaker_entity_key,
    any_value(a.entity_id) AS speaker_entity_id,
    any_value(q.speaker) AS speaker,
    count(*) AS quotes,
    count(DISTINCT q.quote_hash) AS unique_quotes,
    count(DISTINCT q.article_id) AS articles,
    list(DISTINCT q.quote_hash ORDER BY q.quote_hash) FILTER (WHERE q.quote_hash IS NOT NULL)
        AS quote_hashes,
    list(DISTINCT q.article_id ORDER BY q.article_id) AS article_ids
FROM lake.quotes AS q
LEFT JOIN lake.entity_aliases AS a ON a.entity_key = q.speaker_entity_key
WHERE q.day = $day AND q.speaker IS NOT NULL
  AND NOT EXISTS (  -- the story's latest version only (see superseded_articles.sql)
      SELECT 1 FROM superseded_articles AS old
      WHERE old.article_id = q.article_id AND old.day = q.day
  )
GROUP BY q.speaker_entity_key, lower(q.speaker)
ORDER BY quotes DESC, speaker
