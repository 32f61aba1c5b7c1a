-- Translatable content (issue 20): the texts staff write (an event's title and description, a
-- session's title and abstract, a room's or track's name, a speaker's role, an instrument's name
-- and purpose, a call's title, a free-text condition, a network's full name) keep their original in
-- the column they always had, in the language named by content_lang, and translations beside it
-- in one jsonb column per row, keyed by language and then by field:
--     {"mn": {"title": "…", "description": "…"}, "fr": {"title": "…"}}
-- A page shows the reader's language where there is a text for it, else the original marked with
-- its own language. Lengths are the forms' (the same as the original's column).
CREATE FUNCTION content_translations_ok(t jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_typeof(t) = 'object'
       AND NOT EXISTS (SELECT 1 FROM jsonb_each(t) l
                       WHERE l.key NOT IN ('en', 'mn', 'fr') OR jsonb_typeof(l.value) <> 'object'
                          OR EXISTS (SELECT 1 FROM jsonb_each(l.value) f WHERE jsonb_typeof(f.value) <> 'string'))
$$;

ALTER TABLE events ADD COLUMN content_lang varchar(2) NOT NULL DEFAULT 'en',
    ADD COLUMN translations jsonb NOT NULL DEFAULT '{}',
    ADD CONSTRAINT events_content_lang_ck CHECK (content_lang IN ('en', 'mn', 'fr')),
    ADD CONSTRAINT events_translations_ck CHECK (content_translations_ok(translations));
ALTER TABLE sessions ADD COLUMN content_lang varchar(2) NOT NULL DEFAULT 'en',
    ADD COLUMN translations jsonb NOT NULL DEFAULT '{}',
    ADD CONSTRAINT sessions_content_lang_ck CHECK (content_lang IN ('en', 'mn', 'fr')),
    ADD CONSTRAINT sessions_translations_ck CHECK (content_translations_ok(translations));
ALTER TABLE rooms ADD COLUMN content_lang varchar(2) NOT NULL DEFAULT 'en',
    ADD COLUMN translations jsonb NOT NULL DEFAULT '{}',
    ADD CONSTRAINT rooms_content_lang_ck CHECK (content_lang IN ('en', 'mn', 'fr')),
    ADD CONSTRAINT rooms_translations_ck CHECK (content_translations_ok(translations));
ALTER TABLE tracks ADD COLUMN content_lang varchar(2) NOT NULL DEFAULT 'en',
    ADD COLUMN translations jsonb NOT NULL DEFAULT '{}',
    ADD CONSTRAINT tracks_content_lang_ck CHECK (content_lang IN ('en', 'mn', 'fr')),
    ADD CONSTRAINT tracks_translations_ck CHECK (content_translations_ok(translations));
ALTER TABLE speakers ADD COLUMN content_lang varchar(2) NOT NULL DEFAULT 'en',
    ADD COLUMN translations jsonb NOT NULL DEFAULT '{}',
    ADD CONSTRAINT speakers_content_lang_ck CHECK (content_lang IN ('en', 'mn', 'fr')),
    ADD CONSTRAINT speakers_translations_ck CHECK (content_translations_ok(translations));
ALTER TABLE funding_instruments ADD COLUMN content_lang varchar(2) NOT NULL DEFAULT 'en',
    ADD COLUMN translations jsonb NOT NULL DEFAULT '{}',
    ADD CONSTRAINT funding_instruments_content_lang_ck CHECK (content_lang IN ('en', 'mn', 'fr')),
    ADD CONSTRAINT funding_instruments_translations_ck CHECK (content_translations_ok(translations));
ALTER TABLE funding_calls ADD COLUMN content_lang varchar(2) NOT NULL DEFAULT 'en',
    ADD COLUMN translations jsonb NOT NULL DEFAULT '{}',
    ADD CONSTRAINT funding_calls_content_lang_ck CHECK (content_lang IN ('en', 'mn', 'fr')),
    ADD CONSTRAINT funding_calls_translations_ck CHECK (content_translations_ok(translations));
ALTER TABLE funding_rules ADD COLUMN content_lang varchar(2) NOT NULL DEFAULT 'en',
    ADD COLUMN translations jsonb NOT NULL DEFAULT '{}',
    ADD CONSTRAINT funding_rules_content_lang_ck CHECK (content_lang IN ('en', 'mn', 'fr')),
    ADD CONSTRAINT funding_rules_translations_ck CHECK (content_translations_ok(translations));
ALTER TABLE organisations ADD COLUMN content_lang varchar(2) NOT NULL DEFAULT 'en',
    ADD COLUMN translations jsonb NOT NULL DEFAULT '{}',
    ADD CONSTRAINT organisations_content_lang_ck CHECK (content_lang IN ('en', 'mn', 'fr')),
    ADD CONSTRAINT organisations_translations_ck CHECK (content_translations_ok(translations));

-- Cancelled sessions (issue 19): staff cancel a session rather than delete it, so the agenda
-- still shows it, marked cancelled; its registrations are released in the same transaction, and a
-- cancelled session takes no new ones (the lock that every registration takes says so).
ALTER TABLE sessions ADD COLUMN cancelled_at timestamptz;

CREATE OR REPLACE FUNCTION registrations_lock_capacity(p_event bigint, p_session bigint) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    seats integer;
    open boolean;
    cancelled timestamptz;
BEGIN
    IF p_session IS NULL THEN
        SELECT capacity, registration_open INTO seats, open FROM events WHERE id = p_event FOR NO KEY UPDATE;
        IF NOT FOUND OR NOT open THEN
            RAISE EXCEPTION 'registrations_open_ck: registration for event % is closed', p_event
                USING ERRCODE = 'check_violation', CONSTRAINT = 'registrations_open_ck';
        END IF;
    ELSE
        SELECT capacity, cancelled_at INTO seats, cancelled FROM sessions
         WHERE id = p_session AND event_id = p_event FOR NO KEY UPDATE;
        IF NOT FOUND OR seats IS NULL OR cancelled IS NOT NULL THEN
            RAISE EXCEPTION 'registrations_session_ck: session % of event % takes no registrations', p_session, p_event
                USING ERRCODE = 'check_violation', CONSTRAINT = 'registrations_session_ck';
        END IF;
    END IF;
    RETURN seats;
END $$;
