-- Benchmark data for the activities (issue 25): 3,000 generated towns, 21,000 agreements between
-- them (each town with its 7 next neighbours in a ring of five countries: distinct pairs), signed
-- between 1990 and last month (unverified), and 50,000 activities spread over the last 15 years (one in five with
-- an end day), a theme on every third; then ANALYZE, as after any bulk load. Marked by geonames ids
-- from 995,000,001 and the title prefix "Bench".
SELECT setseed(0.25) \g /dev/null
INSERT INTO municipalities (name, country_code, kind, latitude, longitude, geonames_id)
SELECT 'Bench town ' || n, (ARRAY['MN', 'DE', 'FR', 'HU', 'BE'])[1 + n % 5], 'TOWN',
       40 + (n % 200) * 0.1, 10 + (n / 200) * 0.5, 995000000 + n
FROM generate_series(1, 3000) n;
CREATE TEMP TABLE bench_towns AS
  SELECT row_number() OVER (ORDER BY geonames_id) - 1 AS n, id FROM municipalities WHERE geonames_id > 995000000;
INSERT INTO agreements (type, title, status, party_key, signed_on)
SELECT 'SISTER_CITY', 'Bench partnership ' || i, 'ACTIVE', ARRAY[least(a.id, b.id), greatest(a.id, b.id)],
       current_date - 30 - floor(random() * 35 * 365)::int
FROM generate_series(0, 20999) i
JOIN bench_towns a ON a.n = i % 3000
JOIN bench_towns b ON b.n = (i % 3000 + i / 3000 + 1) % 3000
ON CONFLICT DO NOTHING;
CREATE TEMP TABLE bench_agreements AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM agreements WHERE title LIKE 'Bench partnership %';
INSERT INTO agreement_activities (agreement_id, kind, title, starts_on, ends_on, participants)
SELECT g.id, (ARRAY['EXCHANGE_VISIT', 'JOINT_PROJECT', 'STUDY_VISIT', 'JOINT_EVENT', 'TRAINING', 'TECHNICAL_ASSISTANCE'])[1 + j % 6],
       'Bench activity ' || j, s.day, CASE WHEN j % 5 = 0 THEN s.day + 3 + j % 60 END, 5 + j % 40
FROM generate_series(0, 49999) j
-- (j in the lateral's expressions makes PostgreSQL draw again for every row)
CROSS JOIN LATERAL (SELECT current_date - floor(random() * 15 * 365)::int - 0 * j AS day,
                           floor(random() * (SELECT count(*) FROM bench_agreements))::int + 0 * j AS pick) s
JOIN bench_agreements g ON g.n = s.pick;
WITH t AS (SELECT array_agg(code ORDER BY position) AS codes FROM themes)
INSERT INTO agreement_activity_themes (activity_id, theme_code)
SELECT x.id, t.codes[1 + (x.id % cardinality(t.codes))::int]
FROM agreement_activities x CROSS JOIN t WHERE x.title LIKE 'Bench activity %' AND x.id % 3 = 0;
ANALYZE;
