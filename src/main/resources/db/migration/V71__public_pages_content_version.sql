-- A version number of everything the public pages show (issue 21), for the cache of rendered
-- anonymous pages (system.web.PublicPageCaching): every committed change of any table of content
-- adds one, whoever makes it (the portal, an import, a script, another instance), so that a page
-- rendered before the change is never served after it, on any instance.
--
-- As municipality_directory_version (V63): a row, not a sequence, so that the new number becomes
-- visible in the same instant as the change (a reader that reads the number before the data never
-- keeps old data under a new number); deferred to the commit and at most once per transaction, so
-- that a writer holds the row only at its very end. The triggers are named to fire before the other
-- version triggers of the same row (triggers of one event fire in name order): every writer takes
-- this row first, so writers that also advance other version rows cannot take them in opposite
-- orders and deadlock.
--
-- Tables that no public page shows are left out: sign-in sessions and throttles, scheduled job
-- locks, the other version rows, officers' home visits, mail, the audit trail and one-time tokens.
-- PublicPageCachingIT checks that every other table, including those of later migrations, has the
-- trigger.
CREATE TABLE content_version (
    id      boolean PRIMARY KEY DEFAULT true,
    version bigint  NOT NULL,
    CONSTRAINT content_version_single_ck CHECK (id)
);
INSERT INTO content_version (id, version) VALUES (true, 1);

CREATE FUNCTION content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('citybridge.content_changed', true) IS DISTINCT FROM txid_current()::text THEN
        UPDATE content_version SET version = version + 1;
        PERFORM set_config('citybridge.content_changed', txid_current()::text, true);
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
            AND tablename NOT IN ('flyway_schema_history', 'spring_session', 'spring_session_attributes',
                'shedlock', 'login_throttle', 'rate_limits', 'content_version', 'matchmaking_data_version',
                'municipality_directory_version', 'home_visits', 'outbox_messages', 'audit_entries',
                'account_tokens')
    LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER a_content_changed AFTER INSERT OR UPDATE OR DELETE ON %I'
                || ' DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed()', t);
        EXECUTE format('CREATE TRIGGER a_content_truncated AFTER TRUNCATE ON %I'
                || ' FOR EACH STATEMENT EXECUTE FUNCTION content_changed()', t);
    END LOOP;
END
$$;
