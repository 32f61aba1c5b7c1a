-- Personal agendas: the sessions a signed-in person starred, and the private addresses at which a
-- calendar application reads them. Only a SHA-256 hash of each secret token is kept, so the table
-- alone does not give anyone a working address; revoking deletes the row.
CREATE TABLE agenda_stars (
    account_id bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    session_id bigint      NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    starred_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, session_id)
);

CREATE INDEX agenda_stars_session_idx ON agenda_stars (session_id);

CREATE TABLE agenda_feeds (
    id         bigserial PRIMARY KEY,
    account_id bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    token_hash bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT agenda_feeds_token_uk UNIQUE (token_hash),
    CONSTRAINT agenda_feeds_hash_ck CHECK (octet_length(token_hash) = 32),
    -- One live address per person: making a new one replaces (revokes) the old.
    CONSTRAINT agenda_feeds_account_uk UNIQUE (account_id)
);
