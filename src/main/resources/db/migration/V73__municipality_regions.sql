-- Issue 22: first-level divisions (aimags, provinces, regions, counties, oblasts) are parties of their
-- own in the directory: kind REGION, one per country and GeoNames admin1 code, the municipalities
-- inside them being those of the same country and admin1 code.
ALTER TABLE municipalities DROP CONSTRAINT municipalities_kind_ck;
ALTER TABLE municipalities ADD CONSTRAINT municipalities_kind_ck
    CHECK (kind IN ('CAPITAL', 'REGIONAL_CENTRE', 'TOWN', 'RURAL', 'DISTRICT', 'REGION'));

CREATE UNIQUE INDEX municipalities_region_uk ON municipalities (country_code, admin1_code) WHERE kind = 'REGION';

-- The municipalities inside a region, largest first (the region's profile lists them).
CREATE INDEX municipalities_country_admin1_idx ON municipalities (country_code, admin1_code, population DESC NULLS LAST, id);
