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
