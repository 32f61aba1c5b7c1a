-- Partner searches (issue 24): the author's side is told once when a search passes its expiry date.
-- The scheduled round sets expiry_noticed_at as it announces, in the same statement, so a second round
-- (another instance, a restart) tells nobody twice; moving the expiry date to a later day clears it.
ALTER TABLE partner_searches ADD COLUMN expiry_noticed_at timestamptz;

CREATE INDEX partner_searches_expiry_due_idx ON partner_searches (expires_at)
    WHERE status = 'OPEN' AND expiry_noticed_at IS NULL;
