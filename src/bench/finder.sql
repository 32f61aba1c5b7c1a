-- The statements the funding finder page needs for a pair (FundingFinder + FundingCatalogue), as
-- pgbench runs them bare: the two municipalities, every rule, every instrument with its themes, and
-- every call not yet closed. :a and :b are set by funding-bench.sh.
SELECT m.id, m.name, m.country_code, c.country_group FROM municipalities m JOIN countries c ON c.code = m.country_code WHERE m.id IN (:a, :b);
SELECT instrument_id, kind, role, country_group, country_code, allowed, body_kind, minimum, condition FROM funding_rules ORDER BY instrument_id, id;
SELECT i.id, i.slug, i.name, i.short_name, i.managing_body, i.purpose, i.funds, i.typical_size, i.typical_duration, i.official_url, i.example, i.version, ARRAY(SELECT it.theme_code FROM funding_instrument_themes it JOIN themes t ON t.code = it.theme_code WHERE it.instrument_id = i.id ORDER BY t.position) AS themes FROM funding_instruments i ORDER BY lower(i.short_name), i.id;
SELECT c.id, c.instrument_id, c.title, c.opens_at, c.closes_at, c.time_zone, c.budget, c.url, c.version FROM funding_calls c WHERE c.closes_at > now() ORDER BY c.closes_at, c.id;
