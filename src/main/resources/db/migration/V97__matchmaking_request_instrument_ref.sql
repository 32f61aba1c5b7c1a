-- The instrument a partnership request proposes, by reference as well as by name: the name was
-- stored in the language of the officer who sent it, so a Mongolian reader of a request sent from a
-- French page read the French name. With the instrument's id, each reader gets its name in their own
-- language; the stored name stays for an instrument removed since (the reference then goes).
ALTER TABLE partnership_requests
    ADD COLUMN proposed_instrument_id bigint REFERENCES funding_instruments (id) ON DELETE SET NULL;

-- Requests sent before: the instrument whose original or translated name the request holds.
UPDATE partnership_requests r SET proposed_instrument_id = (
    SELECT f.id FROM funding_instruments f
    WHERE f.name = r.proposed_instrument
       OR EXISTS (SELECT 1 FROM jsonb_each(f.translations) l WHERE l.value ->> 'name' = r.proposed_instrument)
    ORDER BY f.id LIMIT 1)
WHERE r.proposed_instrument IS NOT NULL;

CREATE INDEX partnership_requests_instrument_ix ON partnership_requests (proposed_instrument_id)
    WHERE proposed_instrument_id IS NOT NULL;
