-- Accent-insensitive and fuzzy matching for the directory search.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
