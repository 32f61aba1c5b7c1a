-- Group rules (issue 24): rules about a whole group of applicants, kept as data beside the others.
--   MAX_PARTNERS            at most this many bodies in the project, lead included (in maximum)
--   MIN_ELIGIBLE_COUNTRIES  bodies from at least this many eligible countries: countries whose bodies
--                           may lead or partner by the COUNTRY_GROUP and COUNTRY rules (associated
--                           countries entered as COUNTRY exceptions count)
--   MIN_FROM_GROUP          at least this many bodies from countries of country_group (EU member states)
--   MIN_PARTICIPANTS        a participant minimum a person must check (minimum, and of them
--                           minimum_abroad invited from abroad): the portal cannot count participants
ALTER TABLE funding_rules
    ALTER COLUMN kind TYPE varchar(30),
    ADD COLUMN maximum        integer,
    ADD COLUMN minimum_abroad integer,
    DROP CONSTRAINT funding_rules_kind_ck,
    DROP CONSTRAINT funding_rules_shape_ck,
    DROP CONSTRAINT funding_rules_minimum_ck,
    ADD CONSTRAINT funding_rules_kind_ck CHECK (kind IN
        ('COUNTRY_GROUP', 'COUNTRY', 'BODY_KIND', 'MIN_PARTNERS', 'MIN_COUNTRIES', 'CONDITION',
         'MAX_PARTNERS', 'MIN_ELIGIBLE_COUNTRIES', 'MIN_FROM_GROUP', 'MIN_PARTICIPANTS')),
    -- Participant minimums go beyond 100 (CERV Town Twinning: 50 participants, 25 from abroad).
    ADD CONSTRAINT funding_rules_minimum_ck CHECK (minimum BETWEEN 1 AND 100000),
    ADD CONSTRAINT funding_rules_maximum_ck CHECK (maximum BETWEEN 1 AND 100),
    ADD CONSTRAINT funding_rules_abroad_ck CHECK (minimum_abroad BETWEEN 1 AND 100000 AND minimum_abroad <= minimum),
    ADD CONSTRAINT funding_rules_shape_ck CHECK (CASE kind
        WHEN 'COUNTRY_GROUP' THEN role IS NOT NULL AND country_group IS NOT NULL AND country_code IS NULL
            AND allowed IS NULL AND body_kind IS NULL AND minimum IS NULL AND condition IS NULL
            AND maximum IS NULL AND minimum_abroad IS NULL
        WHEN 'COUNTRY' THEN role IS NOT NULL AND country_code IS NOT NULL AND allowed IS NOT NULL
            AND country_group IS NULL AND body_kind IS NULL AND minimum IS NULL AND condition IS NULL
            AND maximum IS NULL AND minimum_abroad IS NULL
        WHEN 'BODY_KIND' THEN body_kind IS NOT NULL AND role IS NULL AND country_group IS NULL
            AND country_code IS NULL AND allowed IS NULL AND minimum IS NULL AND condition IS NULL
            AND maximum IS NULL AND minimum_abroad IS NULL
        WHEN 'CONDITION' THEN condition IS NOT NULL AND role IS NULL AND country_group IS NULL
            AND country_code IS NULL AND allowed IS NULL AND body_kind IS NULL AND minimum IS NULL
            AND maximum IS NULL AND minimum_abroad IS NULL
        WHEN 'MAX_PARTNERS' THEN maximum IS NOT NULL AND minimum IS NULL AND role IS NULL AND country_group IS NULL
            AND country_code IS NULL AND allowed IS NULL AND body_kind IS NULL AND condition IS NULL
            AND minimum_abroad IS NULL
        WHEN 'MIN_FROM_GROUP' THEN minimum IS NOT NULL AND minimum <= 100 AND country_group IS NOT NULL AND role IS NULL
            AND country_code IS NULL AND allowed IS NULL AND body_kind IS NULL AND condition IS NULL
            AND maximum IS NULL AND minimum_abroad IS NULL
        WHEN 'MIN_PARTICIPANTS' THEN minimum IS NOT NULL AND role IS NULL AND country_group IS NULL
            AND country_code IS NULL AND allowed IS NULL AND body_kind IS NULL AND condition IS NULL
            AND maximum IS NULL
        ELSE minimum IS NOT NULL AND minimum <= 100 AND role IS NULL AND country_group IS NULL AND country_code IS NULL
            AND allowed IS NULL AND body_kind IS NULL AND condition IS NULL
            AND maximum IS NULL AND minimum_abroad IS NULL END);

DROP INDEX funding_rules_minimum_uk;
CREATE UNIQUE INDEX funding_rules_minimum_uk ON funding_rules (instrument_id, kind)
    WHERE kind IN ('MIN_PARTNERS', 'MIN_COUNTRIES', 'MAX_PARTNERS', 'MIN_ELIGIBLE_COUNTRIES', 'MIN_PARTICIPANTS');
CREATE UNIQUE INDEX funding_rules_from_group_uk ON funding_rules (instrument_id, country_group) WHERE kind = 'MIN_FROM_GROUP';
