-- Fills the register of a benchmark database: the real Wikipedia pairs matched simply (same name in
-- Latin script, GeoNames spelling or alternate name, within 30 km of the row's coordinates; the
-- nearest wins), then synthetic agreements between GeoNames municipalities up to :target rows.
CREATE TEMP TABLE wiki (city1 text, country1 text, lat1 float8, lng1 float8, city2 text, country2 text, lat2 float8, lng2 float8);
\copy wiki FROM PROGRAM 'zcat /work/shared/data/twin-cities-wikipedia.csv.gz' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE names AS
  SELECT id, lower(name) AS key, latitude::float8 AS lat, longitude::float8 AS lon FROM municipalities WHERE latitude IS NOT NULL
  UNION SELECT id, lower(geonames_name), latitude, longitude FROM municipalities WHERE geonames_name IS NOT NULL AND latitude IS NOT NULL
  UNION SELECT id, lower(n), latitude, longitude FROM municipalities, unnest(alternate_names) n WHERE latitude IS NOT NULL;
CREATE INDEX ON names (key);
ANALYZE names;
CREATE TEMP TABLE matched AS
SELECT w.*, (SELECT n.id FROM names n WHERE n.key = lower(regexp_replace(w.city1, '\s*[(–,].*$', ''))
              AND abs(n.lat - w.lat1) < 0.3 AND abs(n.lon - w.lng1) < 0.5 ORDER BY (n.lat - w.lat1)^2 + (n.lon - w.lng1)^2 LIMIT 1) AS a,
            (SELECT n.id FROM names n WHERE n.key = lower(regexp_replace(w.city2, '\s*[(–,].*$', ''))
              AND abs(n.lat - w.lat2) < 0.3 AND abs(n.lon - w.lng2) < 0.5 ORDER BY (n.lat - w.lat2)^2 + (n.lon - w.lng2)^2 LIMIT 1) AS b
FROM wiki w;
INSERT INTO agreements (type, title, status, party_key, source, source_name, source_attribution, source_url, source_record, imported_at)
SELECT 'SISTER_CITY', city1 || ' – ' || city2, 'ACTIVE', ARRAY[a, b], 'PUBLIC_LIST',
       'Wikipedia: lists of twin towns and sister cities', 'Partnership list from Wikipedia contributors, CC BY-SA 4.0',
       'https://en.wikipedia.org/wiki/Lists_of_twin_towns_and_sister_cities', city1 || ', ' || country1 || ' – ' || city2 || ', ' || country2, now()
FROM matched WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
ON CONFLICT DO NOTHING;
SELECT count(*) AS wikipedia_rows, count(*) FILTER (WHERE a IS NOT NULL AND b IS NOT NULL) AS matched_both FROM matched;
-- Synthetic agreements: random pairs of places with at least 1,000 inhabitants, random years and themes.
SELECT setseed(0.7);
CREATE TEMP TABLE pool AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM municipalities WHERE population >= 1000;
INSERT INTO agreements (type, title, status, party_key, signed_on, verified_at, verified_by_account_id)
WITH picks AS MATERIALIZED (
  SELECT i, 1 + floor(random() * (SELECT count(*) FROM pool))::int AS n1, 1 + floor(random() * (SELECT count(*) FROM pool))::int AS n2,
         DATE '1960-01-01' + (random() * 23000)::int AS signed
  FROM generate_series(1, :target - (SELECT count(*) FROM agreements)) AS i)
SELECT (ARRAY['SISTER_CITY','FRIENDSHIP','MEMORANDUM','TWINNING_PROJECT'])[1 + (i % 4)], 'Synthetic partnership ' || i,
       (ARRAY['ACTIVE','ACTIVE','ACTIVE','SIGNED','DORMANT','ENDED'])[1 + (i % 6)],
       ARRAY[p1.id, p2.id], signed,
       CASE WHEN i % 3 = 0 THEN now() - (i % 1000) * interval '1 hour' END, CASE WHEN i % 3 = 0 THEN 1 END
FROM picks JOIN pool p1 ON p1.n = picks.n1 JOIN pool p2 ON p2.n = picks.n2
WHERE p1.id <> p2.id
ON CONFLICT DO NOTHING;
INSERT INTO agreement_themes (agreement_id, theme_code)
SELECT a.id, (SELECT code FROM themes ORDER BY position OFFSET a.id % 18 LIMIT 1) FROM agreements a ON CONFLICT DO NOTHING;
SELECT count(*) AS agreements FROM agreements;
VACUUM ANALYZE;
