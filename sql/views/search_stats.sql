-- Collection statistics of the full-text index, per day: what BM25 sums across days.
CREATE OR REPLACE VIEW main.search_stats AS
SELECT day, kind, nullif(term, '') AS term, documents, length
FROM lake.search_index
WHERE doc IS NULL;

COMMENT ON VIEW main.search_stats IS 'Collection statistics of the full-text index per day and kind: the day''s documents and their summed length (term null), and each term''s document frequency. search_ranked() sums them over the archive instead of counting documents.';
COMMENT ON COLUMN main.search_stats.day IS 'Partition day of the index.';
COMMENT ON COLUMN main.search_stats.kind IS 'article or quote.';
COMMENT ON COLUMN main.search_stats.term IS 'Normalised term; null on the row for all the day''s documents.';
COMMENT ON COLUMN main.search_stats.documents IS 'Documents of the day (term null) or holding the term.';
COMMENT ON COLUMN main.search_stats.length IS 'Summed length of the day''s documents (term null rows only).';
