-- A forum of 5 days with 20 rooms, 4 tracks, 150 speakers and 300 sessions (3 a day in each room,
-- two speakers each, never a speaker in two rooms at once), hosted by CEMR from the demo data.
INSERT INTO events (slug, title, kind, host_organisation_id, starts_on, ends_on, time_zone, venue_name, venue_address,
                    description, registration_open, capacity)
SELECT 'bench-forum', 'Benchmark forum', 'FORUM', id, DATE '2026-06-01', DATE '2026-06-05', 'Europe/Brussels',
       'Benchmark venue', 'Brussels', 'A generated programme for the agenda benchmark.', true, 2000
FROM organisations WHERE short_name = 'CEMR';
INSERT INTO rooms (event_id, name, capacity)
SELECT e.id, 'Room ' || lpad(r::text, 2, '0'), 40 + r FROM events e, generate_series(1, 20) r WHERE e.slug = 'bench-forum';
INSERT INTO tracks (event_id, position, name)
SELECT e.id, t, 'Track ' || t FROM events e, generate_series(1, 4) t WHERE e.slug = 'bench-forum';
INSERT INTO speakers (name, role, organisation, bio)
SELECT 'Bench Speaker ' || lpad(n::text, 3, '0'), 'Mayor', 'Municipality ' || n, 'Speaks at the benchmark forum.'
FROM generate_series(0, 149) n;
-- slot 0..14: day = slot / 3, hour 9, 11 or 14; room 1..20.
INSERT INTO sessions (event_id, title, abstract, starts_at, ends_at, room_id, track_id, kind, languages, capacity)
SELECT e.id, 'Session ' || slot || '-' || r.name || ': city-to-city partnerships in practice',
       'An abstract of a generated session about municipal cooperation, funding and networks.',
       ((DATE '2026-06-01' + slot / 3) + make_interval(hours => (ARRAY[9, 11, 14])[slot % 3 + 1]))::timestamp AT TIME ZONE 'Europe/Brussels',
       ((DATE '2026-06-01' + slot / 3) + make_interval(hours => (ARRAY[9, 11, 14])[slot % 3 + 1] + 1, mins => 30))::timestamp AT TIME ZONE 'Europe/Brussels',
       r.id, (SELECT t.id FROM tracks t WHERE t.event_id = e.id AND t.position = 1 + (slot + r.capacity) % 4),
       CASE WHEN r.capacity % 5 = 0 THEN 'WORKSHOP' ELSE 'PANEL' END,
       CASE WHEN r.capacity % 2 = 0 THEN 'English, Mongolian' ELSE 'English, French' END,
       CASE WHEN r.capacity % 5 = 0 THEN 30 END
FROM events e JOIN rooms r ON r.event_id = e.id, generate_series(0, 14) slot WHERE e.slug = 'bench-forum';
INSERT INTO session_speakers (session_id, speaker_id, during)
SELECT s.id, sp.id, 'empty'
FROM (SELECT s.id, dense_rank() OVER (ORDER BY s.starts_at) - 1 AS slot, r.capacity - 41 AS room
      FROM sessions s JOIN rooms r ON r.id = s.room_id JOIN events e ON e.id = s.event_id WHERE e.slug = 'bench-forum') s
JOIN generate_series(0, 1) k ON true
JOIN speakers sp ON sp.name = 'Bench Speaker ' || lpad(((2 * s.room + k + 40 * s.slot) % 150)::text, 3, '0');
ANALYZE;
