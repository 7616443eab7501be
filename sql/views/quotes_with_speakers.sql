-- The common question: who said what, where and when.
CREATE OR REPLACE VIEW main.quotes_with_speakers AS
SELECT
    q.day,
    q.speaker,
    q.speaker_mention,
    q.kind,
    q.text AS quote,
    ar.title,
    ar.source_id,
    ar.published_at,
    ar.url,
    q.quote_id,
    q.article_id,
    q.speaker_entity_id,
    q.quote_hash,
    q.cue,
    q.paragraph,
    ar.cluster_id
FROM main.quotes AS q
JOIN main.articles AS ar ON ar.article_id = q.article_id AND ar.day = q.day;

COMMENT ON VIEW main.quotes_with_speakers IS 'Who said what, where and when: each quote with its speaker and the article that carried it.';
COMMENT ON COLUMN main.quotes_with_speakers.day IS 'Partition day of the article.';
COMMENT ON COLUMN main.quotes_with_speakers.speaker IS 'Speaker name (linked entity name where known), or null.';
COMMENT ON COLUMN main.quotes_with_speakers.speaker_mention IS 'Words naming the speaker in the text (''the minister'', ''she'').';
COMMENT ON COLUMN main.quotes_with_speakers.kind IS 'direct, partial or indirect.';
COMMENT ON COLUMN main.quotes_with_speakers.quote IS 'Quoted words (direct/partial) or reported clause (indirect).';
COMMENT ON COLUMN main.quotes_with_speakers.title IS 'Headline of the article.';
COMMENT ON COLUMN main.quotes_with_speakers.source_id IS 'Source (outlet or agency) that carried it.';
COMMENT ON COLUMN main.quotes_with_speakers.published_at IS 'Publication time of the article, UTC.';
COMMENT ON COLUMN main.quotes_with_speakers.url IS 'URL of the article.';
COMMENT ON COLUMN main.quotes_with_speakers.quote_id IS 'quotes.quote_id.';
COMMENT ON COLUMN main.quotes_with_speakers.article_id IS 'articles.article_id.';
COMMENT ON COLUMN main.quotes_with_speakers.speaker_entity_id IS 'entities.entity_id of the speaker, if linked.';
COMMENT ON COLUMN main.quotes_with_speakers.quote_hash IS 'Hash of the normalised words: the same quote in every copy.';
COMMENT ON COLUMN main.quotes_with_speakers.cue IS 'Speech verb or phrase.';
COMMENT ON COLUMN main.quotes_with_speakers.paragraph IS '0-based paragraph index in the article.';
COMMENT ON COLUMN main.quotes_with_speakers.cluster_id IS 'Syndication cluster of the article (article_id of its earliest copy).';
