-- The audit trail only grows: no application code, and no mistaken statement, may change or
-- remove an entry. (Emptying the whole table with TRUNCATE stays a table owner's act, as for every
-- table; operators grant the application role INSERT and SELECT on audit_log only.)
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE INDEX audit_log_action_idx ON audit_log (action, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);
