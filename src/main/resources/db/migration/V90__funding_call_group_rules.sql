-- Group rules of a call (issue 24: "these rules change from call to call"). A call may carry its own
-- rules about the whole group of applicants; where it has one of a kind, it replaces the instrument's
-- rules of that kind for that call (the instrument's other rules still apply). The kinds and their
-- fields are those of funding_rules (V25, V80); the rules about each applicant (country groups,
-- country exceptions, kinds of body, conditions) stay the instrument's.
CREATE TABLE funding_call_rules (
    id             bigserial   PRIMARY KEY,
    call_id        bigint      NOT NULL REFERENCES funding_calls (id) ON DELETE CASCADE,
    kind           varchar(30) NOT NULL,
    country_group  varchar(24),
    minimum        integer,
    maximum        integer,
    minimum_abroad integer,
    CONSTRAINT funding_call_rules_kind_ck CHECK (kind IN
        ('MIN_PARTNERS', 'MIN_COUNTRIES', 'MAX_PARTNERS', 'MIN_ELIGIBLE_COUNTRIES', 'MIN_FROM_GROUP', 'MIN_PARTICIPANTS')),
    CONSTRAINT funding_call_rules_group_ck CHECK (country_group IN
        ('EU_MEMBER', 'CANDIDATE', 'POTENTIAL_CANDIDATE', 'NEIGHBOURHOOD', 'PARTNER', 'OTHER')),
    CONSTRAINT funding_call_rules_minimum_ck CHECK (minimum BETWEEN 1 AND 100000),
    CONSTRAINT funding_call_rules_maximum_ck CHECK (maximum BETWEEN 1 AND 100),
    CONSTRAINT funding_call_rules_abroad_ck CHECK (minimum_abroad BETWEEN 1 AND 100000 AND minimum_abroad <= minimum),
    -- Each kind carries exactly its own fields; counts of bodies and countries are at most 100.
    CONSTRAINT funding_call_rules_shape_ck CHECK (CASE kind
        WHEN 'MAX_PARTNERS' THEN maximum IS NOT NULL AND minimum IS NULL AND country_group IS NULL
            AND minimum_abroad IS NULL
        WHEN 'MIN_FROM_GROUP' THEN minimum IS NOT NULL AND minimum <= 100 AND country_group IS NOT NULL
            AND maximum IS NULL AND minimum_abroad IS NULL
        WHEN 'MIN_PARTICIPANTS' THEN minimum IS NOT NULL AND country_group IS NULL AND maximum IS NULL
        ELSE minimum IS NOT NULL AND minimum <= 100 AND country_group IS NULL AND maximum IS NULL
            AND minimum_abroad IS NULL END)
);

-- One rule of a kind a call (one a country group for MIN_FROM_GROUP), as for an instrument (V80).
CREATE UNIQUE INDEX funding_call_rules_kind_uk ON funding_call_rules (call_id, kind) WHERE kind <> 'MIN_FROM_GROUP';
CREATE UNIQUE INDEX funding_call_rules_from_group_uk ON funding_call_rules (call_id, country_group) WHERE kind = 'MIN_FROM_GROUP';

-- The public pages show them: every change advances the content version (V71).
CREATE CONSTRAINT TRIGGER a_content_changed AFTER INSERT OR UPDATE OR DELETE ON funding_call_rules
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE TRIGGER a_content_truncated AFTER TRUNCATE ON funding_call_rules
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
