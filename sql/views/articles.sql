-- Articles as analysts see them: the latest version of each story only (rows replaced by a
-- revision on a later day are listed in superseded_articles), and one cluster id per
-- article. articles.cluster_id is assigned per day and goes stale when days are ingested
-- out of order; the syndication table, clustered over all days at once, wins when it
-- holds the article.
CREATE OR REPLACE VIEW main.articles AS
SELECT a.* REPLACE (coalesce(s.cluster_id, a.cluster_id) AS cluster_id)
FROM lake.articles AS a
LEFT JOIN lake.syndication AS s ON s.article_id = a.article_id AND s.member_day = a.day
WHERE NOT EXISTS (
    SELECT 1 FROM main.superseded_articles AS old
    WHERE old.article_id = a.article_id AND old.day = a.day
);

COMMENT ON VIEW main.articles IS 'One row per story (its latest version, across days) with text and reconciled metadata.';
COMMENT ON COLUMN main.articles.cluster_id IS 'Near-duplicate cluster (article_id of the earliest copy), from syndication when the article is in it.';
