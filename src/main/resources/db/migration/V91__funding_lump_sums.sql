-- Published lump-sum tables (issue 24): for a lump-sum instrument, or one of its calls, the lump sum
-- by number of participants as the programme publishes it, entered by staff with its source. A table
-- belongs to an instrument (call_id NULL) or to one call of that same instrument; at most one each.
-- Its rows never overlap (an exclusion constraint on the participant ranges) and every amount is
-- positive: the database keeps both, whoever writes.
ALTER TABLE funding_calls ADD CONSTRAINT funding_calls_id_instrument_uk UNIQUE (id, instrument_id);

CREATE TABLE funding_lump_sum_tables (
    id            bigserial     PRIMARY KEY,
    instrument_id bigint        NOT NULL REFERENCES funding_instruments (id) ON DELETE CASCADE,
    call_id       bigint,
    source_url    varchar(500)  NOT NULL,
    note          varchar(1000),
    -- The language staff wrote the note in: the page's when saved.
    content_lang  varchar(2)    NOT NULL DEFAULT 'en',
    example       boolean       NOT NULL DEFAULT false,
    -- 0 is the version of "no table yet" that a form opened before the first save carries.
    version       bigint        NOT NULL DEFAULT 1,
    CONSTRAINT funding_lump_sum_tables_call_fk FOREIGN KEY (call_id, instrument_id)
        REFERENCES funding_calls (id, instrument_id) ON DELETE CASCADE,
    CONSTRAINT funding_lump_sum_tables_url_ck CHECK (source_url ~ '^https?://[^\s]+$'),
    CONSTRAINT funding_lump_sum_tables_note_ck CHECK (btrim(note) <> ''),
    CONSTRAINT funding_lump_sum_tables_content_lang_ck CHECK (content_lang IN ('en', 'mn', 'fr')),
    CONSTRAINT funding_lump_sum_tables_version_ck CHECK (version >= 1)
);

CREATE UNIQUE INDEX funding_lump_sum_tables_instrument_uk ON funding_lump_sum_tables (instrument_id) WHERE call_id IS NULL;
CREATE UNIQUE INDEX funding_lump_sum_tables_call_uk ON funding_lump_sum_tables (call_id) WHERE call_id IS NOT NULL;

-- One row: participants from a number (included) to a number (included), or without an upper end;
-- the lump sum in whole euros, or a range of lump sums when the programme publishes one.
CREATE TABLE funding_lump_sums (
    id             bigserial PRIMARY KEY,
    table_id       bigint    NOT NULL REFERENCES funding_lump_sum_tables (id) ON DELETE CASCADE,
    participants   int4range NOT NULL,
    amount_eur     integer   NOT NULL,
    amount_max_eur integer,
    CONSTRAINT funding_lump_sums_participants_ck CHECK (NOT isempty(participants) AND NOT lower_inf(participants)
        AND lower(participants) >= 1 AND (upper_inf(participants) OR upper(participants) <= 100001)),
    CONSTRAINT funding_lump_sums_amount_ck CHECK (amount_eur > 0),
    CONSTRAINT funding_lump_sums_amount_max_ck CHECK (amount_max_eur > amount_eur),
    CONSTRAINT funding_lump_sums_no_overlap EXCLUDE USING gist (table_id WITH =, participants WITH &&)
);

-- The public pages show them: every change advances the content version (V71).
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['funding_lump_sum_tables', 'funding_lump_sums']
    LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER a_content_changed AFTER INSERT OR UPDATE OR DELETE ON %I'
                || ' DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed()', t);
        EXECUTE format('CREATE TRIGGER a_content_truncated AFTER TRUNCATE ON %I'
                || ' FOR EACH STATEMENT EXECUTE FUNCTION content_changed()', t);
    END LOOP;
END
$$;
