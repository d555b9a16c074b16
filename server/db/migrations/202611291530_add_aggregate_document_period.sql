-- An aggregate report (the level above's combined report on a template for a period) can take a number of the
-- reviewing unit's series, once: it is kept by template (source_id) and period, so printing it again shows the
-- same number and date.
ALTER TABLE issued_document ADD COLUMN source_period text;
ALTER TABLE issued_document
  ADD CONSTRAINT issued_document_aggregate_period CHECK (source_kind <> 'aggregate' OR (source_id IS NOT NULL AND source_period IS NOT NULL));
CREATE UNIQUE INDEX issued_document_aggregate_unique ON issued_document (issuer_unit_id, source_id, source_period)
  WHERE source_kind = 'aggregate';
