-- Training programmes for local officials, and who enrolled. The seat counter on the programme is
-- the database's guard against overselling: "confirmed" can never exceed "seats", and enrolments
-- take the programme row's lock, so waiting positions are handed out one at a time, gapless.
CREATE TABLE training_programmes (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title           varchar(300)  NOT NULL,
    topic           varchar(40)   NOT NULL,
    format          varchar(20)   NOT NULL,
    language        varchar(3)    NOT NULL,
    starts_at       timestamptz   NOT NULL,
    ends_at         timestamptz   NOT NULL,
    time_zone       varchar(64)   NOT NULL,
    seats           integer       NOT NULL,
    confirmed       integer       NOT NULL DEFAULT 0,
    provider        varchar(200)  NOT NULL,
    description     varchar(10000),
    organisation_id bigint        REFERENCES organisations (id),
    version         bigint        NOT NULL DEFAULT 0,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at      timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT training_programmes_title_ck CHECK (btrim(title) <> ''),
    CONSTRAINT training_programmes_provider_ck CHECK (btrim(provider) <> ''),
    CONSTRAINT training_programmes_topic_ck CHECK (topic IN ('EU_POLICIES', 'PROJECT_MANAGEMENT', 'FUNDING_APPLICATIONS',
        'CITY_DIPLOMACY', 'URBAN_DEVELOPMENT', 'OTHER')),
    CONSTRAINT training_programmes_format_ck CHECK (format IN ('ONLINE', 'IN_PERSON', 'HYBRID')),
    CONSTRAINT training_programmes_language_ck CHECK (language ~ '^[a-z]{2,3}$'),
    CONSTRAINT training_programmes_dates_ck CHECK (ends_at > starts_at),
    CONSTRAINT training_programmes_seats_range_ck CHECK (seats BETWEEN 1 AND 10000),
    CONSTRAINT training_programmes_seats_ck CHECK (confirmed >= 0 AND confirmed <= seats)
);
CREATE INDEX training_programmes_starts_idx ON training_programmes (starts_at);

CREATE TABLE training_enrolments (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id     bigint      NOT NULL REFERENCES training_programmes (id) ON DELETE CASCADE,
    account_id       bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status           varchar(20) NOT NULL,
    waiting_position integer,
    enrolled_at      timestamptz NOT NULL DEFAULT now(),
    changed_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT training_enrolments_status_ck CHECK (status IN ('CONFIRMED', 'WAITING', 'CANCELLED', 'COMPLETED')),
    CONSTRAINT training_enrolments_waiting_ck CHECK ((status = 'WAITING') = (waiting_position IS NOT NULL)
        AND (waiting_position IS NULL OR waiting_position > 0)),
    -- Positions move up together when someone ahead leaves; checked at commit.
    CONSTRAINT training_enrolments_position_ex EXCLUDE USING btree (programme_id WITH =, waiting_position WITH =)
        WHERE (status = 'WAITING') DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX training_enrolments_active_uk ON training_enrolments (programme_id, account_id) WHERE status <> 'CANCELLED';
CREATE INDEX training_enrolments_account_idx ON training_enrolments (account_id);
