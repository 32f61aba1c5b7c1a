-- The forum where a partnership began is a fact about the partnership, not about the people who met
-- there: a request that continues a meeting held at a forum (V86) records the meeting's event itself,
-- so that when the meeting goes (a participant withdrew their consent and their profile took its
-- meetings with it, ON DELETE SET NULL), the request, and the agreement it opened, still began at that
-- forum. Set from the meeting by the trigger, never by a writer; the event going clears it.
ALTER TABLE partnership_requests ADD COLUMN meeting_event_id bigint
    CONSTRAINT partnership_requests_meeting_event_fk REFERENCES events (id) ON DELETE SET NULL;

UPDATE partnership_requests r SET meeting_event_id = m.event_id FROM meetings m WHERE m.id = r.meeting_id;

CREATE INDEX partnership_requests_meeting_event_idx ON partnership_requests (meeting_event_id)
    WHERE meeting_event_id IS NOT NULL;

-- V86's check (with V94's lock), which now also writes the meeting's event: whenever the meeting
-- changes, the event is the new meeting's; while it stays, the event may only be cleared (its event
-- deleted, or a writer that means it), never pointed at another forum; without a meeting, a new
-- request names no forum.
CREATE OR REPLACE FUNCTION partnership_requests_meeting_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    forum bigint;
BEGIN
    IF NEW.meeting_id IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.meeting_id IS DISTINCT FROM OLD.meeting_id) THEN
        SELECT m.event_id INTO forum FROM meetings m
        JOIN meeting_profiles a ON a.event_id = m.event_id AND a.account_id = m.requester_id
        JOIN meeting_profiles b ON b.event_id = m.event_id AND b.account_id = m.invitee_id
        WHERE m.id = NEW.meeting_id AND m.status = 'HELD'
          AND ((a.municipality_id = NEW.from_municipality_id AND b.municipality_id = NEW.to_municipality_id)
            OR (b.municipality_id = NEW.from_municipality_id AND a.municipality_id = NEW.to_municipality_id))
        FOR SHARE OF m;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'partnership_requests_meeting_ck: meeting % was not held between the request''s municipalities', NEW.meeting_id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'partnership_requests_meeting_ck';
        END IF;
        NEW.meeting_event_id := forum;
    ELSIF NEW.meeting_event_id IS NOT NULL
          AND (TG_OP = 'INSERT' OR NEW.meeting_event_id IS DISTINCT FROM OLD.meeting_event_id) THEN
        RAISE EXCEPTION 'partnership_requests_meeting_event_ck: the forum of request % comes from the meeting it continues', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'partnership_requests_meeting_event_ck';
    END IF;
    RETURN NEW;
END $$;

DROP TRIGGER partnership_requests_meeting_check ON partnership_requests;
CREATE TRIGGER partnership_requests_meeting_check BEFORE INSERT OR UPDATE OF meeting_id, meeting_event_id ON partnership_requests
    FOR EACH ROW EXECUTE FUNCTION partnership_requests_meeting_check();
