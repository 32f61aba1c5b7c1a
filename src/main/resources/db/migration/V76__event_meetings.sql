-- Meetings at a forum (issue 23): the host's staff switch on a meeting programme for an event
-- (windows cut into slots of one length, numbered tables); people registered for the event opt in
-- with a meeting profile (their consent to be listed to the event's other participants); one asks
-- another for a meeting in a slot, the other accepts (and the meeting gets a free table) or
-- declines. PostgreSQL refuses what cannot be: a person in two overlapping meetings (asked or
-- accepted), a table in two overlapping accepted meetings, a meeting outside the slots of a window,
-- a meeting over a session the person registered for, a window over a plenary session unless staff
-- confirmed it.

CREATE TABLE meeting_programmes (
    event_id     bigint  PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    slot_minutes integer NOT NULL,
    booking_open boolean NOT NULL DEFAULT true,
    version      bigint  NOT NULL DEFAULT 0,
    CONSTRAINT meeting_programmes_slot_ck CHECK (slot_minutes BETWEEN 10 AND 120)
);

CREATE TABLE meeting_windows (
    id                bigserial   PRIMARY KEY,
    event_id          bigint      NOT NULL REFERENCES meeting_programmes (event_id) ON DELETE CASCADE,
    starts_at         timestamptz NOT NULL,
    ends_at           timestamptz NOT NULL,
    -- Staff said the window may run beside a plenary session.
    overlap_confirmed boolean     NOT NULL DEFAULT false,
    CONSTRAINT meeting_windows_order_ck CHECK (ends_at > starts_at),
    CONSTRAINT meeting_windows_no_overlap EXCLUDE USING gist (event_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
);

CREATE TABLE meeting_tables (
    id       bigserial    PRIMARY KEY,
    event_id bigint       NOT NULL REFERENCES meeting_programmes (event_id) ON DELETE CASCADE,
    number   integer      NOT NULL,
    room     varchar(200),
    CONSTRAINT meeting_tables_number_uk UNIQUE (event_id, number),
    CONSTRAINT meeting_tables_event_uk UNIQUE (id, event_id),
    CONSTRAINT meeting_tables_number_ck CHECK (number BETWEEN 1 AND 999)
);

-- A window lies within its event's days (in the event's zone) and, unless staff confirmed it,
-- beside no plenary session of the event.
CREATE FUNCTION meeting_windows_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    e events%ROWTYPE;
    plenary bigint;
BEGIN
    SELECT * INTO e FROM events WHERE id = NEW.event_id;
    IF NEW.starts_at < (e.starts_on::timestamp AT TIME ZONE e.time_zone)
       OR NEW.ends_at > ((e.ends_on + 1)::timestamp AT TIME ZONE e.time_zone) THEN
        RAISE EXCEPTION 'meeting_windows_within_event_ck: window lies outside the dates of event %', NEW.event_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'meeting_windows_within_event_ck';
    END IF;
    IF NOT NEW.overlap_confirmed THEN
        SELECT s.id INTO plenary FROM sessions s
        WHERE s.event_id = NEW.event_id AND s.kind = 'PLENARY' AND s.cancelled_at IS NULL
          AND tstzrange(s.starts_at, s.ends_at) && tstzrange(NEW.starts_at, NEW.ends_at)
        ORDER BY s.starts_at LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'meeting_windows_plenary_ck: window overlaps plenary session %', plenary
                USING ERRCODE = 'check_violation', CONSTRAINT = 'meeting_windows_plenary_ck', DETAIL = plenary::text;
        END IF;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER meeting_windows_check BEFORE INSERT OR UPDATE ON meeting_windows
    FOR EACH ROW EXECUTE FUNCTION meeting_windows_check();

-- The consent to be listed to the event's other participants: withdrawing deletes the row.
CREATE TABLE meeting_profiles (
    id              bigserial    PRIMARY KEY,
    event_id        bigint       NOT NULL REFERENCES meeting_programmes (event_id) ON DELETE CASCADE,
    account_id      bigint       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    municipality_id bigint       REFERENCES municipalities (id),
    person_name     varchar(200) NOT NULL,
    represents      varchar(200) NOT NULL,
    country_code    char(2)      NOT NULL REFERENCES countries (code),
    offers          varchar(40)[] NOT NULL DEFAULT '{}',
    seeks           varchar(40)[] NOT NULL DEFAULT '{}',
    languages       varchar(8)[] NOT NULL DEFAULT '{}',
    about           varchar(800),
    -- The language a Mongolian speaker needs interpreted to or from: EN, FR, or NONE.
    interpretation  varchar(4)   NOT NULL DEFAULT 'NONE',
    consented_at    timestamptz  NOT NULL DEFAULT now(),
    demo            boolean      NOT NULL DEFAULT false,
    version         bigint       NOT NULL DEFAULT 0,
    CONSTRAINT meeting_profiles_account_uk UNIQUE (event_id, account_id),
    CONSTRAINT meeting_profiles_interpretation_ck CHECK (interpretation IN ('NONE', 'EN', 'FR'))
);

CREATE TABLE meetings (
    id             bigserial    PRIMARY KEY,
    event_id       bigint       NOT NULL REFERENCES meeting_programmes (event_id) ON DELETE CASCADE,
    requester_id   bigint       NOT NULL,
    invitee_id     bigint       NOT NULL,
    starts_at      timestamptz  NOT NULL,
    ends_at        timestamptz  NOT NULL,
    status         varchar(10)  NOT NULL DEFAULT 'REQUESTED',
    message        varchar(500),
    table_id       bigint,
    requested_at   timestamptz  NOT NULL DEFAULT now(),
    answered_at    timestamptz,
    demo           boolean      NOT NULL DEFAULT false,
    version        bigint       NOT NULL DEFAULT 0,
    during         tstzrange    GENERATED ALWAYS AS (tstzrange(starts_at, ends_at)) STORED,
    -- Both sides have opted in; withdrawing a profile takes its meetings with it.
    CONSTRAINT meetings_requester_fk FOREIGN KEY (event_id, requester_id)
        REFERENCES meeting_profiles (event_id, account_id) ON DELETE CASCADE,
    CONSTRAINT meetings_invitee_fk FOREIGN KEY (event_id, invitee_id)
        REFERENCES meeting_profiles (event_id, account_id) ON DELETE CASCADE,
    CONSTRAINT meetings_table_fk FOREIGN KEY (table_id, event_id) REFERENCES meeting_tables (id, event_id),
    CONSTRAINT meetings_sides_ck CHECK (requester_id <> invitee_id),
    CONSTRAINT meetings_order_ck CHECK (ends_at > starts_at),
    CONSTRAINT meetings_status_ck CHECK (status IN ('REQUESTED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'HELD', 'MISSED')),
    CONSTRAINT meetings_table_ck CHECK (table_id IS NULL OR status IN ('ACCEPTED', 'HELD', 'MISSED')),
    CONSTRAINT meetings_table_no_overlap EXCLUDE USING gist (table_id WITH =, during WITH &&)
        WHERE (table_id IS NOT NULL)
);

CREATE INDEX meetings_event_idx ON meetings (event_id, starts_at);
CREATE INDEX meetings_requester_idx ON meetings (requester_id);
CREATE INDEX meetings_invitee_idx ON meetings (invitee_id);

-- Each side of a meeting as a row of its own, so that one exclusion constraint sees a person
-- whichever side they are on. Triggers keep the rows exact: written when the meeting is asked for,
-- and "busy" while it is asked for or accepted (and after, held or missed); a declined or expired
-- request frees the slot.
CREATE TABLE meeting_sides (
    meeting_id bigint    NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    account_id bigint    NOT NULL,
    during     tstzrange NOT NULL,
    busy       boolean   NOT NULL,
    PRIMARY KEY (meeting_id, account_id),
    CONSTRAINT meeting_sides_no_overlap EXCLUDE USING gist (account_id WITH =, during WITH &&) WHERE (busy)
);

CREATE INDEX meeting_sides_account_idx ON meeting_sides (account_id);

-- A meeting fills exactly one slot of one of its event's windows.
CREATE FUNCTION meetings_in_slot() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    slot integer;
BEGIN
    SELECT slot_minutes INTO slot FROM meeting_programmes WHERE event_id = NEW.event_id;
    IF NEW.ends_at - NEW.starts_at <> make_interval(mins => slot)
       OR NOT EXISTS (SELECT 1 FROM meeting_windows w WHERE w.event_id = NEW.event_id
                      AND NEW.starts_at >= w.starts_at AND NEW.ends_at <= w.ends_at
                      AND mod(CAST(extract(epoch FROM NEW.starts_at - w.starts_at) AS bigint), slot * 60) = 0) THEN
        RAISE EXCEPTION 'meetings_slot_ck: meeting is not a slot of event %', NEW.event_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'meetings_slot_ck';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER meetings_in_slot BEFORE INSERT OR UPDATE OF starts_at, ends_at ON meetings
    FOR EACH ROW EXECUTE FUNCTION meetings_in_slot();

CREATE FUNCTION meetings_write_sides() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    is_busy boolean := NEW.status IN ('REQUESTED', 'ACCEPTED', 'HELD', 'MISSED');
BEGIN
    IF TG_OP = 'INSERT' THEN
        -- Lower account first: simultaneous bookings take their rows in one order, so they queue rather than deadlock.
        INSERT INTO meeting_sides (meeting_id, account_id, during, busy)
        VALUES (NEW.id, least(NEW.requester_id, NEW.invitee_id), NEW.during, is_busy),
               (NEW.id, greatest(NEW.requester_id, NEW.invitee_id), NEW.during, is_busy);
    ELSE
        UPDATE meeting_sides SET during = NEW.during, busy = is_busy
        WHERE meeting_id = NEW.id AND (busy <> is_busy OR during <> NEW.during);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER meetings_write_sides AFTER INSERT OR UPDATE OF status, starts_at, ends_at ON meetings
    FOR EACH ROW EXECUTE FUNCTION meetings_write_sides();

-- Nobody is busy in a meeting over a session they registered for (a seat or the waiting list).
CREATE FUNCTION meeting_sides_no_session() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    clash bigint;
BEGIN
    IF NEW.busy AND (TG_OP = 'INSERT' OR NOT OLD.busy OR NEW.during <> OLD.during) THEN
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

CREATE TRIGGER meeting_sides_no_session BEFORE INSERT OR UPDATE ON meeting_sides
    FOR EACH ROW EXECUTE FUNCTION meeting_sides_no_session();
