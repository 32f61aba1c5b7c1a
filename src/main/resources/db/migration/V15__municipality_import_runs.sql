-- Imports started from the staff page: their progress and report live here, so any portal
-- instance can show them and a restart loses nothing that was reported.
CREATE TABLE import_runs (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_by      bigint,
    file_name       varchar(255) NOT NULL,
    skip_invalid    boolean      NOT NULL,
    status          varchar(10)  NOT NULL DEFAULT 'RUNNING',
    rows_done       bigint       NOT NULL DEFAULT 0,
    rejected        bigint       NOT NULL DEFAULT 0,
    rows_per_second numeric(12, 1) NOT NULL DEFAULT 0,
    report          jsonb,
    started_at      timestamptz  NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    CONSTRAINT import_runs_status_ck CHECK (status IN ('RUNNING', 'APPLIED', 'REFUSED', 'FAILED')),
    CONSTRAINT import_runs_counts_ck CHECK (rows_done >= 0 AND rejected >= 0 AND rejected <= rows_done),
    CONSTRAINT import_runs_finished_ck CHECK ((status = 'RUNNING') = (finished_at IS NULL))
);
