-- The agreement an accepted partnership request led to: the draft created when it was accepted,
-- or the agreement of that type the two municipalities already had (the register's duplicate rule
-- allows one). One column, so a request has at most one; only an accepted request has one. Not
-- unique: a later request between the same pair, accepted while the first one's draft is still
-- open, leads to that same agreement rather than to none. The agreement's page lists the
-- requests it came from.
ALTER TABLE partnership_requests
    ADD COLUMN agreement_id bigint REFERENCES agreements (id) ON DELETE SET NULL,
    ADD CONSTRAINT partnership_requests_agreement_ck CHECK (agreement_id IS NULL OR status = 'ACCEPTED');

CREATE INDEX partnership_requests_agreement_idx ON partnership_requests (agreement_id) WHERE agreement_id IS NOT NULL;

-- Requests accepted before drafts were created on acceptance lead to the pair's open agreement,
-- if the register has one (the earliest, sister-city first).
UPDATE partnership_requests r
SET agreement_id = (
    SELECT a.id FROM agreements a
    WHERE a.party_key = ARRAY[least(r.from_municipality_id, r.to_municipality_id),
                              greatest(r.from_municipality_id, r.to_municipality_id)]
      AND a.status <> 'ENDED'
    ORDER BY (a.type = 'SISTER_CITY') DESC, a.id
    LIMIT 1)
WHERE r.status = 'ACCEPTED';
