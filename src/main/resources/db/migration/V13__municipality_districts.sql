-- A section of a city (GeoNames PPLX) is kept as a district of that city.
ALTER TABLE municipalities
    ADD COLUMN district_of bigint REFERENCES municipalities (id) ON DELETE SET NULL,
    ADD CONSTRAINT municipalities_district_of_ck CHECK (district_of <> id);

ALTER TABLE municipalities DROP CONSTRAINT municipalities_kind_ck;
ALTER TABLE municipalities ADD CONSTRAINT municipalities_kind_ck
    CHECK (kind IN ('CAPITAL', 'REGIONAL_CENTRE', 'TOWN', 'RURAL', 'DISTRICT'));

CREATE INDEX municipalities_district_of_idx ON municipalities (district_of) WHERE district_of IS NOT NULL;
