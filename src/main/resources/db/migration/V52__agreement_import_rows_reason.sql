-- A partnership import's report lists every row of its file, not only those left over: matched
-- and already present rows are kept too (their sides as matched), and each unmatched row carries
-- the reason of its first unmatched side, so that the report can list and filter the rows by
-- outcome and reason with their line numbers.
ALTER TABLE partnership_import_rows DROP CONSTRAINT partnership_import_rows_outcome_ck;
ALTER TABLE partnership_import_rows ADD CONSTRAINT partnership_import_rows_outcome_ck
    CHECK (outcome IN ('MATCHED', 'ALREADY_PRESENT', 'AMBIGUOUS', 'UNMATCHED'));
ALTER TABLE partnership_import_rows ADD COLUMN reason varchar(32);
ALTER TABLE partnership_import_rows ADD CONSTRAINT partnership_import_rows_reason_ck
    CHECK ((outcome = 'UNMATCHED') = (reason IS NOT NULL));
UPDATE partnership_import_rows SET reason = coalesce(
    CASE WHEN sides -> 0 ->> 'outcome' = 'UNMATCHED' THEN sides -> 0 ->> 'reason' END,
    sides -> 1 ->> 'reason', 'NO_SUCH_NAME')
WHERE outcome = 'UNMATCHED';

-- The source staff chose for the run's list (no default): the register entries it adds, at once
-- or later from the review, carry this name, attribution and address. Runs from before had only
-- "Wikipedia or own list" in their audit entry; that choice is carried over.
ALTER TABLE partnership_import_runs
    ADD COLUMN source_kind        varchar(16),
    ADD COLUMN source_name        varchar(300),
    ADD COLUMN source_attribution varchar(300),
    ADD COLUMN source_url         varchar(500),
    ADD CONSTRAINT partnership_import_runs_source_ck CHECK (source_kind IN ('PUBLIC_LIST', 'CSV_UPLOAD'));
UPDATE partnership_import_runs r SET source_kind = CASE WHEN EXISTS (
        SELECT 1 FROM audit_entries e WHERE e.entity_type = 'partnership-import' AND e.entity_id = r.id::text
          AND e.changes::text LIKE '%"OWN"%') THEN 'CSV_UPLOAD' ELSE 'PUBLIC_LIST' END;
UPDATE partnership_import_runs SET source_name = file_name WHERE source_kind = 'CSV_UPLOAD';
ALTER TABLE partnership_import_runs ALTER COLUMN source_kind SET NOT NULL;
UPDATE partnership_import_runs
SET source_name = 'Wikipedia: lists of twin towns and sister cities',
    source_attribution = 'Partnership list from Wikipedia contributors, CC BY-SA 4.0',
    source_url = 'https://en.wikipedia.org/wiki/Lists_of_twin_towns_and_sister_cities'
WHERE source_kind = 'PUBLIC_LIST';

CREATE INDEX partnership_import_rows_reason_idx ON partnership_import_rows (run_id, reason, line) WHERE reason IS NOT NULL;
