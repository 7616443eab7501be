-- Entities that stand out on one day ($day) against the trailing 7 and 28 days.
-- The signal is articles per day (not mentions: one long article must not make a trend).
-- Days of the window with no article about the entity count as zero; the window covers only
-- archive days (days with articles), so a young archive has a shorter window. The score is
-- z = (x - mean) / sqrt(variance + 1): the +1 is a floor on the spread so a newcomer gets a
-- finite score that grows with its coverage. An entity is "supported" with at least
-- $min_articles articles from $min_sources sources on the day; only those are ranked, and
-- never the archive's own agencies and outlets (is_source: they name who filed, not news).
WITH archive_days AS (
    SELECT DISTINCT day
    FROM daily_source_volume
    WHERE day >= $day::DATE - 28 AND day < $day::DATE
),
windows AS (
    SELECT
        count(*) FILTER (WHERE day >= $day::DATE - 7) AS n7,
        count(*) AS n28
    FROM archive_days
),
today AS (
    SELECT entity_id, name, type, articles, sources, mentions, is_source
    FROM daily_entity_mentions
    WHERE day = $day::DATE AND entity_id IS NOT NULL
),
history AS (
    SELECT entity_id, day, articles
    FROM daily_entity_mentions
    WHERE day >= $day::DATE - 28 AND day < $day::DATE
      AND entity_id IN (SELECT entity_id FROM today)
),
sums AS (
    SELECT
        t.entity_id,
        coalesce(sum(h.articles) FILTER (WHERE h.day >= $day::DATE - 7), 0) AS s7,
        coalesce(sum(h.articles * h.articles) FILTER (WHERE h.day >= $day::DATE - 7), 0) AS q7,
        coalesce(sum(h.articles), 0) AS s28,
        coalesce(sum(h.articles * h.articles), 0) AS q28
    FROM today AS t
    LEFT JOIN history AS h USING (entity_id)
    GROUP BY t.entity_id
),
scored AS (
    SELECT
        t.*,
        w.n7 AS history_days_7,
        CASE WHEN w.n7 > 0 THEN s.s7 / w.n7 ELSE 0 END AS mean_7,
        CASE WHEN w.n7 > 0 THEN greatest(s.q7 / w.n7 - (s.s7 / w.n7) ^ 2, 0) ELSE 0 END AS var_7,
        w.n28 AS history_days_28,
        CASE WHEN w.n28 > 0 THEN s.s28 / w.n28 ELSE 0 END AS mean_28,
        CASE WHEN w.n28 > 0 THEN greatest(s.q28 / w.n28 - (s.s28 / w.n28) ^ 2, 0) ELSE 0 END
            AS var_28,
        t.articles >= $min_articles AND t.sources >= $min_sources AS supported,
        t.articles >= $min_articles AND t.sources >= $min_sources AND NOT t.is_source AS ranked
    FROM today AS t
    JOIN sums AS s USING (entity_id)
    CROSS JOIN windows AS w
)
SELECT
    entity_id,
    name,
    type,
    articles,
    sources,
    mentions,
    history_days_7,
    mean_7,
    (articles - mean_7) / sqrt(var_7 + 1) AS z_7,
    history_days_28,
    mean_28,
    (articles - mean_28) / sqrt(var_28 + 1) AS z_28,
    supported,
    is_source,
    CASE WHEN ranked THEN
        row_number() OVER (
            PARTITION BY ranked
            ORDER BY (articles - mean_7) / sqrt(var_7 + 1) DESC, articles DESC, entity_id
        )
    END AS rank
FROM scored
ORDER BY rank NULLS LAST, articles DESC, entity_id
