-- The register of city-to-city agreements. PostgreSQL itself refuses what cannot be: fewer than
-- two parties, the same party twice, a second agreement of the same type between the same set of
-- municipalities while one is not ended (in whatever order they were given), an end date before
-- the signing date, and a signed or active agreement signed in the future.

-- Whether the ids of a party key are all different (a function: CHECK allows no subquery).
CREATE FUNCTION agreement_parties_distinct(key bigint[]) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT cardinality(key) = (SELECT count(DISTINCT p) FROM unnest(key) AS p)
$$;

CREATE TABLE agreements (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type                   varchar(20)  NOT NULL,
    title                  varchar(300) NOT NULL,
    status                 varchar(10)  NOT NULL,
    -- The parties as a sorted array of municipality ids: the one place that says who the parties
    -- are. A trigger sorts it on every write and keeps agreement_parties equal to it, so the
    -- duplicate rule below is one unique index and needs no check-then-insert.
    party_key              bigint[]     NOT NULL,
    signed_on              date,
    signing_place          varchar(200),
    -- The end date of an ended agreement, or the renewal date of a running one.
    ends_on                date,
    event_id               bigint       REFERENCES events (id) ON DELETE SET NULL,
    funding_used           varchar(2000),
    notes                  varchar(10000),
    -- Where the record comes from: staff or an officer on the form (MANUAL), a public list such as
    -- Wikipedia's lists of twin towns (PUBLIC_LIST), or a staff CSV upload (CSV_UPLOAD).
    source                 varchar(20)  NOT NULL DEFAULT 'MANUAL',
    source_name            varchar(300),
    -- Shown wherever an imported record is shown, e.g. "Partnership list from Wikipedia
    -- contributors, CC BY-SA 4.0".
    source_attribution     varchar(300),
    source_url             varchar(500),
    -- The row as the source spelled it (e.g. "Zeitz, Germany – Darkhan, Mongolia").
    source_record          varchar(1000),
    imported_at            timestamptz,
    -- An officer's proposal or an imported row stays unverified until staff check it.
    verified_at            timestamptz,
    verified_by_account_id bigint,
    proposed_by_account_id bigint,
    created_by_account_id  bigint,
    updated_by_account_id  bigint,
    created_at             timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now(),
    version                bigint       NOT NULL DEFAULT 0,
    CONSTRAINT agreements_type_ck CHECK (type IN ('SISTER_CITY', 'FRIENDSHIP', 'MEMORANDUM', 'TWINNING_PROJECT')),
    CONSTRAINT agreements_status_ck CHECK (status IN ('DRAFT', 'SIGNED', 'ACTIVE', 'DORMANT', 'ENDED')),
    CONSTRAINT agreements_title_ck CHECK (btrim(title) <> ''),
    CONSTRAINT agreements_parties_count_ck CHECK (cardinality(party_key) >= 2 AND array_position(party_key, NULL) IS NULL),
    CONSTRAINT agreements_parties_distinct_ck CHECK (agreement_parties_distinct(party_key)),
    CONSTRAINT agreements_parties_max_ck CHECK (cardinality(party_key) <= 50),
    CONSTRAINT agreements_dates_ck CHECK (ends_on IS NULL OR signed_on IS NULL OR ends_on > signed_on),
    CONSTRAINT agreements_signing_place_ck CHECK (signing_place IS NULL OR btrim(signing_place) <> ''),
    CONSTRAINT agreements_source_ck CHECK (source IN ('MANUAL', 'PUBLIC_LIST', 'CSV_UPLOAD')),
    CONSTRAINT agreements_source_attribution_ck CHECK (source <> 'PUBLIC_LIST' OR source_attribution IS NOT NULL),
    CONSTRAINT agreements_source_url_ck CHECK (source_url IS NULL OR source_url ~ '^https?://[^\s]+$'),
    CONSTRAINT agreements_verified_ck CHECK ((verified_at IS NULL) OR (verified_by_account_id IS NOT NULL)),
    CONSTRAINT agreements_version_ck CHECK (version >= 0),
    CONSTRAINT agreements_updated_ck CHECK (updated_at >= created_at)
);

-- The duplicate rule: one agreement of a type per set of municipalities until it has ended.
CREATE UNIQUE INDEX agreements_open_parties_uk ON agreements (type, party_key) WHERE status <> 'ENDED';
CREATE INDEX agreements_party_key_idx ON agreements USING gin (party_key);
CREATE INDEX agreements_signed_on_idx ON agreements (signed_on);
CREATE INDEX agreements_unverified_idx ON agreements (created_at) WHERE verified_at IS NULL;
CREATE INDEX agreements_event_idx ON agreements (event_id) WHERE event_id IS NOT NULL;

-- Sorts the party key, so that the order in which parties were given never matters.
CREATE FUNCTION agreements_sort_party_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.party_key := ARRAY(SELECT p FROM unnest(NEW.party_key) AS p ORDER BY p);
    RETURN NEW;
END $$;

CREATE TRIGGER agreements_sort_party_key BEFORE INSERT OR UPDATE OF party_key ON agreements
    FOR EACH ROW EXECUTE FUNCTION agreements_sort_party_key();

-- A signed, active (or later) agreement cannot have been signed in the future. "Today" is today
-- in the earliest time zone on Earth (UTC+14), so a signing today anywhere is never refused.
CREATE FUNCTION agreements_signed_not_future() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IN ('SIGNED', 'ACTIVE', 'DORMANT', 'ENDED') AND NEW.signed_on IS NOT NULL
       AND NEW.signed_on > (now() AT TIME ZONE 'Pacific/Kiritimati')::date THEN
        RAISE EXCEPTION 'agreements_signed_not_future_ck: agreement % is % but signed on % (in the future)',
            NEW.id, NEW.status, NEW.signed_on
            USING ERRCODE = 'check_violation', CONSTRAINT = 'agreements_signed_not_future_ck';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER agreements_signed_not_future BEFORE INSERT OR UPDATE OF status, signed_on ON agreements
    FOR EACH ROW EXECUTE FUNCTION agreements_signed_not_future();

-- One row per party, derived from agreements.party_key by the trigger below: the foreign key to
-- municipalities, and the index that finds a municipality's agreements. The foreign key is
-- deferred so that merging two municipality records (which deletes one and then tells features to
-- move their references, in the same transaction) can re-point the parties before commit; the
-- agreement services set it IMMEDIATE in their own transactions to report an unknown id at once.
CREATE TABLE agreement_parties (
    agreement_id    bigint NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    municipality_id bigint NOT NULL,
    CONSTRAINT agreement_parties_pk PRIMARY KEY (agreement_id, municipality_id),
    CONSTRAINT agreement_parties_municipality_fk FOREIGN KEY (municipality_id) REFERENCES municipalities (id)
        DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX agreement_parties_municipality_idx ON agreement_parties (municipality_id, agreement_id);

CREATE FUNCTION agreements_sync_parties() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.party_key = OLD.party_key THEN
            RETURN NULL;
        END IF;
        DELETE FROM agreement_parties WHERE agreement_id = NEW.id AND NOT (municipality_id = ANY (NEW.party_key));
    END IF;
    INSERT INTO agreement_parties (agreement_id, municipality_id)
    SELECT NEW.id, p FROM unnest(NEW.party_key) AS p
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER agreements_sync_parties AFTER INSERT OR UPDATE OF party_key ON agreements
    FOR EACH ROW EXECUTE FUNCTION agreements_sync_parties();

-- Whoever writes agreement_parties directly must leave it equal to the party key, by commit.
CREATE FUNCTION agreement_parties_consistent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    target bigint := coalesce(NEW.agreement_id, OLD.agreement_id);
    key bigint[];
    rows bigint[];
BEGIN
    SELECT party_key INTO key FROM agreements WHERE id = target;
    IF NOT FOUND THEN
        RETURN NULL; -- the agreement itself was deleted
    END IF;
    SELECT coalesce(array_agg(municipality_id ORDER BY municipality_id), '{}') INTO rows
    FROM agreement_parties WHERE agreement_id = target;
    IF rows IS DISTINCT FROM key THEN
        RAISE EXCEPTION 'agreement_parties_consistent_ck: parties of agreement % differ from its party key', target
            USING ERRCODE = 'check_violation', CONSTRAINT = 'agreement_parties_consistent_ck';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER agreement_parties_consistent AFTER INSERT OR UPDATE OR DELETE ON agreement_parties
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION agreement_parties_consistent();

-- Areas of cooperation.
CREATE TABLE agreement_themes (
    agreement_id bigint      NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    theme_code   varchar(40) NOT NULL REFERENCES themes (code),
    CONSTRAINT agreement_themes_pk PRIMARY KEY (agreement_id, theme_code)
);
CREATE INDEX agreement_themes_theme_idx ON agreement_themes (theme_code, agreement_id);

-- Status history: one row per status an agreement entered, written by the database itself.
CREATE TABLE agreement_status_changes (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agreement_id bigint      NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    status       varchar(10) NOT NULL,
    changed_at   timestamptz NOT NULL DEFAULT now(),
    account_id   bigint,
    CONSTRAINT agreement_status_changes_status_ck CHECK (status IN ('DRAFT', 'SIGNED', 'ACTIVE', 'DORMANT', 'ENDED'))
);
CREATE INDEX agreement_status_changes_agreement_idx ON agreement_status_changes (agreement_id, changed_at);

CREATE FUNCTION agreements_record_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
        INSERT INTO agreement_status_changes (agreement_id, status, account_id)
        VALUES (NEW.id, NEW.status, NEW.updated_by_account_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER agreements_record_status AFTER INSERT OR UPDATE OF status ON agreements
    FOR EACH ROW EXECUTE FUNCTION agreements_record_status();

-- The signed document: a PDF of at most 10 MB, with its SHA-256. Kept apart from agreements so
-- that lists never read the bytes.
CREATE TABLE agreement_documents (
    agreement_id          bigint       PRIMARY KEY REFERENCES agreements (id) ON DELETE CASCADE,
    file_name             varchar(255) NOT NULL,
    content_type          varchar(100) NOT NULL,
    size_bytes            integer      NOT NULL,
    sha256                varchar(64)  NOT NULL,
    content               bytea        NOT NULL,
    uploaded_at           timestamptz  NOT NULL DEFAULT now(),
    uploaded_by_account_id bigint,
    CONSTRAINT agreement_documents_type_ck CHECK (content_type = 'application/pdf'),
    CONSTRAINT agreement_documents_size_ck CHECK (size_bytes > 0 AND size_bytes <= 10485760 AND size_bytes = octet_length(content)),
    CONSTRAINT agreement_documents_sha256_ck CHECK (sha256 = encode(sha256(content), 'hex')),
    CONSTRAINT agreement_documents_pdf_ck CHECK (substring(content FROM 1 FOR 5) = '\x255044462d'::bytea),
    CONSTRAINT agreement_documents_file_name_ck CHECK (btrim(file_name) <> '')
);
