-- A partnership request may continue a meeting held at a forum (issue 23, "after the meeting"), so an
-- agreement that an accepted request opened names the forum where it began (issue 25). The reference
-- is a foreign key: a meeting that goes (its participant withdrew, its event was deleted) leaves the
-- request without an origin rather than pointing nowhere. The trigger holds the rest: only a meeting
-- marked held, between people who represented the request's two municipalities.
ALTER TABLE partnership_requests ADD COLUMN meeting_id bigint
    CONSTRAINT partnership_requests_meeting_fk REFERENCES meetings (id) ON DELETE SET NULL;

CREATE INDEX partnership_requests_meeting_idx ON partnership_requests (meeting_id) WHERE meeting_id IS NOT NULL;

CREATE FUNCTION partnership_requests_meeting_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.meeting_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM meetings m
        JOIN meeting_profiles a ON a.event_id = m.event_id AND a.account_id = m.requester_id
        JOIN meeting_profiles b ON b.event_id = m.event_id AND b.account_id = m.invitee_id
        WHERE m.id = NEW.meeting_id AND m.status = 'HELD'
          AND ((a.municipality_id = NEW.from_municipality_id AND b.municipality_id = NEW.to_municipality_id)
            OR (b.municipality_id = NEW.from_municipality_id AND a.municipality_id = NEW.to_municipality_id))) THEN
        RAISE EXCEPTION 'partnership_requests_meeting_ck: meeting % was not held between the request''s municipalities', NEW.meeting_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'partnership_requests_meeting_ck';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER partnership_requests_meeting_check BEFORE INSERT OR UPDATE OF meeting_id ON partnership_requests
    FOR EACH ROW EXECUTE FUNCTION partnership_requests_meeting_check();
