-- Changing the capacity of an event or of a session moves its waiting list in the same
-- transaction, as a cancellation does: more seats go to the first people waiting, in order, and
-- everyone behind them moves up; no capacity (unlimited) confirms everyone waiting. A capacity
-- below the number of seats already confirmed is refused: confirmed delegates keep their seats,
-- and staff see how many there are.
CREATE FUNCTION registrations_capacity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    p_event  bigint;
    p_target bigint;
    taken    integer;
    moved    integer;
BEGIN
    IF NEW.capacity IS NOT DISTINCT FROM OLD.capacity THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'events' THEN
        p_event := NEW.id;
        p_target := 0;
    ELSE
        p_event := NEW.event_id;
        p_target := NEW.id;
    END IF;
    SELECT count(*) INTO taken FROM registrations
     WHERE event_id = p_event AND target = p_target AND status = 'CONFIRMED';
    IF NEW.capacity IS NOT NULL AND taken > NEW.capacity THEN
        RAISE EXCEPTION 'registrations_capacity_ck: % seats are confirmed, more than a capacity of %', taken, NEW.capacity
            USING ERRCODE = 'check_violation', CONSTRAINT = 'registrations_capacity_ck';
    END IF;
    UPDATE registrations SET status = 'CONFIRMED', position = NULL
     WHERE event_id = p_event AND target = p_target AND status = 'WAITING'
       AND (NEW.capacity IS NULL OR position <= NEW.capacity - taken);
    GET DIAGNOSTICS moved = ROW_COUNT;
    IF moved > 0 THEN
        UPDATE registrations SET position = position - moved
         WHERE event_id = p_event AND target = p_target AND status = 'WAITING';
    END IF;
    RETURN NULL;
END $$;

-- The UPDATE holds the event's (or session's) row lock, which registrations and cancellations
-- also take: a capacity change and a registration never interleave.
CREATE TRIGGER events_capacity_changed AFTER UPDATE OF capacity ON events
    FOR EACH ROW EXECUTE FUNCTION registrations_capacity_changed();

CREATE TRIGGER sessions_capacity_changed AFTER UPDATE OF capacity ON sessions
    FOR EACH ROW EXECUTE FUNCTION registrations_capacity_changed();
