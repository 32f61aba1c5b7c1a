-- An instrument's calls or request windows. Opening and closing are stored as instants together
-- with the local date-time and the IANA zone staff entered, so the call keeps its own wall-clock
-- time and the status (upcoming, open, closed) is derived at the exact closing instant.
CREATE TABLE funding_calls (
    id             bigserial PRIMARY KEY,
    instrument_id  bigint        NOT NULL REFERENCES funding_instruments (id) ON DELETE CASCADE,
    title          varchar(300)  NOT NULL,
    opens_at       timestamptz   NOT NULL,
    closes_at      timestamptz   NOT NULL,
    -- An IANA zone id, checked against java.time.ZoneId when written.
    time_zone      varchar(64)   NOT NULL,
    budget         varchar(200),
    url            varchar(500),
    version        bigint        NOT NULL DEFAULT 0,
    CONSTRAINT funding_calls_title_ck CHECK (btrim(title) <> ''),
    CONSTRAINT funding_calls_closes_after_opens_ck CHECK (closes_at > opens_at),
    CONSTRAINT funding_calls_url_ck CHECK (url ~ '^https?://[^\s]+$'),
    CONSTRAINT funding_calls_zone_ck CHECK (time_zone ~ '^(UTC|[A-Za-z_]+(/[A-Za-z0-9_+-]+)+)$'),
    CONSTRAINT funding_calls_version_ck CHECK (version >= 0)
);

CREATE INDEX funding_calls_instrument_idx ON funding_calls (instrument_id, closes_at);
CREATE INDEX funding_calls_closes_idx ON funding_calls (closes_at);
