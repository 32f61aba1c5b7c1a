-- Forum events and their programmes. The database itself refuses a programme that cannot be:
-- a room or a speaker in two overlapping sessions, a session ending before it starts, or a
-- session outside its event's dates (in the event's own time zone).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE events (
    id                   bigserial PRIMARY KEY,
    slug                 varchar(80)  NOT NULL,
    title                varchar(200) NOT NULL,
    kind                 varchar(30)  NOT NULL,
    host_organisation_id bigint       NOT NULL REFERENCES organisations (id),
    starts_on            date         NOT NULL,
    ends_on              date         NOT NULL,
    -- An IANA zone id, checked against java.time.ZoneId when written.
    time_zone            varchar(64)  NOT NULL,
    venue_name           varchar(200) NOT NULL,
    venue_address        varchar(300),
    description          text,
    demo                 boolean      NOT NULL DEFAULT false,
    version              bigint       NOT NULL DEFAULT 0,
    CONSTRAINT events_slug_uk UNIQUE (slug),
    CONSTRAINT events_slug_ck CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT events_kind_ck CHECK (kind IN ('FORUM', 'NETWORKING_MEETING', 'ROUNDTABLE', 'SUMMIT', 'STUDY_VISIT')),
    CONSTRAINT events_dates_ck CHECK (ends_on >= starts_on)
);

CREATE TABLE rooms (
    id       bigserial PRIMARY KEY,
    event_id bigint       NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name     varchar(200) NOT NULL,
    capacity integer,
    CONSTRAINT rooms_name_uk UNIQUE (event_id, name),
    -- Lets a session refer to a room of its own event only.
    CONSTRAINT rooms_event_uk UNIQUE (id, event_id),
    CONSTRAINT rooms_capacity_ck CHECK (capacity IS NULL OR capacity > 0)
);

CREATE TABLE tracks (
    id       bigserial PRIMARY KEY,
    event_id bigint       NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position integer      NOT NULL,
    name     varchar(200) NOT NULL,
    CONSTRAINT tracks_name_uk UNIQUE (event_id, name),
    CONSTRAINT tracks_event_uk UNIQUE (id, event_id)
);

CREATE TABLE speakers (
    id           bigserial PRIMARY KEY,
    name         varchar(200) NOT NULL,
    role         varchar(200),
    organisation varchar(200),
    demo         boolean      NOT NULL DEFAULT false
);

CREATE TABLE sessions (
    id        bigserial PRIMARY KEY,
    event_id  bigint       NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    title     varchar(300) NOT NULL,
    abstract  text,
    starts_at timestamptz  NOT NULL,
    ends_at   timestamptz  NOT NULL,
    room_id   bigint,
    track_id  bigint,
    kind      varchar(20)  NOT NULL,
    languages varchar(200),
    demo      boolean      NOT NULL DEFAULT false,
    version   bigint       NOT NULL DEFAULT 0,
    CONSTRAINT sessions_room_fk FOREIGN KEY (room_id, event_id) REFERENCES rooms (id, event_id),
    CONSTRAINT sessions_track_fk FOREIGN KEY (track_id, event_id) REFERENCES tracks (id, event_id),
    CONSTRAINT sessions_kind_ck CHECK (kind IN ('PLENARY', 'PANEL', 'WORKSHOP', 'NETWORKING', 'VISIT')),
    CONSTRAINT sessions_end_after_start_ck CHECK (ends_at > starts_at),
    -- Half-open ranges: a session may start the minute the previous one in the room ends.
    CONSTRAINT sessions_room_no_overlap EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (room_id IS NOT NULL)
);

CREATE INDEX sessions_event_starts_idx ON sessions (event_id, starts_at);

-- The session's time range is copied onto each of its speakers' rows so that one exclusion
-- constraint can see both the speaker and the time. Triggers keep the copy exact: it is set from
-- the session on insert (whatever the caller passes) and rewritten when the session moves, so a
-- move that would double-book a speaker fails on this constraint inside the same statement.
CREATE TABLE session_speakers (
    session_id bigint    NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    speaker_id bigint    NOT NULL REFERENCES speakers (id),
    during     tstzrange NOT NULL,
    PRIMARY KEY (session_id, speaker_id),
    CONSTRAINT session_speakers_no_overlap EXCLUDE USING gist (speaker_id WITH =, during WITH &&)
);

CREATE FUNCTION session_speakers_copy_time() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT tstzrange(s.starts_at, s.ends_at) INTO NEW.during FROM sessions s WHERE s.id = NEW.session_id;
    RETURN NEW;
END $$;

CREATE TRIGGER session_speakers_copy_time BEFORE INSERT OR UPDATE ON session_speakers
    FOR EACH ROW EXECUTE FUNCTION session_speakers_copy_time();

CREATE FUNCTION sessions_follow_time() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE session_speakers SET during = tstzrange(NEW.starts_at, NEW.ends_at) WHERE session_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER sessions_follow_time AFTER UPDATE OF starts_at, ends_at ON sessions
    FOR EACH ROW EXECUTE FUNCTION sessions_follow_time();

-- A session lies within its event's days, from midnight of the first to midnight after the last,
-- in the event's own zone (so a Brussels day is a Brussels day, summer time or not).
CREATE FUNCTION sessions_within_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    e events%ROWTYPE;
BEGIN
    SELECT * INTO e FROM events WHERE id = NEW.event_id;
    IF NEW.starts_at < (e.starts_on::timestamp AT TIME ZONE e.time_zone)
       OR NEW.ends_at > ((e.ends_on + 1)::timestamp AT TIME ZONE e.time_zone) THEN
        RAISE EXCEPTION 'sessions_within_event_ck: session % lies outside the dates of event %', NEW.id, NEW.event_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sessions_within_event_ck';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER sessions_within_event BEFORE INSERT OR UPDATE OF starts_at, ends_at, event_id ON sessions
    FOR EACH ROW EXECUTE FUNCTION sessions_within_event();

-- Moving an event's dates may not strand its sessions outside them.
CREATE FUNCTION events_keep_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM sessions s WHERE s.event_id = NEW.id
               AND (s.starts_at < (NEW.starts_on::timestamp AT TIME ZONE NEW.time_zone)
                    OR s.ends_at > ((NEW.ends_on + 1)::timestamp AT TIME ZONE NEW.time_zone))) THEN
        RAISE EXCEPTION 'sessions_within_event_ck: event % would leave sessions outside its dates', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sessions_within_event_ck';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER events_keep_sessions BEFORE UPDATE OF starts_on, ends_on, time_zone ON events
    FOR EACH ROW EXECUTE FUNCTION events_keep_sessions();
