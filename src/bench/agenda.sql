-- What the agenda page of the benchmark forum runs (EventCatalogue.agenda), on one connection without
-- a transaction, as the page does: the event, its speakers, its sessions with their speakers' ids, its
-- rooms, its tracks. Keep in step with EventCatalogue.agenda. The page runs the same five statements for
-- a list, a timetable, a filtered view or any day: it filters and picks the day from this one read.
SELECT e.id, e.slug, e.title, e.kind, e.host_organisation_id, coalesce(o.short_name, o.name) AS host,
       e.starts_on, e.ends_on, e.time_zone, e.venue_name, e.venue_address, e.description, e.demo,
       e.registration_open, e.capacity
FROM events e JOIN organisations o ON o.id = e.host_organisation_id
 WHERE e.slug = 'bench-forum' \gset event_
SELECT sp.id, sp.name, sp.role, sp.organisation, sp.demo, NULL FROM speakers sp
WHERE sp.id IN (SELECT ss.speaker_id FROM session_speakers ss JOIN sessions s ON s.id = ss.session_id
                WHERE s.event_id = :event_id)
ORDER BY sp.name, sp.id;
SELECT s.id, s.event_id, s.title, NULL, s.starts_at, s.ends_at, s.room_id, r.name, s.track_id, t.name,
       s.kind, s.languages, s.demo, s.version, s.capacity,
       (SELECT array_agg(ss.speaker_id) FROM session_speakers ss WHERE ss.session_id = s.id)
FROM sessions s LEFT JOIN rooms r ON r.id = s.room_id LEFT JOIN tracks t ON t.id = s.track_id
WHERE s.event_id = :event_id
ORDER BY s.starts_at, r.name NULLS LAST, s.id;
SELECT id, name, capacity FROM rooms WHERE event_id = :event_id ORDER BY name, id;
SELECT id, position, name FROM tracks WHERE event_id = :event_id ORDER BY position, id;
