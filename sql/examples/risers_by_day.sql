-- Which entities rose fastest, day by day, over the last week?
-- The three best-ranked supported entities of each day in trending_entities: coverage
-- against the trailing 7 days (z_7), with at least two articles from two sources.
SET VARIABLE wd_today = (SELECT max(day) FROM trending_entities);

SELECT t.day, t.rank, t.name, t.type, t.articles, t.sources, round(t.mean_7, 2) AS usual_articles,
       round(t.z_7, 2) AS z_7, round(t.z_28, 2) AS z_28
FROM trending_entities AS t
WHERE t.day > getvariable('wd_today') - 7 AND t.rank <= 3
ORDER BY t.day, t.rank;
