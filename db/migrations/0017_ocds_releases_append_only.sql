-- Published OCDS releases are never changed or removed (R02: ids stable, a correction is a new release).
CREATE FUNCTION ocds_releases_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ocds_releases is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ocds_releases_no_update BEFORE UPDATE OR DELETE ON ocds_releases
  FOR EACH ROW EXECUTE FUNCTION ocds_releases_append_only();
