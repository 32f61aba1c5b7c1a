-- A version number of the register for caches (the whole-register map takes seconds to draw):
-- every committed change of an agreement or of its themes advances it, whoever makes it (the
-- portal, an import, a municipality merge, a script). A sequence, not a row, so that writers never
-- wait for each other; the triggers are deferred, so that the number moves at commit, when the
-- change becomes visible, rather than at the statement. Readers compare `last_value`; it is a
-- cache key, never a count.
CREATE SEQUENCE agreement_register_version;

CREATE FUNCTION agreement_register_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('agreement_register_version');
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER agreements_register_changed
    AFTER INSERT OR UPDATE OR DELETE ON agreements
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION agreement_register_changed();

CREATE CONSTRAINT TRIGGER agreement_themes_register_changed
    AFTER INSERT OR UPDATE OR DELETE ON agreement_themes
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION agreement_register_changed();
