-- A municipality becomes a member of a network only with its consent. Staff of the network invite
-- it; an officer of the municipality accepts (the row then moves to organisation_members) or
-- declines (the row goes). An administrator may record a membership the municipality agreed to
-- outside the portal. Only accepted memberships give a network's staff any right over a municipality.
CREATE TABLE membership_invitations (
    organisation_id bigint      NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    municipality_id bigint      NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
    member_since    date,
    invited_by      bigint REFERENCES accounts (id) ON DELETE SET NULL,
    invited_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT membership_invitations_pk PRIMARY KEY (organisation_id, municipality_id),
    CONSTRAINT membership_invitations_since_ck CHECK (member_since >= DATE '1800-01-01')
);
CREATE INDEX membership_invitations_municipality_idx ON membership_invitations (municipality_id);

-- An invitation follows the network's rule as a membership does: a network that admits only
-- associations invites no municipality, and an invitation to a municipality already a member is refused.
CREATE FUNCTION membership_invitations_admitted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    rule varchar(40);
BEGIN
    SELECT admits INTO rule FROM organisations WHERE id = NEW.organisation_id FOR SHARE;
    IF FOUND AND rule = 'ASSOCIATIONS' THEN
        RAISE EXCEPTION 'network % does not admit municipalities', NEW.organisation_id
            USING ERRCODE = '23514', CONSTRAINT = 'membership_invitations_admitted_ck';
    END IF;
    IF EXISTS (SELECT 1 FROM organisation_members
               WHERE organisation_id = NEW.organisation_id AND municipality_id = NEW.municipality_id) THEN
        RAISE EXCEPTION 'municipality % is already a member of network %', NEW.municipality_id, NEW.organisation_id
            USING ERRCODE = '23505', CONSTRAINT = 'membership_invitations_member_uk';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER membership_invitations_admitted_tg BEFORE INSERT OR UPDATE ON membership_invitations
    FOR EACH ROW EXECUTE FUNCTION membership_invitations_admitted();

-- A network may not close its door to municipalities while it has invited some.
CREATE FUNCTION organisations_admits_invitations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.admits = 'ASSOCIATIONS' AND EXISTS (SELECT 1 FROM membership_invitations WHERE organisation_id = NEW.id) THEN
        RAISE EXCEPTION 'network % has municipal members', NEW.id
            USING ERRCODE = '23514', CONSTRAINT = 'organisations_admits_members_ck';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER organisations_admits_invitations_tg BEFORE UPDATE OF admits ON organisations
    FOR EACH ROW EXECUTE FUNCTION organisations_admits_invitations();
