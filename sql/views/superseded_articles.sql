-- Article rows replaced by a later version of the same story. A revision that arrives on a
-- later day becomes a new articles row on that day (linked to the earlier one in
-- article_versions) while the earlier day's row stays in the lake; the public views show
-- only the latest row of each story, and this view lists the rows they leave out. Latest
-- means the highest version number, then the later day (as the syndication table decides).
-- The list is computed with the cross-day syndication pass (wiredesk.revisions) and stored,
-- so no query sorts the whole archive to find it.
CREATE OR REPLACE VIEW main.superseded_articles AS
SELECT article_id, article_day AS day, version_id, version, latest_version_id, latest_day
FROM lake.superseded_articles;

COMMENT ON VIEW main.superseded_articles IS 'Article rows replaced by a later version of the same story (on a later day); left out of articles, quotes and entity_mentions.';
COMMENT ON COLUMN main.superseded_articles.article_id IS 'articles.article_id of the story.';
COMMENT ON COLUMN main.superseded_articles.day IS 'Partition day of the replaced row.';
COMMENT ON COLUMN main.superseded_articles.version_id IS 'article_versions.version_id of the replaced text.';
COMMENT ON COLUMN main.superseded_articles.version IS 'Version number of the replaced text.';
COMMENT ON COLUMN main.superseded_articles.latest_version_id IS 'article_versions.version_id of the story''s latest text (the row articles shows).';
COMMENT ON COLUMN main.superseded_articles.latest_day IS 'Partition day of the latest row.';
