-- Issue 22: a place's name in French where it differs from the usual Latin name (regions: Oulan-Bator,
-- Tcherkassy, république de l'Altaï), shown first on French pages (PlaceNames).
ALTER TABLE municipalities ADD COLUMN name_fr varchar(200);
ALTER TABLE municipalities ADD CONSTRAINT municipalities_name_fr_ck CHECK (name_fr IS NULL OR btrim(name_fr) <> '');
