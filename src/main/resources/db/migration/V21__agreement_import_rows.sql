-- The rows of a partnership import that were not added: ambiguous ones wait here for staff to
-- pick a municipality per side (the review list), unmatched ones are listed with their reason.
-- Each side (name, country, coordinates, outcome, reason, candidates) is kept as JSON.
CREATE TABLE partnership_import_rows (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id      bigint      NOT NULL REFERENCES partnership_import_runs (id) ON DELETE CASCADE,
    line        bigint      NOT NULL,
    outcome     varchar(16) NOT NULL,
    sides       jsonb       NOT NULL,
    resolved_at timestamptz,
    resolved_by bigint,
    CONSTRAINT partnership_import_rows_outcome_ck CHECK (outcome IN ('AMBIGUOUS', 'UNMATCHED')),
    CONSTRAINT partnership_import_rows_line_ck CHECK (line > 0),
    CONSTRAINT partnership_import_rows_resolved_ck CHECK (resolved_at IS NULL OR outcome = 'AMBIGUOUS')
);

CREATE INDEX partnership_import_rows_run_idx ON partnership_import_rows (run_id, outcome, line);
