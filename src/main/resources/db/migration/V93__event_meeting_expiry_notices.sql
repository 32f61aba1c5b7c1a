-- Forum meetings (issue 23): the person who asked for a meeting is told once when the request
-- expires (its slot began unanswered, V87's meetings_expire). The scheduled round sets
-- expiry_noticed_at in the statement that picks the expired requests, so a second round or a second
-- instance tells nobody twice. Requests that expired before this migration count as told: their
-- slots are past, and telling now would be news of nothing that can still be booked.
ALTER TABLE meetings ADD COLUMN expiry_noticed_at timestamptz;

UPDATE meetings SET expiry_noticed_at = starts_at WHERE status = 'EXPIRED';

-- A request is told only once it has expired.
ALTER TABLE meetings ADD CONSTRAINT meetings_expiry_noticed_ck CHECK (expiry_noticed_at IS NULL OR status = 'EXPIRED');

-- What the round looks for: requests whose slot began (to expire them, event by event) and expired
-- requests not yet told; both small, the rest of the table is left alone.
CREATE INDEX meetings_requested_due_idx ON meetings (starts_at) WHERE status = 'REQUESTED';
CREATE INDEX meetings_expiry_due_idx ON meetings (id) WHERE status = 'EXPIRED' AND expiry_noticed_at IS NULL;
