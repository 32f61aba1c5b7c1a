-- Registrations: delegates (any signed-in account) register for an event or for a session with a
-- limited number of seats (a workshop, a study visit). The database decides, one registration at a
-- time per event or session, whether a delegate gets a seat or a place on the waiting list, so the
-- limit holds however many register at the same instant, and waiting positions stay 1, 2, 3, ...
-- without gaps: a cancelled seat goes to position 1, and everyone behind moves up.
ALTER TABLE events ADD COLUMN registration_open boolean NOT NULL DEFAULT false;
ALTER TABLE events ADD COLUMN capacity integer;
ALTER TABLE events ADD CONSTRAINT events_capacity_ck CHECK (capacity IS NULL OR capacity > 0);

-- A session with a capacity takes registrations of its own; NULL means no registration needed.
ALTER TABLE sessions ADD COLUMN capacity integer;
ALTER TABLE sessions ADD CONSTRAINT sessions_capacity_ck CHECK (capacity IS NULL OR capacity > 0);

CREATE SEQUENCE registrations_recorded_seq;

CREATE TABLE registrations (
    id            bigserial PRIMARY KEY,
    event_id      bigint      NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    session_id    bigint      REFERENCES sessions (id) ON DELETE CASCADE,
    -- 0 for the event itself, so that one key covers both kinds of registration.
    target        bigint      GENERATED ALWAYS AS (coalesce(session_id, 0)) STORED,
    account_id    bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status        varchar(10) NOT NULL,
    position      integer,
    -- The order in which the database recorded the registrations of one event or session: set by
    -- the trigger while it holds the lock, so it is the order that decided seats and positions.
    recorded      bigint      NOT NULL DEFAULT 0,
    registered_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT registrations_status_ck CHECK (status IN ('CONFIRMED', 'WAITING')),
    CONSTRAINT registrations_position_ck CHECK ((status = 'CONFIRMED' AND position IS NULL)
                                                OR (status = 'WAITING' AND position > 0)),
    CONSTRAINT registrations_account_uk UNIQUE (event_id, target, account_id),
    -- Deferred: moving everyone up by one rewrites positions in one statement.
    CONSTRAINT registrations_position_uk EXCLUDE USING btree (event_id WITH =, target WITH =, position WITH =)
        WHERE (status = 'WAITING') DEFERRABLE INITIALLY DEFERRED
);

CREATE INDEX registrations_account_idx ON registrations (account_id);

-- The capacity of what is registered for, locked so that registrations for it queue one behind the other.
CREATE FUNCTION registrations_lock_capacity(p_event bigint, p_session bigint) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    seats integer;
    open boolean;
BEGIN
    IF p_session IS NULL THEN
        SELECT capacity, registration_open INTO seats, open FROM events WHERE id = p_event FOR NO KEY UPDATE;
        IF NOT FOUND OR NOT open THEN
            RAISE EXCEPTION 'registrations_open_ck: registration for event % is closed', p_event
                USING ERRCODE = 'check_violation', CONSTRAINT = 'registrations_open_ck';
        END IF;
    ELSE
        SELECT capacity INTO seats FROM sessions WHERE id = p_session AND event_id = p_event FOR NO KEY UPDATE;
        IF NOT FOUND OR seats IS NULL THEN
            RAISE EXCEPTION 'registrations_session_ck: session % of event % takes no registrations', p_session, p_event
                USING ERRCODE = 'check_violation', CONSTRAINT = 'registrations_session_ck';
        END IF;
    END IF;
    RETURN seats;
END $$;

-- Whatever the caller passes, a new registration gets a seat while there is one, else the next
-- position on the waiting list.
CREATE FUNCTION registrations_place() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    seats integer;
    taken integer;
BEGIN
    seats := registrations_lock_capacity(NEW.event_id, NEW.session_id);
    SELECT count(*) FILTER (WHERE status = 'CONFIRMED'), count(*) FILTER (WHERE status = 'WAITING')
      INTO taken, NEW.position
      FROM registrations WHERE event_id = NEW.event_id AND target = coalesce(NEW.session_id, 0);
    IF seats IS NULL OR taken < seats THEN
        NEW.status := 'CONFIRMED';
        NEW.position := NULL;
    ELSE
        NEW.status := 'WAITING';
        NEW.position := NEW.position + 1;
    END IF;
    NEW.recorded := nextval('registrations_recorded_seq');
    NEW.registered_at := clock_timestamp();
    RETURN NEW;
END $$;

CREATE TRIGGER registrations_place BEFORE INSERT ON registrations
    FOR EACH ROW EXECUTE FUNCTION registrations_place();

-- Status and position change only through cancellation (below), never by a direct update.
CREATE FUNCTION registrations_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF pg_trigger_depth() = 1 AND (NEW.status IS DISTINCT FROM OLD.status OR NEW.position IS DISTINCT FROM OLD.position
                                   OR NEW.event_id <> OLD.event_id OR NEW.target <> OLD.target) THEN
        RAISE EXCEPTION 'registrations_order_ck: seats and positions are assigned by the database'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'registrations_order_ck';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER registrations_guard BEFORE UPDATE ON registrations
    FOR EACH ROW EXECUTE FUNCTION registrations_guard();

-- A cancelled seat goes to position 1; everyone behind a cancelled seat or place moves up by one.
CREATE FUNCTION registrations_move_up() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    seats integer;
    taken integer;
    gap integer;
BEGIN
    IF OLD.session_id IS NULL THEN
        SELECT capacity INTO seats FROM events WHERE id = OLD.event_id FOR NO KEY UPDATE;
    ELSE
        SELECT capacity INTO seats FROM sessions WHERE id = OLD.session_id FOR NO KEY UPDATE;
    END IF;
    IF NOT FOUND THEN
        RETURN NULL; -- the event or session itself is being deleted
    END IF;
    IF OLD.status = 'WAITING' THEN
        gap := OLD.position;
    ELSE
        SELECT count(*) INTO taken FROM registrations
         WHERE event_id = OLD.event_id AND target = OLD.target AND status = 'CONFIRMED';
        IF seats IS NOT NULL AND taken >= seats THEN
            RETURN NULL;
        END IF;
        UPDATE registrations SET status = 'CONFIRMED', position = NULL
         WHERE event_id = OLD.event_id AND target = OLD.target AND status = 'WAITING' AND position = 1;
        IF NOT FOUND THEN
            RETURN NULL;
        END IF;
        gap := 1;
    END IF;
    UPDATE registrations SET position = position - 1
     WHERE event_id = OLD.event_id AND target = OLD.target AND status = 'WAITING' AND position > gap;
    RETURN NULL;
END $$;

CREATE TRIGGER registrations_move_up AFTER DELETE ON registrations
    FOR EACH ROW EXECUTE FUNCTION registrations_move_up();
