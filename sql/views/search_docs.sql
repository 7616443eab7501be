-- Documents of the full-text index (one per article and per quote, per day).
CREATE OR REPLACE VIEW main.search_docs AS
SELECT day, kind, doc, doc_id, length
FROM lake.search_index
WHERE term IS NULL AND doc IS NOT NULL;

COMMENT ON VIEW main.search_docs IS 'Documents of the full-text index: one row per article and per quote and day; search_ranked() joins them to postings.';
COMMENT ON COLUMN main.search_docs.day IS 'Partition day of the article or quote.';
COMMENT ON COLUMN main.search_docs.kind IS 'article or quote.';
COMMENT ON COLUMN main.search_docs.doc IS 'Document number within the day and kind.';
COMMENT ON COLUMN main.search_docs.doc_id IS 'articles.article_id or quotes.quote_id.';
COMMENT ON COLUMN main.search_docs.length IS 'Indexed terms in the document (BM25 length normalisation).';
