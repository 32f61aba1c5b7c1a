-- Partner searches (issue 24): single countries sought, beside the country groups (V81).
CREATE TABLE partner_search_countries (
    search_id    bigint     NOT NULL REFERENCES partner_searches (id) ON DELETE CASCADE,
    country_code varchar(2) NOT NULL REFERENCES countries (code),
    CONSTRAINT partner_search_countries_pk PRIMARY KEY (search_id, country_code)
);

CREATE INDEX partner_search_countries_country_idx ON partner_search_countries (country_code);

-- Public pages show them: every change advances the content version (V71), as for the other search tables.
CREATE CONSTRAINT TRIGGER a_content_changed AFTER INSERT OR UPDATE OR DELETE ON partner_search_countries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE TRIGGER a_content_truncated AFTER TRUNCATE ON partner_search_countries
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
