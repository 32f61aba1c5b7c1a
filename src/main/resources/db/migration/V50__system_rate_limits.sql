-- How often one address or one client may do something that costs others (a reset mail, a
-- barrier report) within a window: counted in the database, so that the count is shared by every
-- portal instance and survives restarts. One row per key; a window that has passed starts again.
CREATE TABLE rate_limits (
    limit_key         varchar(400) PRIMARY KEY,
    hits              integer      NOT NULL,
    window_started_at timestamptz  NOT NULL
);
