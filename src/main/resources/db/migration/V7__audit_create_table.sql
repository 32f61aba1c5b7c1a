-- The audit log: who changed what, when, field by field. Written by every writing module inside
-- its own transaction; never edited. Only the actor may be pseudonymised (erasure of an account).
CREATE TABLE audit_entries (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      timestamptz  NOT NULL DEFAULT now(),
    actor_account_id bigint,
    actor_label      varchar(300) NOT NULL,
    entity_type      varchar(50)  NOT NULL,
    entity_id        varchar(64)  NOT NULL,
    action           varchar(10)  NOT NULL,
    changes          jsonb        NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT audit_entries_action_ck CHECK (action IN ('CREATE', 'UPDATE', 'DELETE')),
    CONSTRAINT audit_entries_changes_ck CHECK (jsonb_typeof(changes) = 'object')
);
CREATE INDEX audit_entries_entity_idx ON audit_entries (entity_type, entity_id, occurred_at DESC);
CREATE INDEX audit_entries_actor_idx ON audit_entries (actor_account_id);

CREATE FUNCTION audit_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit entries cannot be deleted' USING ERRCODE = 'check_violation',
            CONSTRAINT = 'audit_entries_immutable_ck';
    END IF;
    IF NEW.occurred_at IS DISTINCT FROM OLD.occurred_at OR NEW.entity_type IS DISTINCT FROM OLD.entity_type
       OR NEW.entity_id IS DISTINCT FROM OLD.entity_id OR NEW.action IS DISTINCT FROM OLD.action
       OR NEW.changes IS DISTINCT FROM OLD.changes
       OR (NEW.actor_account_id IS NOT NULL AND NEW.actor_account_id IS DISTINCT FROM OLD.actor_account_id) THEN
        RAISE EXCEPTION 'audit entries cannot be edited' USING ERRCODE = 'check_violation',
            CONSTRAINT = 'audit_entries_immutable_ck';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_entries_immutable
    BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_guard();
