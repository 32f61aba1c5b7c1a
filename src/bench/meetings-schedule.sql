-- What a person's meeting schedule runs (issue 23), for pgbench: meetings-bench.sh replaces :event
-- and :me. Left out: the speakers of the sessions shown (none in the generated forum).
SELECT e.id, e.slug, e.title, e.kind, e.host_organisation_id, coalesce(o.short_name, o.name) AS host,
       e.starts_on, e.ends_on, e.time_zone, e.venue_name, e.venue_address, e.description, e.demo,
       e.registration_open, e.capacity, e.content_lang, e.translations::text AS translations
FROM events e JOIN organisations o ON o.id = e.host_organisation_id WHERE e.slug = 'bench-meetings';
SELECT event_id, slot_minutes, booking_open, version FROM meeting_programmes WHERE event_id = :event;
UPDATE meetings SET status = 'EXPIRED', version = version + 1
WHERE event_id = :event AND status = 'REQUESTED' AND starts_at <= now();
SELECT id, account_id, person_name, municipality_id, represents, country_code, offers, seeks, languages, about,
       interpretation, demo, version FROM meeting_profiles WHERE event_id = :event AND account_id = :me;
SELECT m.id, m.requester_id, rp.person_name, rp.represents, m.invitee_id, ip.person_name, ip.represents,
       m.starts_at, m.ends_at, m.status, m.message, t.number, t.room,
       (rp.interpretation <> 'NONE' OR ip.interpretation <> 'NONE'), m.version
FROM meetings m
JOIN meeting_profiles rp ON rp.event_id = m.event_id AND rp.account_id = m.requester_id
JOIN meeting_profiles ip ON ip.event_id = m.event_id AND ip.account_id = m.invitee_id
LEFT JOIN meeting_tables t ON t.id = m.table_id
WHERE m.event_id = :event AND (m.requester_id = :me OR m.invitee_id = :me) ORDER BY m.starts_at, m.id;
SELECT a.session_id FROM agenda_stars a JOIN sessions s ON s.id = a.session_id
WHERE a.account_id = :me AND s.event_id = :event ORDER BY s.starts_at, s.id;
SELECT session_id FROM registrations WHERE event_id = :event AND account_id = :me AND session_id IS NOT NULL;
SELECT s.id, s.event_id, s.title, s.abstract, s.starts_at, s.ends_at, s.room_id, r.name, s.track_id, t.name,
       s.kind, s.languages, s.demo, s.version, s.capacity, s.cancelled_at, s.content_lang,
       s.translations::text, r.content_lang, r.translations::text, t.content_lang, t.translations::text
FROM sessions s LEFT JOIN rooms r ON r.id = s.room_id LEFT JOIN tracks t ON t.id = s.track_id
WHERE s.event_id = :event ORDER BY s.starts_at, r.name NULLS LAST, s.id;
