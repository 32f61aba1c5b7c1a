-- The whole world by default (issue 22): with demo data on, the first start loads the GeoNames places and then
-- Wikipedia's partnerships through the portal's own imports, in the background. This one row says how far that
-- load went, for every instance: started (the totals of the files), the run of each import (its progress is in
-- import_runs and partnership_import_runs), places loaded, finished. A finished load is never run again.
CREATE TABLE world_loads (
    id                 smallint    PRIMARY KEY DEFAULT 1,
    places_total       bigint      NOT NULL,
    partnerships_total bigint      NOT NULL,
    place_run_id       bigint      REFERENCES import_runs (id) ON DELETE SET NULL,
    partnership_run_id bigint      REFERENCES partnership_import_runs (id) ON DELETE SET NULL,
    attempts           integer     NOT NULL DEFAULT 0,
    started_at         timestamptz NOT NULL DEFAULT now(),
    places_loaded_at   timestamptz,
    finished_at        timestamptz,
    CONSTRAINT world_loads_one_ck CHECK (id = 1),
    CONSTRAINT world_loads_totals_ck CHECK (places_total >= 0 AND partnerships_total >= 0 AND attempts >= 0),
    CONSTRAINT world_loads_order_ck CHECK (finished_at IS NULL OR places_loaded_at IS NOT NULL)
);

-- The home page shows this load's progress: a change advances the public pages' content version (V71).
CREATE CONSTRAINT TRIGGER a_content_changed AFTER INSERT OR UPDATE OR DELETE ON world_loads
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE TRIGGER a_content_truncated AFTER TRUNCATE ON world_loads
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
