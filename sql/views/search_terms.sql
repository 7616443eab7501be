-- Postings of the full-text index.
CREATE OR REPLACE VIEW main.search_terms AS
SELECT day, kind, term, doc, tf, length
FROM lake.search_index
WHERE term IS NOT NULL AND doc IS NOT NULL;

COMMENT ON VIEW main.search_terms IS 'Postings of the full-text index: one row per document and distinct term (terms from wd_terms()).';
COMMENT ON COLUMN main.search_terms.day IS 'Partition day of the document.';
COMMENT ON COLUMN main.search_terms.kind IS 'article or quote.';
COMMENT ON COLUMN main.search_terms.term IS 'Normalised term: lower case, accents stripped, plurals stemmed.';
COMMENT ON COLUMN main.search_terms.doc IS 'search_docs.doc of the same day and kind.';
COMMENT ON COLUMN main.search_terms.tf IS 'Times the term occurs in the document.';
COMMENT ON COLUMN main.search_terms.length IS 'Indexed terms in the document (as search_docs.length), so scoring needs no join.';
