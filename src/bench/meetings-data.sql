-- A generated forum for the meetings benchmark (issue 23): 'bench-meetings', two days in Brussels,
-- two windows of 24 slots of 20 minutes, 50 tables, 300 participants (Darkhan's demo officer and
-- 299 generated delegates, each for a demo municipality, registered and opted in) and 2,000
-- accepted meetings, never a person or a table twice in a slot (the exclusion constraints are on).
\set ON_ERROR_STOP on
INSERT INTO events (slug, title, kind, host_organisation_id, starts_on, ends_on, time_zone, venue_name, registration_open)
SELECT 'bench-meetings', 'Benchmark forum with meetings', 'FORUM', o.id, DATE '2031-03-10', DATE '2031-03-11',
       'Europe/Brussels', 'House of Municipalities', true
FROM organisations o WHERE o.short_name = 'CEMR';
INSERT INTO meeting_programmes (event_id, slot_minutes) SELECT id, 20 FROM events WHERE slug = 'bench-meetings';
INSERT INTO meeting_windows (event_id, starts_at, ends_at)
SELECT e.id, (d::date + TIME '09:00') AT TIME ZONE 'Europe/Brussels', (d::date + TIME '17:00') AT TIME ZONE 'Europe/Brussels'
FROM events e, generate_series(DATE '2031-03-10', DATE '2031-03-11', interval '1 day') d WHERE e.slug = 'bench-meetings';
INSERT INTO meeting_tables (event_id, number, room) SELECT e.id, n, 'House of Municipalities'
FROM events e, generate_series(1, 50) n WHERE e.slug = 'bench-meetings';

INSERT INTO accounts (email, display_name, role)
SELECT 'bench.delegate.' || n || '@example.org', 'Bench delegate ' || n, 'DELEGATE' FROM generate_series(1, 299) n;

CREATE TEMP TABLE bench_people AS
SELECT row_number() OVER (ORDER BY a.email <> 'officer.darkhan@citybridge.example', a.id) - 1 AS k, a.id AS account_id
FROM accounts a WHERE a.email LIKE 'bench.delegate.%' OR a.email = 'officer.darkhan@citybridge.example';

INSERT INTO registrations (event_id, account_id, status)
SELECT e.id, p.account_id, 'WAITING' FROM events e, bench_people p WHERE e.slug = 'bench-meetings' ORDER BY p.k;

WITH places AS (SELECT m.id, m.name, m.country_code, row_number() OVER (ORDER BY m.id) - 1 AS i, count(*) OVER () AS total
                FROM municipalities m)
INSERT INTO meeting_profiles (event_id, account_id, person_name, municipality_id, represents, country_code, offers, seeks, languages,
                              interpretation)
SELECT e.id, p.account_id, 'Bench delegate ' || p.k, pl.id, pl.name, pl.country_code,
       ARRAY(SELECT theme_code FROM municipality_offered_themes WHERE municipality_id = pl.id),
       ARRAY(SELECT theme_code FROM municipality_sought_themes WHERE municipality_id = pl.id),
       CASE WHEN pl.country_code = 'MN' THEN '{mn,en}'::varchar[] ELSE '{en,fr}'::varchar[] END,
       CASE WHEN pl.country_code = 'MN' AND p.k % 3 = 0 THEN 'EN' WHEN pl.country_code = 'MN' AND p.k % 3 = 1 THEN 'FR' ELSE 'NONE' END
FROM events e, bench_people p JOIN places pl ON pl.i = p.k % pl.total
WHERE e.slug = 'bench-meetings';

-- Slot s (0..47), meeting j (0..41): persons 2j and 2j+1 shifted by 7s, disjoint within a slot; table j+1.
WITH slots AS (
    SELECT s, w.starts_at + make_interval(mins => 20 * (s % 24)) AS starts_at
    FROM generate_series(0, 47) s
    JOIN LATERAL (SELECT starts_at FROM meeting_windows ww JOIN events e ON e.id = ww.event_id
                  WHERE e.slug = 'bench-meetings' ORDER BY starts_at OFFSET s / 24 LIMIT 1) w ON true),
pairs AS (
    SELECT sl.s, j, sl.starts_at FROM slots sl, generate_series(0, 41) j ORDER BY sl.s, j LIMIT 2000)
INSERT INTO meetings (event_id, requester_id, invitee_id, starts_at, ends_at, status, table_id)
SELECT e.id, a.account_id, b.account_id, pr.starts_at, pr.starts_at + interval '20 minutes', 'ACCEPTED', t.id
FROM pairs pr
JOIN events e ON e.slug = 'bench-meetings'
JOIN bench_people a ON a.k = (2 * pr.j + 7 * pr.s) % 300
JOIN bench_people b ON b.k = (2 * pr.j + 1 + 7 * pr.s) % 300
JOIN meeting_tables t ON t.event_id = e.id AND t.number = pr.j + 1;

ANALYZE;
