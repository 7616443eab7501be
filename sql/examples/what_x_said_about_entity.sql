-- What did Amara Oyelaran say about Geneva?
-- Quotes by the speaker whose own words name the entity (any of its names). quotes_naming()
-- reads only the entity's rows of the quote_entities index.
SET VARIABLE speaker = 'Amara Oyelaran';
SET VARIABLE entity = 'Geneva';

SELECT qe.day, qe.source_id, qe.kind, qe.entity, qe.quote
FROM quotes_naming(getvariable('entity')) AS qe
WHERE qe.speaker = getvariable('speaker')
ORDER BY qe.day, qe.published_at, qe.quote_id;
