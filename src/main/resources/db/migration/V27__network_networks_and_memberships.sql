-- Organisations are networks: what kind of network, where it works, on which themes, who may join,
-- and which organisation's staff keep its record. Associations can be members of networks too.
ALTER TABLE organisations
    ADD COLUMN region varchar(3),
    ADD COLUMN admits varchar(40),
    ADD COLUMN membership_note varchar(1000),
    ADD COLUMN maintained_by_organisation_id bigint REFERENCES organisations (id) ON DELETE SET NULL,
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT organisations_region_ck CHECK (region ~ '^([A-Z]{2}|[0-9]{3})$'),
    ADD CONSTRAINT organisations_admits_ck CHECK (admits IN ('MUNICIPALITIES', 'ASSOCIATIONS', 'MUNICIPALITIES_AND_ASSOCIATIONS'));

-- Every organisation that exists so far was created by an administrator for its own staff.
UPDATE organisations SET maintained_by_organisation_id = id;

CREATE TABLE organisation_themes (
    organisation_id bigint      NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    theme_code      varchar(40) NOT NULL REFERENCES themes (code),
    CONSTRAINT organisation_themes_pk PRIMARY KEY (organisation_id, theme_code)
);

CREATE TABLE organisation_member_associations (
    organisation_id bigint NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    member_id       bigint NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    member_since    date,
    CONSTRAINT organisation_member_associations_pk PRIMARY KEY (organisation_id, member_id),
    CONSTRAINT organisation_member_associations_self_ck CHECK (organisation_id <> member_id),
    CONSTRAINT organisation_member_associations_since_ck CHECK (member_since >= DATE '1800-01-01')
);
CREATE INDEX organisation_member_associations_member_idx ON organisation_member_associations (member_id);

ALTER TABLE organisation_members
    ADD CONSTRAINT organisation_members_since_ck CHECK (member_since >= DATE '1800-01-01');

-- Who may join is the network's rule, kept by the database: a municipality joins only a network
-- that admits municipalities, an association only one that admits associations (a network whose
-- rule staff have not entered yet, NULL, restricts neither), and only a national association
-- counts as one. The network row is locked in share mode so that a concurrent change of its rule
-- waits.
CREATE FUNCTION organisation_members_admitted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    rule varchar(40);
    member_kind varchar(30);
BEGIN
    SELECT admits INTO rule FROM organisations WHERE id = NEW.organisation_id FOR SHARE;
    IF NOT FOUND THEN
        RETURN NEW; -- the foreign key refuses the row
    END IF;
    IF TG_TABLE_NAME = 'organisation_members' THEN
        IF rule = 'ASSOCIATIONS' THEN
            RAISE EXCEPTION 'network % does not admit municipalities', NEW.organisation_id
                USING ERRCODE = '23514', CONSTRAINT = 'organisation_members_admitted_ck';
        END IF;
    ELSE
        IF rule = 'MUNICIPALITIES' THEN
            RAISE EXCEPTION 'network % does not admit associations', NEW.organisation_id
                USING ERRCODE = '23514', CONSTRAINT = 'organisation_member_associations_admitted_ck';
        END IF;
        SELECT kind INTO member_kind FROM organisations WHERE id = NEW.member_id;
        IF member_kind IS NOT NULL AND member_kind <> 'NATIONAL_ASSOCIATION' THEN
            RAISE EXCEPTION 'organisation % is not an association', NEW.member_id
                USING ERRCODE = '23514', CONSTRAINT = 'organisation_member_associations_kind_ck';
        END IF;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER organisation_members_admitted_tg BEFORE INSERT OR UPDATE ON organisation_members
    FOR EACH ROW EXECUTE FUNCTION organisation_members_admitted();
CREATE TRIGGER organisation_member_associations_admitted_tg BEFORE INSERT OR UPDATE ON organisation_member_associations
    FOR EACH ROW EXECUTE FUNCTION organisation_members_admitted();

-- A network may not close its door to the kind of member it already has.
CREATE FUNCTION organisations_admits_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.admits = 'ASSOCIATIONS' AND EXISTS (SELECT 1 FROM organisation_members WHERE organisation_id = NEW.id) THEN
        RAISE EXCEPTION 'network % has municipal members', NEW.id
            USING ERRCODE = '23514', CONSTRAINT = 'organisations_admits_members_ck';
    END IF;
    IF NEW.admits = 'MUNICIPALITIES' AND EXISTS (SELECT 1 FROM organisation_member_associations WHERE organisation_id = NEW.id) THEN
        RAISE EXCEPTION 'network % has association members', NEW.id
            USING ERRCODE = '23514', CONSTRAINT = 'organisations_admits_members_ck';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER organisations_admits_members_tg BEFORE UPDATE OF admits ON organisations
    FOR EACH ROW EXECUTE FUNCTION organisations_admits_members();
