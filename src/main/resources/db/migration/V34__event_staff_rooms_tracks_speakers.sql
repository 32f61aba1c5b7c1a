-- Staff build events from the portal: a new event with its venue's coordinates; rooms, tracks and
-- speakers edited under optimistic locking; an optional speaker photo kept in the database.

-- The venue's position (WGS 84), both or neither.
ALTER TABLE events ADD COLUMN venue_latitude numeric(8, 6);
ALTER TABLE events ADD COLUMN venue_longitude numeric(9, 6);
ALTER TABLE events ADD CONSTRAINT events_venue_latitude_ck CHECK (venue_latitude BETWEEN -90 AND 90);
ALTER TABLE events ADD CONSTRAINT events_venue_longitude_ck CHECK (venue_longitude BETWEEN -180 AND 180);
ALTER TABLE events ADD CONSTRAINT events_venue_coordinates_ck
    CHECK ((venue_latitude IS NULL) = (venue_longitude IS NULL));

ALTER TABLE rooms ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE rooms ADD CONSTRAINT rooms_name_ck CHECK (length(btrim(name)) > 0);
ALTER TABLE tracks ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE tracks ADD CONSTRAINT tracks_name_ck CHECK (length(btrim(name)) > 0);
ALTER TABLE speakers ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE speakers ADD CONSTRAINT speakers_name_ck CHECK (length(btrim(name)) > 0);

-- Speakers are people who may speak at several events; an event's staff keep the people of their
-- event here (besides those its sessions name), so a speaker can be entered before the sessions.
CREATE TABLE event_speakers (
    event_id   bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    speaker_id bigint NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, speaker_id)
);

CREATE INDEX event_speakers_speaker_idx ON event_speakers (speaker_id);

INSERT INTO event_speakers (event_id, speaker_id)
SELECT DISTINCT s.event_id, ss.speaker_id FROM session_speakers ss JOIN sessions s ON s.id = ss.session_id;

-- A photo of at most 2 MB, JPEG, PNG or WebP (judged by its first bytes when uploaded); the SHA-256
-- of the bytes is the ETag under which browsers cache it.
CREATE TABLE speaker_photos (
    speaker_id bigint      PRIMARY KEY REFERENCES speakers (id) ON DELETE CASCADE,
    media_type varchar(20) NOT NULL,
    content    bytea       NOT NULL,
    sha256     char(64)    NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT speaker_photos_type_ck CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp')),
    CONSTRAINT speaker_photos_size_ck CHECK (octet_length(content) BETWEEN 1 AND 2097152)
);
