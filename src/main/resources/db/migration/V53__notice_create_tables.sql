-- The language an account reads the portal and its mails in (set at sign-up or on accepting an
-- invitation, changed in the account's settings).
ALTER TABLE accounts ADD COLUMN language varchar(2) NOT NULL DEFAULT 'en';
ALTER TABLE accounts ADD CONSTRAINT accounts_language_ck CHECK (language IN ('en', 'mn', 'fr'));

-- What was announced to whom. The message is kept as its kind and arguments, and written in the
-- reader's language when shown or mailed. delivery is decided when the notice is made, from the
-- recipient's preference for the kind at that moment.
CREATE TABLE notices (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind       varchar(40)  NOT NULL,
    args       text[]       NOT NULL DEFAULT '{}',
    link       varchar(500),
    created_at timestamptz  NOT NULL DEFAULT now(),
    read_at    timestamptz,
    delivery   varchar(10)  NOT NULL,
    mailed_at  timestamptz,
    CONSTRAINT notices_delivery_ck CHECK (delivery IN ('IMMEDIATE', 'DIGEST', 'OFF')),
    CONSTRAINT notices_link_ck CHECK (link IS NULL OR (link LIKE '/%' AND link NOT LIKE '//%'))
);
CREATE INDEX notices_account_idx ON notices (account_id, created_at DESC, id DESC);
CREATE INDEX notices_unread_idx ON notices (account_id) WHERE read_at IS NULL;
CREATE INDEX notices_digest_idx ON notices (account_id) WHERE delivery = 'DIGEST' AND mailed_at IS NULL;

-- Each account's choice per kind; a kind without a row has the kind's default.
CREATE TABLE notice_preferences (
    account_id bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind       varchar(40) NOT NULL,
    delivery   varchar(10) NOT NULL,
    PRIMARY KEY (account_id, kind),
    CONSTRAINT notice_preferences_delivery_ck CHECK (delivery IN ('IMMEDIATE', 'DIGEST', 'OFF'))
);

-- The day each account's last digest went out: at most one a day, whichever instance sends it.
CREATE TABLE notice_digests (
    account_id   bigint PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    last_sent_on date   NOT NULL
);

-- What each account follows.
CREATE TABLE follows (
    account_id  bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    target_type varchar(20) NOT NULL,
    target_id   bigint      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, target_type, target_id),
    CONSTRAINT follows_target_type_ck CHECK (target_type IN ('MUNICIPALITY', 'AGREEMENT', 'INSTRUMENT', 'EVENT'))
);
CREATE INDEX follows_target_idx ON follows (target_type, target_id);

-- The private address of each account's Atom feed of notices: only a hash of its token is kept;
-- a new address revokes the old one.
CREATE TABLE notice_feeds (
    account_id bigint      PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    token_hash char(64)    NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
