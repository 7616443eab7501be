-- Syndicated copies: every article of a near-duplicate cluster, with its delay after the
-- cluster's first copy. A cluster is the earliest copy's article_id (articles.cluster_id).
-- Clusters of one article (most of an archive) are dropped by a cheap count before the
-- window functions, which then sort only the copies.
CREATE OR REPLACE VIEW main.article_copies AS
WITH shared AS (
    SELECT cluster_id
    FROM main.articles
    WHERE cluster_id IS NOT NULL
    GROUP BY cluster_id
    HAVING count(*) > 1
),
clustered AS (
    SELECT
        cluster_id,
        article_id,
        source_id,
        wire_agency,
        sitename,
        published_at,
        day,
        title,
        count(*) OVER (PARTITION BY cluster_id) AS copies,
        first_value(article_id) OVER w AS first_article_id,
        first_value(source_id) OVER w AS first_source_id,
        first_value(published_at) OVER w AS first_published_at
    FROM main.articles
    WHERE cluster_id IN (SELECT cluster_id FROM shared)
    WINDOW w AS (PARTITION BY cluster_id ORDER BY published_at, article_id
                 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
)
SELECT
    cluster_id,
    article_id,
    source_id,
    wire_agency,
    title,
    published_at,
    day,
    copies,
    first_article_id,
    first_source_id,
    article_id = first_article_id AS is_first,
    date_diff('second', first_published_at, published_at) / 60.0 AS delay_minutes
FROM clustered
WHERE copies > 1;

COMMENT ON VIEW main.article_copies IS 'Syndicated copies: each article of a cluster of near-duplicates with its delay after the first copy.';
COMMENT ON COLUMN main.article_copies.cluster_id IS 'Near-duplicate cluster (article_id of its earliest copy).';
COMMENT ON COLUMN main.article_copies.article_id IS 'articles.article_id of this copy.';
COMMENT ON COLUMN main.article_copies.source_id IS 'Source that ran this copy.';
COMMENT ON COLUMN main.article_copies.wire_agency IS 'Agency the copy credits, if any.';
COMMENT ON COLUMN main.article_copies.title IS 'Headline of this copy.';
COMMENT ON COLUMN main.article_copies.published_at IS 'Publication time of this copy, UTC.';
COMMENT ON COLUMN main.article_copies.day IS 'Partition day of this copy.';
COMMENT ON COLUMN main.article_copies.copies IS 'Copies in the cluster.';
COMMENT ON COLUMN main.article_copies.first_article_id IS 'The cluster''s earliest copy.';
COMMENT ON COLUMN main.article_copies.first_source_id IS 'Source that ran the earliest copy.';
COMMENT ON COLUMN main.article_copies.is_first IS 'True for the earliest copy.';
COMMENT ON COLUMN main.article_copies.delay_minutes IS 'Minutes after the earliest copy.';
