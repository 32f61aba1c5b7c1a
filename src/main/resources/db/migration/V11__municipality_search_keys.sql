-- Normalised search keys: several per municipality (one per name and per transliteration of it),
-- computed in Java with ICU (SearchKeys). Exact and prefix matches use the btree index, typos the
-- trigram index. The source says who owns a key: 'profile' keys follow the municipality's names,
-- 'geonames' keys the place import, so that each can replace its own without touching the other's.
CREATE TABLE municipality_search_keys (
    municipality_id bigint      NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
    source          varchar(16) NOT NULL,
    key             varchar(300) NOT NULL,
    CONSTRAINT municipality_search_keys_pk PRIMARY KEY (municipality_id, source, key),
    CONSTRAINT municipality_search_keys_source_ck CHECK (source IN ('profile', 'geonames')),
    CONSTRAINT municipality_search_keys_key_ck CHECK (key ~ '^[a-z0-9]+$')
);

CREATE INDEX municipality_search_keys_key_idx ON municipality_search_keys (key text_pattern_ops);
CREATE INDEX municipality_search_keys_trgm_idx ON municipality_search_keys USING gin (key gin_trgm_ops);
