-- Organisations are networks: NALAS, CEMR, a national association. They employ staff and have
-- members (municipalities).
CREATE TABLE organisations (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       varchar(200) NOT NULL,
    short_name varchar(40),
    kind       varchar(30)  NOT NULL,
    website    varchar(500),
    version    bigint       NOT NULL DEFAULT 0,
    created_at timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT organisations_name_ck CHECK (btrim(name) <> ''),
    CONSTRAINT organisations_kind_ck CHECK (kind IN ('REGIONAL', 'THEMATIC', 'GLOBAL', 'NATIONAL_ASSOCIATION')),
    CONSTRAINT organisations_website_ck CHECK (website ~ '^https?://[^\s]+$')
);
CREATE UNIQUE INDEX organisations_name_uk ON organisations (lower(name));
CREATE UNIQUE INDEX organisations_short_name_uk ON organisations (lower(short_name));

CREATE TABLE organisation_members (
    organisation_id bigint NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    municipality_id bigint NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
    member_since    date,
    CONSTRAINT organisation_members_pk PRIMARY KEY (organisation_id, municipality_id)
);
CREATE INDEX organisation_members_municipality_idx ON organisation_members (municipality_id);
