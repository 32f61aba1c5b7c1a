-- The partner suggestions score every municipality from a compact copy held in memory (ids,
-- countries, kinds, populations, theme and language sets, the agreement graph). This counter tells
-- the portal when that copy is out of date: every committed change to the data it is built from
-- adds one, whatever wrote it (the portal's services, an import, a script). The triggers are
-- deferred to the commit, so the counter's row is locked only at the very end of a writing
-- transaction (writers never wait on it while holding other locks), and at most once per
-- transaction (a transaction-local setting remembers that it already counted).
CREATE TABLE matchmaking_data_version (
    id      boolean PRIMARY KEY DEFAULT true,
    version bigint  NOT NULL,
    CONSTRAINT matchmaking_data_version_single_ck CHECK (id)
);
INSERT INTO matchmaking_data_version (id, version) VALUES (true, 1);

CREATE FUNCTION matchmaking_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('citybridge.matchmaking_counted', true) IS DISTINCT FROM txid_current()::text THEN
        UPDATE matchmaking_data_version SET version = version + 1;
        PERFORM set_config('citybridge.matchmaking_counted', txid_current()::text, true);
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER matchmaking_municipalities_changed
    AFTER INSERT OR DELETE OR UPDATE OF country_code, kind, population, working_languages, seeking_partners ON municipalities
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION matchmaking_data_changed();
CREATE CONSTRAINT TRIGGER matchmaking_offered_themes_changed
    AFTER INSERT OR DELETE OR UPDATE ON municipality_offered_themes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION matchmaking_data_changed();
CREATE CONSTRAINT TRIGGER matchmaking_sought_themes_changed
    AFTER INSERT OR DELETE OR UPDATE ON municipality_sought_themes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION matchmaking_data_changed();
CREATE CONSTRAINT TRIGGER matchmaking_agreements_changed
    AFTER INSERT OR DELETE OR UPDATE OF status, party_key ON agreements
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION matchmaking_data_changed();
CREATE CONSTRAINT TRIGGER matchmaking_agreement_parties_changed
    AFTER INSERT OR DELETE OR UPDATE ON agreement_parties
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION matchmaking_data_changed();
