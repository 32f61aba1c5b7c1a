-- What the GeoNames import records about a place besides its names: its feature code (PPLC,
-- PPLA, PPLX …) and its first-level division code.
ALTER TABLE municipalities
    ADD COLUMN feature_code varchar(10),
    ADD COLUMN admin1_code  varchar(20),
    ADD CONSTRAINT municipalities_feature_code_ck CHECK (feature_code ~ '^[A-Z0-9]{1,10}$');
