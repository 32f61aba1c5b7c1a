-- Accounts: each OFFICER acts for one municipality, each STAFF member for one organisation.
CREATE TABLE accounts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           varchar(254) NOT NULL,
    display_name    varchar(200),
    password_hash   varchar(200),
    role            varchar(10)  NOT NULL,
    municipality_id bigint REFERENCES municipalities (id),
    organisation_id bigint REFERENCES organisations (id),
    enabled         boolean      NOT NULL DEFAULT false,
    deleted_at      timestamptz,
    version         bigint       NOT NULL DEFAULT 0,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT accounts_role_ck CHECK (role IN ('OFFICER', 'STAFF', 'ADMIN')),
    CONSTRAINT accounts_scope_ck CHECK (
        (role = 'OFFICER' AND municipality_id IS NOT NULL AND organisation_id IS NULL)
        OR (role = 'STAFF' AND organisation_id IS NOT NULL AND municipality_id IS NULL)
        OR (role = 'ADMIN' AND municipality_id IS NULL AND organisation_id IS NULL)),
    CONSTRAINT accounts_email_ck CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
    CONSTRAINT accounts_enabled_ck CHECK (NOT enabled OR password_hash IS NOT NULL),
    CONSTRAINT accounts_deleted_ck CHECK (deleted_at IS NULL OR NOT enabled)
);
CREATE UNIQUE INDEX accounts_email_uk ON accounts (lower(email));
CREATE INDEX accounts_municipality_idx ON accounts (municipality_id);
CREATE INDEX accounts_organisation_idx ON accounts (organisation_id);

-- Single-use links: invitations and password resets. Only a hash of the token is stored.
CREATE TABLE account_tokens (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose    varchar(20) NOT NULL,
    token_hash char(64)    NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    CONSTRAINT account_tokens_purpose_ck CHECK (purpose IN ('INVITATION', 'PASSWORD_RESET')),
    CONSTRAINT account_tokens_expiry_ck CHECK (expires_at > created_at),
    CONSTRAINT account_tokens_used_ck CHECK (used_at IS NULL OR used_at >= created_at)
);
CREATE INDEX account_tokens_account_idx ON account_tokens (account_id);

-- Every message the portal sends; without a mail server this is where admins read them.
CREATE TABLE outbox_messages (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient  varchar(254) NOT NULL,
    subject    varchar(300) NOT NULL,
    body       text         NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now(),
    sent_at    timestamptz
);

-- Failed sign-ins per account and per address, so the throttle survives restarts and is shared
-- by every portal instance.
CREATE TABLE login_throttle (
    throttle_key      varchar(320) PRIMARY KEY,
    failures          integer      NOT NULL,
    window_started_at timestamptz  NOT NULL,
    blocked_until     timestamptz,
    CONSTRAINT login_throttle_failures_ck CHECK (failures >= 0)
);
