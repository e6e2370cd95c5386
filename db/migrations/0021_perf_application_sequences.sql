-- Issue 16: application numbers come from a sequence per prefix and year (application_no_vr_2026 …), not from a
-- counter row that every createApplication held until it committed. nextval never waits for another transaction
-- and is not rolled back, so a rolled-back application leaves a gap in the numbers (docs/decisions.md).
-- The sequence is made on the first number of its prefix and year, continuing from that year's counter row (the
-- numbers handed out before this migration, and the seed's). SECURITY DEFINER: the app's role creates nothing in
-- the schema (issue 14); it takes numbers through this function.
CREATE OR REPLACE FUNCTION application_number_next(p_prefix text, p_year integer) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  seq text;
  start bigint;
BEGIN
  IF p_prefix IS NULL OR p_prefix !~ '^[A-Z]{2,4}$' OR p_year IS NULL OR p_year NOT BETWEEN 2000 AND 2999 THEN
    RAISE EXCEPTION 'application_number_next: bad prefix or year' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  seq := 'application_no_' || lower(p_prefix) || '_' || p_year;
  IF to_regclass('public.' || seq) IS NULL THEN
    -- Once per prefix and year: one creator at a time. A second caller waits here until the first one's
    -- transaction ends, then CREATE … IF NOT EXISTS finds its sequence (or makes it, if the first rolled back).
    PERFORM pg_advisory_xact_lock(hashtext('application_number_next'), hashtext(seq));
    SELECT coalesce(max(n.last), 0) + 1 INTO start FROM application_numbers n WHERE n.prefix = p_prefix AND n.year = p_year;
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS public.%I AS bigint MINVALUE 1 START %s', seq, start);
  END IF;
  RETURN nextval(('public.' || seq)::regclass);
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION application_number_next(text, integer) FROM PUBLIC;
--> statement-breakpoint
-- Issue 16: reference data (regions, CONs, fees, the calendar, pilot settings, …) is cached in each server process
-- (lib/reference/cache.ts). Any write to a reference table, by the admin editor, a seed or by hand, gives the one
-- row of reference_version a new token in the same transaction; a process compares its cached token with it (one
-- primary-key read) and reloads on a difference, so an edit is seen by every process as soon as it commits.
-- The plate pools are not here: they change with every registration and are never cached.
CREATE TABLE reference_version (
	id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
	token uuid NOT NULL DEFAULT gen_random_uuid()
);
--> statement-breakpoint
INSERT INTO reference_version (id) VALUES (1);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reference_version_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reference_version SET token = gen_random_uuid() WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['regions', 'districts', 'service_centres', 'registration_points', 'akimats', 'mrp_values',
    'fees', 'calendar_days', 'pilot_settings', 'oked_allowed', 'domestic_manufacturers', 'plate_types',
    'machinery_checklists', 'machinery_refusal_reasons'] LOOP
    EXECUTE format('CREATE TRIGGER reference_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION reference_version_bump()', t);
  END LOOP;
END $$;
