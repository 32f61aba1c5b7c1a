-- A sign-up link carries what the sign-up chose: the password (hashed, as accounts keep it), set on
-- the account only when the link is followed with it, so that someone who signs up an address that
-- is not theirs gets no account that its owner could later open; and the page of this site the
-- person came from, to return to once the address is confirmed (a path on this site, never a host).
ALTER TABLE account_tokens ADD COLUMN password_hash varchar(500);
ALTER TABLE account_tokens ADD COLUMN next_path varchar(500);
ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_next_ck
    CHECK (next_path IS NULL OR (next_path LIKE '/%' AND next_path NOT LIKE '//%' AND position('\' IN next_path) = 0));
ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_signup_ck
    CHECK ((password_hash IS NULL AND next_path IS NULL) OR purpose = 'EMAIL_CHECK');
