-- The other half of V76's meetings_session_clash_ck: nobody registers for a session (a seat or the
-- waiting list) over a meeting that holds their slot: one accepted (or held, or missed), or one asked
-- for and not answered (the registration first lets the event's requests whose slot began expire, by
-- the portal's clock, through meetings_expire below). Otherwise a meeting accepted first and a session registered second would both stand, and a request
-- accepted after the registration would too (accepting leaves its sides busy, so V76 does not look again).
-- Both checks take one lock per person, so a registration and a booking at the same instant queue
-- rather than each missing the other.
CREATE FUNCTION registrations_no_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s sessions%ROWTYPE;
    clash bigint;
BEGIN
    -- An event without a meeting programme has no meetings: its registrations cost no more than before
    -- (a meeting needs a programme and two opted-in people, so none is booked in the instant between).
    IF NEW.session_id IS NULL OR NOT EXISTS (SELECT 1 FROM meeting_programmes WHERE event_id = NEW.event_id) THEN
        RETURN NEW;
    END IF;
    PERFORM pg_advisory_xact_lock(76023, CAST(NEW.account_id % 2147483647 AS integer));
    SELECT * INTO s FROM sessions WHERE id = NEW.session_id;
    IF s.cancelled_at IS NOT NULL THEN
        RETURN NEW;
    END IF;
    SELECT m.id INTO clash FROM meeting_sides x JOIN meetings m ON m.id = x.meeting_id
    WHERE x.account_id = NEW.account_id AND x.busy AND x.during && tstzrange(s.starts_at, s.ends_at)
    ORDER BY m.starts_at, m.id LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'registrations_meeting_clash_ck: account % has meeting % over session %', NEW.account_id, clash, NEW.session_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'registrations_meeting_clash_ck', DETAIL = clash::text;
    END IF;
    RETURN NEW;
END $$;

-- Named to run before registrations_place (V30), so a refused registration takes no seat.
CREATE TRIGGER registrations_meeting_clash BEFORE INSERT OR UPDATE OF session_id, account_id ON registrations
    FOR EACH ROW EXECUTE FUNCTION registrations_no_meeting();

-- V76's check, the same but for the per-person lock above.
CREATE OR REPLACE FUNCTION meeting_sides_no_session() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    clash bigint;
BEGIN
    IF NEW.busy AND (TG_OP = 'INSERT' OR NOT OLD.busy OR NEW.during <> OLD.during) THEN
        PERFORM pg_advisory_xact_lock(76023, CAST(NEW.account_id % 2147483647 AS integer));
        SELECT s.id INTO clash FROM registrations r JOIN sessions s ON s.id = r.session_id
        WHERE r.account_id = NEW.account_id AND s.cancelled_at IS NULL
          AND tstzrange(s.starts_at, s.ends_at) && NEW.during
        ORDER BY s.starts_at LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'meetings_session_clash_ck: account % is registered for session %', NEW.account_id, clash
                USING ERRCODE = 'check_violation', CONSTRAINT = 'meetings_session_clash_ck', DETAIL = clash::text;
        END IF;
    END IF;
    RETURN NEW;
END $$;

-- Requests whose slot has begun unanswered expire: one statement for every writer and reader that
-- needs it (the meeting pages, booking and answering, registering for a session), each passing the
-- portal's clock. Answers how many expired.
CREATE FUNCTION meetings_expire(p_event bigint, p_now timestamptz) RETURNS integer LANGUAGE sql AS $$
    WITH expired AS (
        UPDATE meetings SET status = 'EXPIRED', version = version + 1
        WHERE event_id = p_event AND status = 'REQUESTED' AND starts_at <= p_now
        RETURNING 1)
    SELECT count(*)::integer FROM expired;
$$;
