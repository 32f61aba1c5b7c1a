-- Eligibility as data: each row is one rule of one kind. The finder evaluates them in one pass.
--   COUNTRY_GROUP  a country group whose bodies may take the role (LEAD or PARTNER)
--   COUNTRY        one country as an exception to the groups: allowed says may or may not
--   BODY_KIND      a kind of body that may apply (all BODY_KIND rows of an instrument together)
--   MIN_PARTNERS   at least this many bodies in the project, lead included
--   MIN_COUNTRIES  bodies from at least this many countries
--   CONDITION      free text that a person must check ("check conditions")
CREATE TABLE funding_rules (
    id            bigserial PRIMARY KEY,
    instrument_id bigint       NOT NULL REFERENCES funding_instruments (id) ON DELETE CASCADE,
    kind          varchar(20)  NOT NULL,
    role          varchar(10),
    country_group varchar(24),
    country_code  varchar(2)   REFERENCES countries (code),
    allowed       boolean,
    body_kind     varchar(30),
    minimum       integer,
    condition     varchar(2000),
    CONSTRAINT funding_rules_kind_ck CHECK (kind IN
        ('COUNTRY_GROUP', 'COUNTRY', 'BODY_KIND', 'MIN_PARTNERS', 'MIN_COUNTRIES', 'CONDITION')),
    CONSTRAINT funding_rules_role_ck CHECK (role IN ('LEAD', 'PARTNER')),
    CONSTRAINT funding_rules_group_ck CHECK (country_group IN
        ('EU_MEMBER', 'CANDIDATE', 'POTENTIAL_CANDIDATE', 'NEIGHBOURHOOD', 'PARTNER', 'OTHER')),
    CONSTRAINT funding_rules_body_kind_ck CHECK (body_kind IN
        ('MUNICIPALITY', 'ASSOCIATION', 'NATIONAL_ADMINISTRATION', 'NGO')),
    CONSTRAINT funding_rules_minimum_ck CHECK (minimum BETWEEN 1 AND 100),
    CONSTRAINT funding_rules_condition_ck CHECK (btrim(condition) <> ''),
    -- Each kind carries exactly its own fields.
    CONSTRAINT funding_rules_shape_ck CHECK (CASE kind
        WHEN 'COUNTRY_GROUP' THEN role IS NOT NULL AND country_group IS NOT NULL AND country_code IS NULL
            AND allowed IS NULL AND body_kind IS NULL AND minimum IS NULL AND condition IS NULL
        WHEN 'COUNTRY' THEN role IS NOT NULL AND country_code IS NOT NULL AND allowed IS NOT NULL
            AND country_group IS NULL AND body_kind IS NULL AND minimum IS NULL AND condition IS NULL
        WHEN 'BODY_KIND' THEN body_kind IS NOT NULL AND role IS NULL AND country_group IS NULL
            AND country_code IS NULL AND allowed IS NULL AND minimum IS NULL AND condition IS NULL
        WHEN 'CONDITION' THEN condition IS NOT NULL AND role IS NULL AND country_group IS NULL
            AND country_code IS NULL AND allowed IS NULL AND body_kind IS NULL AND minimum IS NULL
        ELSE minimum IS NOT NULL AND role IS NULL AND country_group IS NULL AND country_code IS NULL
            AND allowed IS NULL AND body_kind IS NULL AND condition IS NULL END)
);

CREATE INDEX funding_rules_instrument_idx ON funding_rules (instrument_id);
CREATE UNIQUE INDEX funding_rules_group_uk ON funding_rules (instrument_id, role, country_group) WHERE kind = 'COUNTRY_GROUP';
CREATE UNIQUE INDEX funding_rules_country_uk ON funding_rules (instrument_id, role, country_code) WHERE kind = 'COUNTRY';
CREATE UNIQUE INDEX funding_rules_body_kind_uk ON funding_rules (instrument_id, body_kind) WHERE kind = 'BODY_KIND';
CREATE UNIQUE INDEX funding_rules_minimum_uk ON funding_rules (instrument_id, kind) WHERE kind IN ('MIN_PARTNERS', 'MIN_COUNTRIES');
