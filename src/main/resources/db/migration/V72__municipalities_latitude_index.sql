-- The partnership import asks, for a row whose coordinates lie far from every place of its name,
-- whether those coordinates are in another country (places of other countries around them, none
-- of the row's own): a box around the coordinates without a country, found by latitude.
CREATE INDEX municipalities_latitude_idx ON municipalities (latitude, longitude);
