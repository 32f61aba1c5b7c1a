-- Several instances of the portal on one database (issue 21).
--
-- 1. ShedLock's table: a scheduled job (the notice digest, the reaping of interrupted import runs)
--    takes its row before it runs, so that it runs on one instance only, however many there are.
--    Times are the database's (ShedLock's usingDbTime), so the instances' clocks need not agree.
CREATE TABLE shedlock (
    name       varchar(64)  NOT NULL PRIMARY KEY,
    lock_until timestamp    NOT NULL,
    locked_at  timestamp    NOT NULL,
    locked_by  varchar(255) NOT NULL
);

-- 2. A version number of the directory for the caches of its counts (the directory's "1–20 of
--    135,233", the home page's places and countries): every committed change of what they count
--    (a municipality added or removed, its country, kind, population or partner seeking, its
--    themes, a network's members, a country's group) adds one, whoever makes it (the portal, an
--    import, a merge, a script), so that every instance sees the change on its next request.
--    Renames and moves do not count (a re-import of GeoNames mostly updates those). As matchmaking_data_version (V42): deferred to the commit, at most once per
--    transaction, so that a writer locks the row only at its very end and a reader that reads
--    the version before the data never keeps old data under a new number.
CREATE TABLE municipality_directory_version (
    id      boolean PRIMARY KEY DEFAULT true,
    version bigint  NOT NULL,
    CONSTRAINT municipality_directory_version_single_ck CHECK (id)
);
INSERT INTO municipality_directory_version (id, version) VALUES (true, 1);

CREATE FUNCTION municipality_directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('citybridge.directory_counted', true) IS DISTINCT FROM txid_current()::text THEN
        UPDATE municipality_directory_version SET version = version + 1;
        PERFORM set_config('citybridge.directory_counted', txid_current()::text, true);
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER directory_municipalities_changed
    AFTER INSERT OR DELETE OR UPDATE OF country_code, kind, population, seeking_partners ON municipalities
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION municipality_directory_changed();
CREATE CONSTRAINT TRIGGER directory_offered_themes_changed
    AFTER INSERT OR DELETE OR UPDATE ON municipality_offered_themes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION municipality_directory_changed();
CREATE CONSTRAINT TRIGGER directory_sought_themes_changed
    AFTER INSERT OR DELETE OR UPDATE ON municipality_sought_themes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION municipality_directory_changed();
CREATE CONSTRAINT TRIGGER directory_organisation_members_changed
    AFTER INSERT OR DELETE OR UPDATE ON organisation_members
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION municipality_directory_changed();
CREATE CONSTRAINT TRIGGER directory_countries_changed
    AFTER INSERT OR DELETE OR UPDATE OF country_group ON countries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION municipality_directory_changed();
