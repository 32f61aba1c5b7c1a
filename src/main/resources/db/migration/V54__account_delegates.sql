-- Delegates create their own account (no municipality, no organisation); the e-mail link that
-- makes it usable is a single-use token like invitations and password resets.
ALTER TABLE accounts DROP CONSTRAINT accounts_role_ck;
ALTER TABLE accounts ADD CONSTRAINT accounts_role_ck CHECK (role IN ('DELEGATE', 'OFFICER', 'STAFF', 'ADMIN'));
ALTER TABLE accounts DROP CONSTRAINT accounts_scope_ck;
ALTER TABLE accounts ADD CONSTRAINT accounts_scope_ck CHECK (
    (role = 'OFFICER' AND municipality_id IS NOT NULL AND organisation_id IS NULL)
    OR (role = 'STAFF' AND organisation_id IS NOT NULL AND municipality_id IS NULL)
    OR (role IN ('ADMIN', 'DELEGATE') AND municipality_id IS NULL AND organisation_id IS NULL));
ALTER TABLE account_tokens DROP CONSTRAINT account_tokens_purpose_ck;
ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose_ck
    CHECK (purpose IN ('INVITATION', 'PASSWORD_RESET', 'EMAIL_CHECK'));
