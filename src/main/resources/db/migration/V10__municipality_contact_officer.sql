-- A municipality's contact officer, shown publicly only with their consent.
ALTER TABLE municipalities
    ADD COLUMN contact_name   varchar(200),
    ADD COLUMN contact_email  varchar(254),
    ADD COLUMN contact_public boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT municipalities_contact_email_ck CHECK (contact_email ~ '^[^@\s]+@[^@\s]+$'),
    ADD CONSTRAINT municipalities_contact_public_ck CHECK (NOT contact_public OR contact_name IS NOT NULL);
