-- Where an import run keeps the copy of its upload while it runs (a file in the temp directory of
-- its instance, up to 50 MB). A run that ends removes it and clears the path; a run whose instance
-- died keeps it, and the instance that marks the run interrupted removes it.
ALTER TABLE import_runs ADD COLUMN upload_path text;
CREATE INDEX import_runs_upload_left_idx ON import_runs (id) WHERE upload_path IS NOT NULL;
