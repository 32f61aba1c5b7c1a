-- "Active in the last N years" (issue 25) asked, for every agreement signed earlier, whether one of
-- its activities ended (or began, without an end) in those years: over 21,000 agreements and 50,000
-- activities a look at every agreement's activities, 30-40 ms a register page. The last day of
-- activity is kept on the agreement by the activities' own statements, so the filter is one range
-- of an index on the later of the signature and that day.
ALTER TABLE agreements ADD COLUMN last_activity_on date;

UPDATE agreements a SET last_activity_on = x.last_on
FROM (SELECT agreement_id, max(coalesce(ends_on, starts_on)) AS last_on FROM agreement_activities GROUP BY agreement_id) x
WHERE x.agreement_id = a.id;

CREATE INDEX agreements_active_idx ON agreements ((greatest(signed_on, last_activity_on)));

-- One statement-level trigger per kind of change (transition tables take one event each): the
-- agreements the statement touched get their last day again from what their activities are now.
CREATE FUNCTION agreement_activities_last_day() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE agreements a SET last_activity_on = (SELECT max(coalesce(x.ends_on, x.starts_on))
                                                     FROM agreement_activities x WHERE x.agreement_id = a.id)
        WHERE a.id IN (SELECT agreement_id FROM new_rows);
    ELSIF TG_OP = 'UPDATE' THEN
        UPDATE agreements a SET last_activity_on = (SELECT max(coalesce(x.ends_on, x.starts_on))
                                                     FROM agreement_activities x WHERE x.agreement_id = a.id)
        WHERE a.id IN (SELECT agreement_id FROM new_rows UNION SELECT agreement_id FROM old_rows);
    ELSE
        UPDATE agreements a SET last_activity_on = (SELECT max(coalesce(x.ends_on, x.starts_on))
                                                     FROM agreement_activities x WHERE x.agreement_id = a.id)
        WHERE a.id IN (SELECT agreement_id FROM old_rows);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER agreement_activities_last_day_insert AFTER INSERT ON agreement_activities
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agreement_activities_last_day();
CREATE TRIGGER agreement_activities_last_day_update AFTER UPDATE ON agreement_activities
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agreement_activities_last_day();
CREATE TRIGGER agreement_activities_last_day_delete AFTER DELETE ON agreement_activities
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agreement_activities_last_day();
