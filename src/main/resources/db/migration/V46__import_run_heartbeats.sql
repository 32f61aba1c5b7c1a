-- The instance running an import touches its run's heartbeat while it works; a run still RUNNING
-- whose heartbeat is older than the limit belongs to an instance that died, and is marked FAILED
-- (interrupted) by any instance, at start-up or on its next round.
ALTER TABLE import_runs ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE partnership_import_runs ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX import_runs_running_idx ON import_runs (heartbeat_at) WHERE status = 'RUNNING';
CREATE INDEX partnership_import_runs_running_idx ON partnership_import_runs (heartbeat_at) WHERE status = 'RUNNING';
