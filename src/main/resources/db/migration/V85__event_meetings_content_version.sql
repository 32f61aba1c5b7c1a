-- Forum meetings (V76) on the event pages anonymous visitors may get (the programme, its windows and
-- tables, the counts): their changes advance the content version like every other table a public page
-- can show (V71), so a page kept rendered is not served stale (PublicPageCachingIT).
CREATE CONSTRAINT TRIGGER a_content_changed AFTER INSERT OR UPDATE OR DELETE ON meeting_programmes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE TRIGGER a_content_truncated AFTER TRUNCATE ON meeting_programmes
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE CONSTRAINT TRIGGER a_content_changed AFTER INSERT OR UPDATE OR DELETE ON meeting_windows
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE TRIGGER a_content_truncated AFTER TRUNCATE ON meeting_windows
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE CONSTRAINT TRIGGER a_content_changed AFTER INSERT OR UPDATE OR DELETE ON meeting_tables
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE TRIGGER a_content_truncated AFTER TRUNCATE ON meeting_tables
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE CONSTRAINT TRIGGER a_content_changed AFTER INSERT OR UPDATE OR DELETE ON meeting_profiles
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE TRIGGER a_content_truncated AFTER TRUNCATE ON meeting_profiles
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE CONSTRAINT TRIGGER a_content_changed AFTER INSERT OR UPDATE OR DELETE ON meetings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE TRIGGER a_content_truncated AFTER TRUNCATE ON meetings
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE CONSTRAINT TRIGGER a_content_changed AFTER INSERT OR UPDATE OR DELETE ON meeting_sides
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE TRIGGER a_content_truncated AFTER TRUNCATE ON meeting_sides
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
