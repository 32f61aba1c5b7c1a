-- A meeting held at a forum that a partnership request continues (V86: partnership_requests.meeting_id)
-- stays held: the request, and the agreement it may have opened, name the meeting as where the
-- partnership began, which is true only of a meeting that took place. The organiser may still correct
-- a meeting marked held by mistake while no request names it; once one does, marking it missed is
-- refused, naming the request (its DETAIL), and the portal says which municipalities' request it is.
CREATE FUNCTION meetings_keep_held_origin() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    request bigint;
BEGIN
    IF OLD.status = 'HELD' AND NEW.status <> 'HELD' THEN
        SELECT r.id INTO request FROM partnership_requests r WHERE r.meeting_id = OLD.id ORDER BY r.sent_at, r.id LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'meetings_held_origin_ck: meeting % began partnership request %', OLD.id, request
                USING ERRCODE = 'check_violation', CONSTRAINT = 'meetings_held_origin_ck', DETAIL = request::text;
        END IF;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER meetings_keep_held_origin BEFORE UPDATE OF status ON meetings
    FOR EACH ROW EXECUTE FUNCTION meetings_keep_held_origin();

-- The other half, V86's check, now locking the meeting it reads (FOR SHARE, which a change of status
-- waits for and which waits for one): a request naming the meeting and the organiser marking it missed
-- at the same instant queue, and the second sees the first, rather than each missing the other.
CREATE OR REPLACE FUNCTION partnership_requests_meeting_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.meeting_id IS NOT NULL THEN
        PERFORM 1 FROM meetings m
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
    END IF;
    RETURN NEW;
END $$;
