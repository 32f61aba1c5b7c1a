-- The directory's filters and sorts over 135,000 places: population ranges and the default order
-- (largest first), the country filter with that order, and the order by name.
CREATE INDEX municipalities_population_idx ON municipalities (population DESC NULLS LAST, id);
CREATE INDEX municipalities_country_population_idx ON municipalities (country_code, population DESC NULLS LAST, id);
CREATE INDEX municipalities_name_idx ON municipalities (lower(name), id);
CREATE INDEX municipalities_country_latitude_idx ON municipalities (country_code, latitude);
