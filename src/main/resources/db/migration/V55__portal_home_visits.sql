-- The last time each account opened its home page, and the partner suggestions it showed then, so
-- the next visit can mark the suggestions that are new since. Owned by the portal; one row per
-- account, gone with the account.
CREATE TABLE home_visits (
    account_id     bigint      PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    visited_at     timestamptz NOT NULL DEFAULT now(),
    suggestion_ids bigint[]    NOT NULL DEFAULT '{}'
);
