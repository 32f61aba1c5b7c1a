-- Partnership requests: an officer of one municipality asks another to explore a partnership.
-- The database holds the two limits: one pending request per pair (in either direction), and at
-- most ten pending outgoing requests per municipality (a counter row kept by a trigger, so
-- concurrent sends from the same municipality queue on that row and the CHECK refuses the 11th).
CREATE TABLE partnership_requests (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_municipality_id bigint        NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
    to_municipality_id   bigint        NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
    message              varchar(2000) NOT NULL,
    proposed_instrument  varchar(200),
    status               varchar(10)   NOT NULL DEFAULT 'PENDING',
    sent_by              bigint        REFERENCES accounts (id) ON DELETE SET NULL,
    sent_at              timestamptz   NOT NULL DEFAULT now(),
    closed_at            timestamptz,
    last_step_at         timestamptz   NOT NULL DEFAULT now(),
    last_step_side       varchar(4)    NOT NULL DEFAULT 'FROM',
    from_read_at         timestamptz,
    to_read_at           timestamptz,
    CONSTRAINT partnership_requests_pair_ck CHECK (from_municipality_id <> to_municipality_id),
    CONSTRAINT partnership_requests_message_ck CHECK (btrim(message) <> ''),
    CONSTRAINT partnership_requests_status_ck CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    CONSTRAINT partnership_requests_closed_ck CHECK ((status = 'PENDING') = (closed_at IS NULL)),
    CONSTRAINT partnership_requests_closed_after_ck CHECK (closed_at IS NULL OR closed_at >= sent_at),
    CONSTRAINT partnership_requests_side_ck CHECK (last_step_side IN ('FROM', 'TO'))
);

-- One pending request per pair, whichever side sent it.
CREATE UNIQUE INDEX partnership_requests_pending_pair_uk
    ON partnership_requests (least(from_municipality_id, to_municipality_id), greatest(from_municipality_id, to_municipality_id))
    WHERE status = 'PENDING';
CREATE INDEX partnership_requests_from_idx ON partnership_requests (from_municipality_id, sent_at DESC);
CREATE INDEX partnership_requests_to_idx ON partnership_requests (to_municipality_id, sent_at DESC);

CREATE TABLE partnership_request_themes (
    request_id bigint      NOT NULL REFERENCES partnership_requests (id) ON DELETE CASCADE,
    theme_code varchar(40) NOT NULL REFERENCES themes (code),
    CONSTRAINT partnership_request_themes_pk PRIMARY KEY (request_id, theme_code)
);

-- Every step of a request's life, in order, with who took it: the request itself, replies,
-- the answer, a withdrawal.
CREATE TABLE partnership_request_steps (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id      bigint        NOT NULL REFERENCES partnership_requests (id) ON DELETE CASCADE,
    kind            varchar(10)   NOT NULL,
    side            varchar(4)    NOT NULL,
    account_id      bigint        REFERENCES accounts (id) ON DELETE SET NULL,
    body            varchar(2000),
    created_at      timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT partnership_request_steps_kind_ck CHECK (kind IN ('SENT', 'REPLIED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    CONSTRAINT partnership_request_steps_side_ck CHECK (side IN ('FROM', 'TO')),
    CONSTRAINT partnership_request_steps_reply_ck CHECK (kind <> 'REPLIED' OR btrim(body) <> '')
);
CREATE INDEX partnership_request_steps_request_idx ON partnership_request_steps (request_id, created_at, id);

-- Pending outgoing requests per municipality; the CHECK is the limit.
CREATE TABLE partnership_request_quota (
    municipality_id bigint  PRIMARY KEY REFERENCES municipalities (id) ON DELETE CASCADE,
    pending         integer NOT NULL DEFAULT 0,
    CONSTRAINT partnership_request_quota_pending_ck CHECK (pending BETWEEN 0 AND 10)
);

CREATE FUNCTION partnership_request_quota_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status = 'PENDING' THEN
            INSERT INTO partnership_request_quota AS q (municipality_id, pending) VALUES (NEW.from_municipality_id, 1)
            ON CONFLICT (municipality_id) DO UPDATE SET pending = q.pending + 1;
        END IF;
    ELSIF TG_OP = 'UPDATE' THEN
        IF OLD.status = 'PENDING' AND NEW.status <> 'PENDING' THEN
            UPDATE partnership_request_quota SET pending = pending - 1 WHERE municipality_id = OLD.from_municipality_id;
        ELSIF OLD.status <> 'PENDING' AND NEW.status = 'PENDING' THEN
            INSERT INTO partnership_request_quota AS q (municipality_id, pending) VALUES (NEW.from_municipality_id, 1)
            ON CONFLICT (municipality_id) DO UPDATE SET pending = q.pending + 1;
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF OLD.status = 'PENDING' THEN
            UPDATE partnership_request_quota SET pending = pending - 1 WHERE municipality_id = OLD.from_municipality_id;
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER partnership_requests_quota_trg
    AFTER INSERT OR UPDATE OF status OR DELETE ON partnership_requests
    FOR EACH ROW EXECUTE FUNCTION partnership_request_quota_count();
