-- The register's page in each of its orders without sorting the whole register (issue 21): with
-- the Wikipedia partnerships loaded (about 20,000 agreements) the first page sorted every row for
-- each visit (a sequential scan and a top-50 sort, 30-40 ms of the database's time); an index in
-- the page's own order reads the 50 rows and stops.
CREATE INDEX agreements_signed_desc_idx ON agreements (signed_on DESC NULLS LAST, id DESC);
CREATE INDEX agreements_signed_asc_idx ON agreements (signed_on ASC NULLS LAST, id);
CREATE INDEX agreements_title_idx ON agreements (lower(title), id);
CREATE INDEX agreements_recent_idx ON agreements (created_at DESC, id DESC);
