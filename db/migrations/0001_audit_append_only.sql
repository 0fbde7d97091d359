-- The audit trail is append-only: the database itself refuses UPDATE and DELETE on it.
-- (An attacker with superuser rights can still disable this; `lpse audit verify` catches that through the hash chain.)
CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
