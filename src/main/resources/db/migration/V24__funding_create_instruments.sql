-- Funding instruments (Twinning, TAIEX and others that staff add) and the themes they serve.
-- Nothing here asserts a fact about a real programme: staff enter it, and example entries say so.
CREATE TABLE funding_instruments (
    id               bigserial PRIMARY KEY,
    slug             varchar(80)   NOT NULL,
    name             varchar(200)  NOT NULL,
    short_name       varchar(40)   NOT NULL,
    managing_body    varchar(200),
    purpose          varchar(2000) NOT NULL,
    funds            varchar(2000),
    typical_size     varchar(200),
    typical_duration varchar(200),
    official_url     varchar(500),
    -- An example entry is not a real programme; the pages say so.
    example          boolean       NOT NULL DEFAULT false,
    version          bigint        NOT NULL DEFAULT 0,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT funding_instruments_slug_uk UNIQUE (slug),
    CONSTRAINT funding_instruments_short_name_uk UNIQUE (short_name),
    CONSTRAINT funding_instruments_slug_ck CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT funding_instruments_name_ck CHECK (btrim(name) <> ''),
    CONSTRAINT funding_instruments_short_name_ck CHECK (btrim(short_name) <> ''),
    CONSTRAINT funding_instruments_purpose_ck CHECK (btrim(purpose) <> ''),
    CONSTRAINT funding_instruments_url_ck CHECK (official_url ~ '^https?://[^\s]+$'),
    CONSTRAINT funding_instruments_version_ck CHECK (version >= 0)
);

CREATE TABLE funding_instrument_themes (
    instrument_id bigint      NOT NULL REFERENCES funding_instruments (id) ON DELETE CASCADE,
    theme_code    varchar(40) NOT NULL REFERENCES themes (code),
    CONSTRAINT funding_instrument_themes_pk PRIMARY KEY (instrument_id, theme_code)
);

CREATE INDEX funding_instrument_themes_theme_idx ON funding_instrument_themes (theme_code);
