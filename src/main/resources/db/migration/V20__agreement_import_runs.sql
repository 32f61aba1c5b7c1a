-- Partnership imports (public lists of twin towns, or staff's own lists in the same CSV format):
-- their progress and final report, so any portal instance can show them.
CREATE TABLE partnership_import_runs (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_by      bigint,
    file_name       varchar(255) NOT NULL,
    status          varchar(10)  NOT NULL DEFAULT 'RUNNING',
    rows_read       bigint       NOT NULL DEFAULT 0,
    matched         bigint       NOT NULL DEFAULT 0,
    ambiguous       bigint       NOT NULL DEFAULT 0,
    unmatched       bigint       NOT NULL DEFAULT 0,
    already_present bigint       NOT NULL DEFAULT 0,
    report          jsonb,
    started_at      timestamptz  NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    CONSTRAINT partnership_import_runs_status_ck CHECK (status IN ('RUNNING', 'APPLIED', 'REFUSED', 'FAILED')),
    CONSTRAINT partnership_import_runs_counts_ck CHECK (rows_read >= 0 AND matched >= 0 AND ambiguous >= 0
        AND unmatched >= 0 AND already_present >= 0),
    CONSTRAINT partnership_import_runs_finished_ck CHECK ((status = 'RUNNING') = (finished_at IS NULL))
);
