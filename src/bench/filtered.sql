-- The SQL the directory runs for country=MN&kind=RURAL&sort=name, bare.
SELECT count(*) FROM municipalities m WHERE m.country_code IN ('MN') AND m.kind IN ('RURAL');
SELECT m.id, m.name, m.native_name, m.country_code, m.division, m.kind, m.population, m.seeking_partners, d.name AS district_of_name FROM municipalities m LEFT JOIN municipalities d ON d.id = m.district_of WHERE m.country_code IN ('MN') AND m.kind IN ('RURAL') ORDER BY lower(m.name), m.id LIMIT 20 OFFSET 0;
